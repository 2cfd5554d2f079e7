// One audit for a team, kept on the server: two browsers see each other's reviews live, two tabs keep both changes,
// notes typed just before leaving are not lost, a verdict the server could not take is sent once it answers, hostile
// session files change nothing, and a colleague's new browser shows the details the team's scan fetched. These
// journeys have their own server (TEAM_URL) and run one at a time, each on segments of its own.
import { expect, test, type Browser, type Page } from '@playwright/test'
import { TEAM_URL } from '../../playwright.config'

test.use({ baseURL: TEAM_URL })
test.describe.configure({ mode: 'serial' })

interface ServerEntry {
  key: string
  verdict: string
  note: string
  verdictBy: string | null
  noteBy: string | null
}

/** What the server's audit holds, read as the app reads it. */
async function serverEntries(page: Page): Promise<Map<string, ServerEntry>> {
  const response = await page.request.get(`${TEAM_URL}/api/audit/entries`, { headers: { 'X-Segment-Audit': '1' } })
  expect(response.ok()).toBe(true)
  const body = (await response.json()) as { entries: ServerEntry[] }
  return new Map(body.entries.map((entry) => [entry.key, entry]))
}

/** The paths of Braze segments' pages, in the list's order; a retry of a journey takes segments no attempt used. */
async function segmentPaths(page: Page, count: number, from: number): Promise<string[]> {
  await page.goto('/?provider=braze')
  await expect(page.getByRole('status')).toContainText('240 segments')
  const offset = from + test.info().retry * 60
  const links = page.getByRole('table', { name: 'Segments' }).getByRole('link')
  const paths: string[] = []
  for (let index = offset; paths.length < count; index += 1) {
    await links.nth(index).scrollIntoViewIfNeeded()
    paths.push((await links.nth(index).getAttribute('href')) ?? '')
  }
  return paths
}

async function reviewerPage(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext()
  await context.addInitScript((reviewer) => localStorage.setItem('segment-audit:reviewer:v1', reviewer), name)
  return context.newPage()
}

const verdictRadio = (page: Page, name: RegExp) =>
  page.getByRole('radiogroup', { name: 'Verdict' }).getByRole('radio', { name })
const note = (page: Page) => page.getByRole('textbox', { name: 'Note' })
const saved = (page: Page) =>
  expect(page.getByRole('region', { name: 'Audit' }).getByRole('status')).toHaveText('Saved')

test('two reviewers in two browsers see each other’s verdict and note within 3 s, and a cleared browser loses nothing', async ({
  browser,
}) => {
  const ana = await reviewerPage(browser, 'Ana')
  const ben = await reviewerPage(browser, 'Ben')
  const [path = ''] = await segmentPaths(ana, 1, 0)
  await ana.goto(path)
  await expect(ana.getByRole('heading', { level: 1 })).toHaveText(/\S/)
  const name = (await ana.getByRole('heading', { level: 1 }).textContent()) ?? ''
  // Ben watches the list of segments marked Fix, and has the segment open in another tab.
  const benList = await ben.context().newPage()
  await benList.goto('/?verdict=fix')
  await expect(benList.getByRole('status')).toContainText(/of 300/)
  await ben.goto(path)
  await expect(note(ben)).toBeEnabled()

  await verdictRadio(ana, /Fix/).check()
  await saved(ana)
  await note(ana).fill('Rename to the team pattern')
  await note(ana).blur()
  await saved(ana)

  await expect(verdictRadio(ben, /Fix/)).toBeChecked({ timeout: 3_000 })
  await expect(note(ben)).toHaveValue('Rename to the team pattern', { timeout: 3_000 })
  await expect(ben.getByText(/Fix — by Ana/)).toBeVisible()
  await expect(benList.getByRole('table', { name: 'Segments' }).getByRole('link', { name, exact: true })).toBeVisible({
    timeout: 3_000,
  })

  // Ben's browser forgets everything the site stored; the audit is on the server. (The list tab is closed first: an
  // open tab would hold the databases being deleted.)
  await benList.close()
  await ben.evaluate(async () => {
    localStorage.clear()
    sessionStorage.clear()
    for (const database of await indexedDB.databases()) if (database.name) indexedDB.deleteDatabase(database.name)
  })
  await ben.context().clearCookies()
  await ben.reload()
  await expect(verdictRadio(ben, /Fix/)).toBeChecked()
  await expect(note(ben)).toHaveValue('Rename to the team pattern')
  await ana.context().close()
  await ben.context().close()
})

test('two tabs: a verdict in one and a note in the other are both kept, and each tab shows the other’s', async ({
  page,
  context,
}) => {
  await context.addInitScript(() => localStorage.setItem('segment-audit:reviewer:v1', 'Camille'))
  const [path = ''] = await segmentPaths(page, 1, 3)
  await page.goto(path)
  const other = await context.newPage()
  await other.goto(path)
  await expect(note(other)).toBeEnabled()
  await expect(note(page)).toBeEnabled()

  await verdictRadio(page, /Fix/).check()
  await saved(page)
  await note(other).fill('Written in the second tab')
  await note(other).blur()
  await saved(other)

  await expect(verdictRadio(other, /Fix/)).toBeChecked({ timeout: 3_000 })
  await expect(note(page)).toHaveValue('Written in the second tab', { timeout: 3_000 })
  const key = `braze:${path.split('/').at(-1)}`
  expect((await serverEntries(page)).get(key)).toMatchObject({ verdict: 'fix', note: 'Written in the second tab' })
})

