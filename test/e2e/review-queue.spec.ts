// The review queue in a browser: bulk verdicts on 100 rows, the Unreviewed view worked through with the keys, the
// table's keyboard on a long list, and the focus back on the row just reviewed. These journeys write verdicts, so they
// have their own server (QUEUE_URL) and run one at a time, each on segments of its own.
import { expect, test, type Page } from '@playwright/test'
import { QUEUE_URL } from '../../playwright.config'

test.use({ baseURL: QUEUE_URL })
// No retry: a second attempt would find the verdicts the first one wrote, and fail on them rather than on its cause.
test.describe.configure({ mode: 'serial', retries: 0 })

const table = (page: Page) => page.getByRole('table', { name: 'Segments' })
/** A body row by its place in the view (1-based, as aria-rowindex counts the header as row 1). */
const row = (page: Page, index: number) => table(page).locator(`tr[aria-rowindex="${index + 2}"]`)
const nameLink = (page: Page, index: number) => row(page, index).locator('a.segment-name')

async function asReviewer(page: Page, name: string) {
  await page.context().addInitScript((reviewer) => localStorage.setItem('segment-audit:reviewer:v1', reviewer), name)
}

test('bulk: 100 rows selected with Shift-click get one verdict and note, each with its own history entry', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await asReviewer(page, 'Bulk Reviewer')
  await page.goto('/?provider=braze&sort=name')
  await expect(page.getByRole('status').first()).toContainText('240 segments')
  await row(page, 0).getByRole('checkbox').check()
  // Row 100 is far below: the keyboard brings it into the rendered window.
  await nameLink(page, 0).focus()
  for (let step = 0; step < 99; step += 1) await page.keyboard.press('ArrowDown')
  await expect(nameLink(page, 99)).toBeFocused()
  await row(page, 99)
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] })
  const bar = page.getByRole('region', { name: 'Selected segments' })
  await expect(bar.getByRole('status').first()).toHaveText('100 selected')

  await bar.getByRole('textbox', { name: 'Note to add to each (optional)' }).fill('Reviewed in bulk')
  await bar
    .getByRole('group', { name: 'Verdict for the selected segments' })
    .getByRole('button', { name: 'Archive' })
    .click()
  await expect(bar.getByText('Saved: Archive on 100 segments.')).toBeVisible()
  await expect(bar.getByRole('status').first()).toHaveText('0 selected')

  const response = await page.request.get(`${QUEUE_URL}/api/audit/entries`, { headers: { 'X-Segment-Audit': '1' } })
  const { entries } = (await response.json()) as { entries: { verdict: string; note: string; reviewer: string }[] }
  const archived = entries.filter((entry) => entry.verdict === 'archive')
  expect(archived).toHaveLength(100)
  expect(archived.every((entry) => entry.note === 'Reviewed in bulk' && entry.reviewer === 'Bulk Reviewer')).toBe(true)

  // Every selected row shows it: the Archive view holds exactly them, in the same order.
  await page.goto('/?provider=braze&sort=name&verdict=archive')
  await expect(page.getByRole('status').first()).toContainText('100 segments of 300')
  await expect(row(page, 0).getByText('Archive', { exact: true })).toBeVisible()
  await nameLink(page, 10).click()
  const history = page.getByRole('region', { name: 'Audit' }).getByRole('listitem')
  await expect(history.filter({ hasText: 'verdict Unreviewed → Archive' })).toHaveCount(1)
  await expect(history.filter({ hasText: 'Reviewed in bulk' })).toHaveCount(1)
})

test('the Unreviewed queue: three verdicts move on, 0 undoes, Escape leaves the note then returns to the row', async ({
  page,
}) => {
  await asReviewer(page, 'Queue Reviewer')
  await page.goto('/?provider=commanders-act&verdict=unreviewed&sort=name')
  await expect(page.getByRole('status').first()).toContainText('60 segments of 300')
  const names = [0, 1, 2, 3].map(async (index) => (await nameLink(page, index).textContent()) ?? '')
  const [first, second, third, fourth] = await Promise.all(names)
  await nameLink(page, 0).click()
  const heading = page.getByRole('heading', { level: 1 })
  const keep = page.getByRole('radio', { name: /Keep/ })
  await expect(heading).toHaveText(first ?? '')
  await expect(keep).toBeEnabled()
  for (const [key, next] of [
    ['1', second],
    ['2', third],
    ['3', fourth],
  ] as const) {
    await page.keyboard.press(key)
    await expect(heading).toHaveText(next ?? '')
    await expect(page.getByRole('navigation', { name: 'Segment list' })).toContainText('1 of')
    await expect(keep).toBeEnabled()
  }
  // Moving on turned off, a verdict stays on the segment, and 0 takes it back to Unreviewed.
  await page.getByRole('checkbox', { name: 'Next after a verdict' }).uncheck()
  await page.keyboard.press('1')
  await expect(keep).toBeChecked()
  await page.keyboard.press('0')
  await expect(page.getByRole('radio', { name: /Unreviewed/ })).toBeChecked()
  await expect(page.getByRole('region', { name: 'Audit' }).getByRole('status')).toHaveText('Saved')

  const note = page.getByRole('textbox', { name: 'Note' })
  await note.fill('Kept after Escape')
  await note.press('Escape')
  await expect(note).not.toBeFocused()
  await page.keyboard.press('/')
  await expect(note).toHaveValue('Kept after Escape')
  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(/\/\?provider=commanders-act&verdict=unreviewed&sort=name$/)
  // Unreviewed again, the segment is back in the view: first of what is left, and focused.
  await expect(nameLink(page, 0)).toHaveText(fourth ?? '')
  await expect(nameLink(page, 0)).toBeFocused()
})

test('without a name, 1 takes the reviewer to the name field and says why', async ({ page }) => {
  await page.goto('/?provider=commanders-act&sort=name')
  await nameLink(page, 5).click()
  // As a reviewer would: the key once the Audit card (asking for a name) is there, not while the page still loads.
  await expect(page.getByRole('textbox', { name: 'Your name' })).toBeVisible()
  await page.keyboard.press('1')
  await expect(page.getByRole('textbox', { name: 'Your name' })).toBeFocused()
  await expect(page.getByText('Enter your name first: each verdict is recorded under it.')).toBeVisible()
})

test('Home, End, PageDown and PageUp keep the focus in a long table; Back returns to the row', async ({ page }) => {
  await page.goto('/?sort=name')
  await expect(page.getByRole('status').first()).toContainText('300 segments')
  await nameLink(page, 0).focus()
  await page.keyboard.press('End')
  await expect(nameLink(page, 299)).toBeFocused()
  await page.keyboard.press('PageUp')
  await expect(table(page).locator('a.segment-name:focus')).toHaveCount(1)
  await page.keyboard.press('Home')
  await expect(nameLink(page, 0)).toBeFocused()
  await page.keyboard.press('PageDown')
  await page.keyboard.press('PageDown')
  const focused = table(page).locator('tr:has(a.segment-name:focus)')
  await expect(focused).toHaveCount(1)
  const index = Number(await focused.getAttribute('aria-rowindex')) - 2
  expect(index).toBeGreaterThan(10)

  // The focused link's own name: the team's kept details may still be coming in, and a segment the list named by its
  // id moves to its place by name when they do (the focus goes with it), so a row's position is no name to expect.
  const link = table(page).locator('a.segment-name:focus')
  const name = (await link.textContent()) ?? ''
  await page.keyboard.press('Enter')
  // The segment's own heading: the list's, still shown while the page's code loads, would not do.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await page.goBack()
  await expect(link).toHaveText(name)
  await expect(link).toBeInViewport()
})
