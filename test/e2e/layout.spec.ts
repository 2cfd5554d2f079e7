// Every page from a phone to a wide screen, in English and French: nothing scrolls sideways or sticks out of the
// window or its card, menus open on screen, names read whole on a phone (and keep their room with every column on), and
// a segment's verdicts show without scrolling.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { FAILING_CA_URL } from '../../playwright.config'

const WIDTHS = [390, 1024, 1440] as const
const PHONE = 390
/** A phone's window is taller than it is wide; a laptop's is not. */
const heightFor = (width: number) => (width === PHONE ? 844 : 900)
/** A name with no space to break at, as long as the server keeps: it wraps inside the Audit card. */
const LONG_NAME = `Camille${'e'.repeat(193)}`

/** Every column the Columns menu offers, ticked (as kept in localStorage by use-column-visibility.ts). */
const EVERY_COLUMN = {
  id: true,
  tags: true,
  teams: true,
  tracking: true,
  created: true,
  updated: true,
  description: true,
  size: true,
  verdict: true,
  findings: true,
}

const openList = async (page: Page) => {
  await page.goto('/')
  await expect(page.getByRole('status')).toContainText(/3.400/)
  await expect(page.getByRole('table').getByRole('link').first()).toBeVisible()
}

/** Each page, once it shows its content (waiting on roles and text, never on time). */
const PAGES: {
  name: string
  reviewer?: string
  columns?: Record<string, boolean>
  open: (page: Page) => Promise<void>
}[] = [
  { name: 'segments', open: openList },
  { name: 'segments with every column', columns: EVERY_COLUMN, open: openList },
  {
    name: 'a Braze segment',
    reviewer: LONG_NAME,
    open: async (page) => {
      await page.goto('/?provider=braze&tracking=on')
      // The whole list first: a row clicked while pages still stream in can move under the pointer.
      await expect(page.getByRole('status')).toContainText(/segments (of|sur) 3\D?400/)
      await page.getByRole('table').getByRole('link').first().click()
      await expect(page.getByRole('radiogroup')).toBeVisible()
      await expect(page.locator('.size-chart svg')).toBeVisible()
    },
  },
  {
    name: 'a Braze segment, before the reviewer gives a name',
    open: async (page) => {
      await page.goto('/?provider=braze&tracking=on')
      // The whole list first: a row clicked while pages still stream in can move under the pointer.
      await expect(page.getByRole('status')).toContainText(/segments (of|sur) 3\D?400/)
      await page.getByRole('table').getByRole('link').first().click()
      await expect(page.getByRole('textbox').first()).toBeVisible()
      await expect(page.locator('.size-chart svg')).toBeVisible()
    },
  },
  {
    name: 'a Commanders Act segment',
    reviewer: 'Camille',
    open: async (page) => {
      await page.goto('/?provider=commanders-act')
      // The whole list first: a row clicked while pages still stream in can move under the pointer.
      await expect(page.getByRole('status')).toContainText(/segments (of|sur) 3\D?400/)
      await page.getByRole('table').getByRole('link').first().click()
      await expect(page.getByRole('radiogroup')).toBeVisible()
    },
  },
  {
    name: 'audit',
    open: async (page) => {
      // A segment's details loaded first: the findings that need them count "so far", their longest words.
      await page.goto('/?provider=braze')
      await expect(page.getByRole('status')).toContainText(/segments (of|sur) 3\D?400/)
      await page.getByRole('table').getByRole('link').first().click()
      await expect(page.locator('.size-chart svg')).toBeVisible()
      await page.goto('/audit')
      await expect(page.getByRole('table').first()).toBeVisible()
      await expect(page.getByRole('heading', { level: 2 }).last()).toBeVisible()
      await expect(page.getByRole('table', { name: /^(Findings|Constats)$/ })).toContainText(/(so far|pour l’instant)/)
    },
  },
  {
    name: 'connections',
    open: async (page) => {
      await page.goto('/connections')
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible()
    },
  },
  {
    name: 'visitor',
    open: async (page) => {
      await page.goto('/visitor?tcid=1001')
      await expect(page.getByRole('heading', { name: /1001/ })).toBeVisible()
    },
  },
  {
    name: 'the list, its alert for a failing provider',
    open: async (page) => {
      await page.goto(`${FAILING_CA_URL}/`)
      await expect(page.getByRole('alert').first()).toContainText('Commanders Act')
    },
  },
  {
    name: 'connections, its alert for a failing provider',
    open: async (page) => {
      await page.goto(`${FAILING_CA_URL}/connections`)
      await expect(page.getByRole('alert').first()).toContainText('Commanders Act')
    },
  },
  {
    name: 'not found',
    open: async (page) => {
      await page.goto('/no-such-page')
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    },
  },
]