test('a note typed just before a reload, a navigation or closing the tab is kept: 0 of 20 lost', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const first = await reviewerPage(browser, 'Dana')
  const paths = await segmentPaths(first, 20, 6)
  const typed = new Map<string, string>()
  let page = first
  for (const [index, path] of paths.entries()) {
    const way = (['reload', 'navigation', 'close'] as const)[index % 3] ?? 'reload'
    await page.goto(path)
    await expect(note(page)).toBeEnabled()
    const text = `Note ${index + 1}, then ${way} at once`
    typed.set(`braze:${path.split('/').at(-1)}`, text)
    await note(page).fill(text)
    if (way === 'reload') await page.reload()
    else if (way === 'navigation') await page.getByRole('link', { name: '← Back to the segments' }).click()
    else {
      const context = page.context()
      await page.close()
      page = await context.newPage()
    }
  }
  // A note sent as the page went away may still be on its way: give it the time the live view allows.
  await expect
    .poll(
      async () => {
        const entries = await serverEntries(page)
        return [...typed].filter(([key, text]) => entries.get(key)?.note !== text).length
      },
      { timeout: 5_000 },
    )
    .toBe(0)
  await page.context().close()
})

test('a verdict chosen while the audit server cannot be reached is saved once it answers, the reviewer on the list', async ({
  browser,
}) => {
  const page = await reviewerPage(browser, 'Farid')
  const [path = ''] = await segmentPaths(page, 1, 1)
  const key = `braze:${path.split('/').at(-1)}`
  await page.goto(path)
  await expect(note(page)).toBeEnabled()
  // Every call to the audit server fails as a stopped server's would, the write sent on leaving included.
  await page.route('**/api/audit/**', (route) => route.abort('connectionrefused'))
  await page.keyboard.press('2')
  await expect(page.getByRole('region', { name: 'Audit' }).getByRole('status')).toContainText(
    'Your Fix is not saved yet',
  )
  await page.keyboard.press('Escape')
  await expect(page.getByRole('table', { name: 'Segments' })).toBeVisible()
  expect((await serverEntries(page)).get(key)?.verdict).toBeUndefined()

  await page.unroute('**/api/audit/**')
  await expect.poll(async () => (await serverEntries(page)).get(key)?.verdict, { timeout: 10_000 }).toBe('fix')
  await page.context().close()
})

test('a hostile session file is refused with the reason, and nothing changes', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('segment-audit:reviewer:v1', 'Eve'))
  await page.goto('/audit')
  const before = await serverEntries(page)
  const file = (entries: unknown[]) => ({
    name: 'session.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'segment-audit-session',
        version: 1,
        exportedAt: new Date().toISOString(),
        entries,
        segments: [],
        snapshotProviders: [],
      }),
    ),
  })
  const entry = { key: 'braze:8b922b25-dcc6-4e4d-b345-f7b06106046c', verdict: 'keep', note: '', reviewer: 'Mallory' }
  const input = page.getByLabel('Session file (.json)')
  await input.setInputFiles(file([{ ...entry, reviewedAt: '9999-12-31T00:00:00Z' }]))
  await expect(page.getByRole('alert')).toContainText('is in the future')
  await input.setInputFiles(file([{ ...entry, key: 'constructor:x', reviewedAt: '2026-01-01T00:00:00Z' }]))
  await expect(page.getByRole('alert')).toContainText('entries.0.key')
  await input.setInputFiles(file([{ ...entry, reviewedAt: 'not a date' }]))
  await expect(page.getByRole('alert')).toContainText('not a date')
  expect(await serverEntries(page)).toEqual(before)
})

test('a colleague’s new browser shows the details the team’s scan fetched, without scanning', async ({ browser }) => {
  // A whole scan on a machine shared with other work.
  test.setTimeout(120_000)
  const scanner = await browser.newContext()
  const scanning = await scanner.newPage()
  await scanning.goto('/audit')
  const scan = scanning.getByRole('region', { name: 'Details scan' })
  await scan.getByRole('button', { name: 'Scan details' }).click()
  await expect(scan.getByRole('status')).toContainText('Scan complete', { timeout: 90_000 })
  await scanner.close()

  const colleague = await browser.newContext()
  const page = await colleague.newPage()
  const braze: string[] = []
  page.on('request', (request) => {
    if (/\/api\/braze\/segments\/(details|data_series)/.test(request.url())) braze.push(request.url())
  })
  // The code that reads what the team's scans kept fails once, as when the link drops just after the page loads:
  // asked again, it loads, and the details are there all the same.
  const afterRestore = /\/assets\/after-restore-/
  await page.route(afterRestore, (route) => route.abort('connectionrefused'))
  const failed = page.waitForEvent('requestfailed', (request) => afterRestore.test(request.url()))
  await page.goto('/?provider=braze')
  await failed
  await page.unroute(afterRestore)
  await expect(page.getByRole('status')).toContainText('240 segments')
  const table = page.getByRole('table', { name: 'Segments' })
  await expect(table.locator('td.col-updated time').first()).toBeVisible()
  await expect(table.locator('td.col-updated', { hasText: 'not loaded' })).toHaveCount(0)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click()
  const findings = page.getByRole('table', { name: 'Findings' })
  await expect(findings.getByRole('row', { name: /^No description/ })).toContainText('All 240 checked')
  await expect(findings.getByRole('row', { name: /^Size 0 for 30 days/ })).toContainText(/All \d+ checked/)
  expect(braze).toEqual([])
  await colleague.close()
})