/**
 * Each element with text of its own that sticks out of the window, or out of the card it is in, once what its
 * scrolling or clipping ancestors hide is taken off.
 */
function sticksOut(): string[] {
  const problems: string[] = []
  const width = window.innerWidth
  for (const element of document.body.querySelectorAll('*')) {
    const hasText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim())
    const box = element.getBoundingClientRect()
    // 1 px boxes are the visually hidden labels for screen readers.
    if (!hasText || box.width <= 1 || box.height <= 1) continue
    let { left, right } = box
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX === 'visible') continue
      const clip = parent.getBoundingClientRect()
      left = Math.max(left, clip.left)
      right = Math.min(right, clip.right)
    }
    if (right <= left) continue
    const card = element.closest('.card')?.getBoundingClientRect()
    const within = card ?? { left: 0, right: width }
    if (left < within.left - 1 || right > within.right + 1)
      problems.push(
        `"${element.textContent?.trim().slice(0, 40)}" spans ${Math.round(left)}–${Math.round(right)} px, ` +
          `${card ? 'its card' : 'the window'} ${Math.round(within.left)}–${Math.round(within.right)} px`,
      )
  }
  return problems
}

/** The tables of a page (the list's aside) that scroll sideways inside their card: a column out of sight. */
function tablesScrolling(): string[] {
  return [...document.querySelectorAll<HTMLElement>('table:not(.segments-table)')].flatMap((table) =>
    table.scrollWidth <= table.clientWidth + 1
      ? []
      : [`"${table.querySelector('caption')?.textContent ?? table.textContent?.slice(0, 40)}" scrolls sideways`],
  )
}

/** The first segment names of the list, each whole on screen: drawn, inside the window, neither cut nor clamped. */
function cutNames(): string[] {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('table a.segment-name')].slice(0, 6)
  if (links.length === 0) return ['no segment name in the table']
  return links.flatMap((link) => {
    const cell = link.closest('td')
    const box = link.getBoundingClientRect()
    const whole =
      box.width > 0 &&
      box.left >= 0 &&
      box.right <= window.innerWidth &&
      link.scrollHeight <= link.clientHeight + 1 &&
      link.scrollWidth <= link.clientWidth + 1 &&
      cell !== null &&
      cell.scrollWidth <= cell.clientWidth + 1 &&
      cell.scrollHeight <= cell.clientHeight + 1
    return whole ? [] : [`"${link.textContent}" is ${Math.round(box.width)} px wide or cut`]
  })
}

/**
 * With every column on, the first segment names' cells narrower than a usable name (two lines of a dozen letters or
 * more), and the headers whose label passes their cell: the other columns give way first.
 */
function squeezedNames(): string[] {
  const cells = [...document.querySelectorAll<HTMLElement>('table td.col-name')].slice(0, 6)
  const names = cells.flatMap((cell) => {
    const { width } = cell.getBoundingClientRect()
    return width >= 120 ? [] : [`"${cell.textContent}" is ${Math.round(width)} px wide`]
  })
  const headers = [...document.querySelectorAll<HTMLElement>('table th')].flatMap((header) =>
    header.scrollWidth <= header.clientWidth + 1 ? [] : [`the "${header.textContent}" header passes its cell`],
  )
  return [...names, ...headers]
}

/** The provider badges of the list drawn whole ("Commanders Act" is the longest), not cut by their cell. */
function cutBadges(): string[] {
  return [...document.querySelectorAll('table td .badge')].slice(0, 40).flatMap((badge) => {
    const cell = badge.closest('td')?.getBoundingClientRect()
    const box = badge.getBoundingClientRect()
    return cell && box.left >= cell.left && box.right <= cell.right ? [] : [`"${badge.textContent}" is cut`]
  })
}

/** Tag and team chips that pass their cell fade out at its edge, and only those: `cut` counts rows whose chips pass. */
function chipsAtTheEdge(): { cut: number; problems: string[] } {
  const lists = [...document.querySelectorAll<HTMLElement>('table td > .chips')].slice(0, 40)
  const problems: string[] = []
  let cut = 0
  for (const chips of lists) {
    const cell = chips.parentElement as HTMLElement
    // A pixel over either way is rounding, not a chip cut or a chip whole.
    const over = cell.scrollWidth - cell.clientWidth
    const faded = getComputedStyle(chips).maskImage !== 'none'
    if (over > 1) cut += 1
    if (over > 1 && !faded) problems.push(`"${chips.textContent}" is cut without fading`)
    if (over <= 0 && faded) problems.push(`"${chips.textContent}" fades but fits`)
  }
  return { cut, problems }
}

async function expectNothingSideways(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }))
  expect.soft(scrollWidth, `${where}: the page's width`).toBeLessThanOrEqual(innerWidth)
  expect.soft(await page.evaluate(sticksOut), `${where}: text sticking out`).toEqual([])
}

async function expectOnScreen(page: Page, what: Locator, where: string) {
  const box = await what.boundingBox()
  const width = page.viewportSize()?.width ?? 0
  expect.soft(box, `${where} is drawn`).not.toBeNull()
  if (box) expect.soft([box.x >= 0, box.x + box.width <= width], `${where} within the window`).toEqual([true, true])
}

/** The list's panels (Tags, Teams, Columns) and, on a phone, the header's menu open inside the window. */
async function expectMenusOnScreen(page: Page, width: number) {
  const toolbar = page.getByRole('search')
  const panelButtons = toolbar.getByRole('button', { expanded: false })
  const count = await panelButtons.count()
  expect(count).toBeGreaterThanOrEqual(3)
  for (let index = 0; index < count; index++) {
    const button = panelButtons.nth(index)
    const name = await button.textContent()
    await button.click()
    await expectOnScreen(page, toolbar.getByRole('group'), `at ${width} px, the "${name}" panel`)
    await page.keyboard.press('Escape')
    await expect(toolbar.getByRole('group')).toBeHidden()
  }
  if (width === PHONE) {
    await page.getByRole('button', { name: 'Menu' }).click()
    await expectOnScreen(page, page.getByRole('navigation').first(), `at ${width} px, the header menu`)
    await expectNothingSideways(page, `at ${width} px with the header menu open`)
    await page.getByRole('button', { name: 'Menu' }).click()
  }
}

for (const language of ['en', 'fr'] as const) {
  test.describe(language === 'en' ? 'in English' : 'in French', () => {
    for (const { name, reviewer, columns, open } of PAGES) {
      test(`${name} fits 390, 1024 and 1440 px`, async ({ page }) => {
        // Three widths, each laid out again, on a machine shared with other suites.
        test.setTimeout(120_000)
        await page.addInitScript(
          ([chosen, who, shown]) => {
            localStorage.setItem('segment-audit:language:v1', chosen)
            if (who) localStorage.setItem('segment-audit:reviewer:v1', who)
            else localStorage.removeItem('segment-audit:reviewer:v1')
            if (shown) localStorage.setItem('segment-audit:columns:v1', shown)
          },
          [language, reviewer ?? '', columns ? JSON.stringify(columns) : ''] as const,
        )
        await page.setViewportSize({ width: PHONE, height: heightFor(PHONE) })
        await open(page)
        await expect(page.locator('html')).toHaveAttribute('lang', language)
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: heightFor(width) })
          await page.evaluate(() => window.scrollTo(0, 0))
          await expectNothingSideways(page, `at ${width} px`)
          if (!name.startsWith('segments'))
            expect.soft(await page.evaluate(tablesScrolling), `at ${width} px, tables`).toEqual([])
          if (columns && width !== PHONE)
            expect.soft(await page.evaluate(squeezedNames), `at ${width} px, names and headers`).toEqual([])
          if (name.startsWith('segments')) {
            if (width === PHONE) {
              expect.soft(await page.evaluate(cutNames), 'names on a phone').toEqual([])
              // The cards are still the table's rows: ↓ moves from one name to the next.
              const names = page.getByRole('table').getByRole('link')
              await names.first().focus()
              await page.keyboard.press('ArrowDown')
              await expect(names.nth(1)).toBeFocused()
            }
            expect.soft(await page.evaluate(cutBadges), `at ${width} px, provider badges`).toEqual([])
            if (width !== PHONE) {
              // The browser says which cells overflow a frame after their layout: asked again until it has.
              await expect.soft
                .poll(async () => (await page.evaluate(chipsAtTheEdge)).problems, {
                  message: `at ${width} px, tags passing their cell`,
                  timeout: 3_000,
                })
                .toEqual([])
              if (width === 1024)
                expect
                  .soft((await page.evaluate(chipsAtTheEdge)).cut, 'rows whose tags pass their cell')
                  .toBeGreaterThan(0)
            }
            await expectMenusOnScreen(page, width)
          }
          if (reviewer) {
            const verdicts = await page.getByRole('radiogroup').boundingBox()
            expect.soft(verdicts, `at ${width} px, the verdicts are drawn`).not.toBeNull()
            if (verdicts)
              expect
                .soft(verdicts.y + verdicts.height, `at ${width} px, the verdicts show without scrolling`)
                .toBeLessThanOrEqual(heightFor(width))
          }
        }
      })
    }
  })
}

/** The marks of rows whose answer broke the schema that their name's cell cuts (their field name out of sight). */
function cutMarks(): string[] {
  return [...document.querySelectorAll('table td.col-name .badge')].flatMap((mark) => {
    const cell = mark.closest('td')?.getBoundingClientRect()
    const box = mark.getBoundingClientRect()
    return cell && box.right <= cell.right + 1 && mark.scrollWidth <= mark.clientWidth + 1
      ? []
      : [`"${mark.textContent}" is cut`]
  })
}

for (const language of ['en', 'fr'] as const) {
  test(`(${language}) a row whose answer broke the schema names the field whole, with every column on`, async ({
    page,
  }) => {
    await page.addInitScript(
      ([chosen, shown]) => {
        localStorage.setItem('segment-audit:language:v1', chosen)
        localStorage.setItem('segment-audit:columns:v1', shown)
      },
      [language, JSON.stringify(EVERY_COLUMN)] as const,
    )
    await page.goto('/?finding=malformed')
    await expect(page.getByRole('table').getByText(/analytics_tracking_enabled/)).toBeVisible()
    for (const width of [1024, 1440]) {
      await page.setViewportSize({ width, height: heightFor(width) })
      expect.soft(await page.evaluate(cutMarks), `at ${width} px`).toEqual([])
    }
  })
}

for (const language of ['en', 'fr'] as const) {
  test(`(${language}) opened on a laptop, the list's default columns read their headers whole`, async ({ page }) => {
    await page.addInitScript((chosen) => localStorage.setItem('segment-audit:language:v1', chosen), language)
    // Opened at this width, not narrowed to it: a phone's first load turns several of these columns off.
    await page.setViewportSize({ width: 1024, height: heightFor(1024) })
    await openList(page)
    expect(await page.locator('table th').count()).toBeGreaterThanOrEqual(10)
    expect(await page.evaluate(squeezedNames)).toEqual([])
  })
}

test.describe('on a touch phone', () => {
  test.use({ viewport: { width: PHONE, height: heightFor(PHONE) }, hasTouch: true, isMobile: true })

  test('the bulk bar leaves out its keyboard hint: a phone has no b key to press', async ({ page }) => {
    await openList(page)
    await page.getByRole('table').getByRole('checkbox').nth(1).tap()
    const bar = page.locator('.bulk-bar')
    await expect(bar.getByRole('status').first()).toContainText('1')
    await expect(bar.getByText('in the list to come back to this bar')).toBeHidden()
  })
})

test('the bulk bar says how to come back to it from the keyboard, on a laptop', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: heightFor(1024) })
  await openList(page)
  await page.getByRole('table').getByRole('checkbox').nth(1).check()
  await expect(page.locator('.bulk-bar').getByText('in the list to come back to this bar')).toBeVisible()
})

/**
 * How many pixels of the list's search hint its field cuts (0: it reads whole). The hint is laid out as a value would
 * be: a copy of the field, as wide, holding it as its value tells.
 */
function searchHintCut(): number {
  const field = document.querySelector<HTMLInputElement>('input.search-input')
  if (!field) return Number.POSITIVE_INFINITY
  const copy = field.cloneNode() as HTMLInputElement
  copy.value = field.placeholder
  Object.assign(copy.style, { position: 'absolute', flex: 'none', width: getComputedStyle(field).width })
  Object.assign(copy.style, { minWidth: '0', maxWidth: 'none', visibility: 'hidden' })
  field.after(copy)
  const cut = copy.scrollWidth - copy.clientWidth
  copy.remove()
  return cut
}

for (const language of ['en', 'fr'] as const) {
  test(`(${language}) the list's search field shows its hint whole, from a phone to a wide screen`, async ({
    page,
  }) => {
    await page.addInitScript((chosen) => localStorage.setItem('segment-audit:language:v1', chosen), language)
    await openList(page)
    for (const width of [PHONE, 1024, 1280, 1440]) {
      await page.setViewportSize({ width, height: heightFor(width) })
      expect.soft(await page.evaluate(searchHintCut), `at ${width} px, pixels of the hint cut`).toBe(0)
    }
  })
}

/**
 * Filters picked, as the URL keeps them: each widens its button ("Tags (10)") or brings "Clear filters" into the
 * toolbar's first row, which leaves the search field less room.
 */
const picks = (tags: string[], teams: string[]) =>
  new URLSearchParams([...tags.map((tag) => ['tag', tag]), ...teams.map((team) => ['team', team])]).toString()
const PICKS = {
  'a tag': picks(['crm'], []),
  'two tags and a team': picks(['crm', 'vip'], ['CRM']),
  'ten tags and two teams': picks(
    ['crm', 'vip', 'fr', 'en', 'newsletter', 'retention', 'airbyte', 'test', 'a', 'b'],
    ['CRM', 'Data'],
  ),
}

for (const language of ['en', 'fr'] as const) {
  test(`(${language}) the list's search field shows its hint whole with filters picked, on a laptop`, async ({
    page,
  }) => {
    await page.addInitScript((chosen) => localStorage.setItem('segment-audit:language:v1', chosen), language)
    for (const [picked, query] of Object.entries(PICKS)) {
      await page.setViewportSize({ width: 1024, height: heightFor(1024) })
      await page.goto(`/?${query}`)
      await expect(page.getByRole('status')).toContainText(/3.400/)
      await expect(
        page.getByRole('search').getByRole('button', { name: /^(Clear filters|Effacer les filtres)$/ }),
      ).toBeVisible()
      for (const width of [1024, 1280]) {
        await page.setViewportSize({ width, height: heightFor(width) })
        expect.soft(await page.evaluate(searchHintCut), `${picked}, at ${width} px: pixels of the hint cut`).toBe(0)
      }
    }
  })
}

/** The list's search field's width and its row's, the toolbar's inside its padding. */
function searchFieldAndRow(): { field: number; row: number } {
  const field = document.querySelector<HTMLElement>('input.search-input')
  const toolbar = field?.closest<HTMLElement>('.toolbar')
  if (!field || !toolbar) return { field: 0, row: Number.POSITIVE_INFINITY }
  const style = getComputedStyle(toolbar)
  const row = toolbar.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
  return { field: field.getBoundingClientRect().width, row }
}

for (const language of ['en', 'fr'] as const) {
  test(`(${language}) on a phone, the list's search field fills its row`, async ({ page }) => {
    await page.addInitScript((chosen) => localStorage.setItem('segment-audit:language:v1', chosen), language)
    await page.setViewportSize({ width: PHONE, height: heightFor(PHONE) })
    await openList(page)
    const { field, row } = await page.evaluate(searchFieldAndRow)
    // A pixel less is rounding.
    expect(field, `the field's width, its row ${row} px`).toBeGreaterThanOrEqual(row - 1)
  })
}
