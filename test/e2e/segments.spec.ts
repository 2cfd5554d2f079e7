// Journeys of the Segments page on the demo providers: listing, search, a failing provider, CSV export.
import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import Papa from 'papaparse'
import { FAILING_CA_URL, HEALTHY_URL } from '../../playwright.config'
import { held } from '../held'

test('demo mode lists the segments of both providers and says it is demo data', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByText('Demo data', { exact: true })).toBeVisible()
  await expect(page.getByRole('status')).toContainText('3,400 segments')
  await expect(page.getByRole('status')).toContainText('Braze: 3,000')
  await expect(page.getByRole('status')).toContainText('Commanders Act: 400')
  const table = page.getByRole('table', { name: 'Segments' })
  await expect(table.getByText('Braze', { exact: true }).first()).toBeVisible()
  await page.getByRole('combobox', { name: 'Provider', exact: true }).selectOption('commanders-act')
  await expect(table.getByText('Commanders Act', { exact: true }).first()).toBeVisible()
  // Only the rows on screen are in the DOM.
  expect(await table.locator('tbody tr:not(.spacer)').count()).toBeLessThanOrEqual(150)
})

test('search narrows the list, ignoring accents, and the URL keeps it', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('status')).toContainText('3,400 segments')
  await page.getByRole('searchbox', { name: 'Search segments' }).fill('fidele')
  await expect(page.getByRole('status')).not.toContainText('3,400 segments')
  await expect(
    page
      .getByRole('table', { name: 'Segments' })
      .getByRole('link', { name: /fidèles/i })
      .first(),
  ).toBeVisible()
  const narrowed = await page.getByRole('status').textContent()
  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Search segments' })).toHaveValue('fidele')
  await expect(page.getByRole('status')).toHaveText(narrowed ?? '')
})

test('a failing Commanders Act leaves Braze usable and says which provider failed', async ({ page }) => {
  await page.goto(`${FAILING_CA_URL}/`)
  await expect(page.getByRole('status')).toContainText('3,000 segments')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Commanders Act')
  await expect(alert.getByRole('button', { name: 'Retry Commanders Act' })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search segments' }).fill('newsletter')
  await expect(page.getByRole('status')).not.toContainText('3,000 segments')
})

test('Export CSV downloads every row of the current view', async ({ page }) => {
  await page.goto('/?provider=commanders-act')
  await expect(page.getByRole('status')).toContainText('400 segments')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ])
  const text = await readFile((await download.path()) ?? '', 'utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  const [header = [], ...rows] = Papa.parse<string[]>(text.slice(1).trim(), { newline: '\r\n' }).data
  expect(header).toContain('Name')
  expect(rows).toHaveLength(400)
  // Spreadsheet formulas in names are neutralised; the one formula written is an id made of digits (a spreadsheet
  // would read it as a number), given as its text.
  const formulas = rows.flatMap((row) =>
    row.flatMap((cell, column) => (cell.startsWith('=') ? [{ column, cell }] : [])),
  )
  for (const formula of formulas)
    expect(formula).toEqual({ column: header.indexOf('ID'), cell: expect.stringMatching(/^="[0-9.E]+"$/) })
})

test('Back pressed before the segment’s page has shown still returns to its row', async ({ page }) => {
  await page.goto('/?provider=braze')
  await expect(page.getByRole('status')).toContainText('3,000 segments')
  // The code of a segment's page is held back: Back is pressed while it is still on its way, as on a slow connection.
  const { released, release } = held()
  await page.route(/segment-detail-route/, async (route) => {
    await released
    await route.continue()
  })
  const link = page.getByRole('table', { name: 'Segments' }).getByRole('link').nth(5)
  const name = (await link.textContent()) ?? ''
  await link.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/segments\/braze\//)
  await page.goBack()
  release()
  await expect(page.getByRole('table', { name: 'Segments' }).getByRole('link', { name, exact: true })).toBeFocused()
})

test('coming back from a segment restores the list where it was scrolled', async ({ page }) => {
  await page.goto('/?provider=braze')
  await expect(page.getByRole('status')).toContainText('3,000 segments')
  await page.mouse.wheel(0, 4000)
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(3000)
  const scrolled = await page.evaluate(() => window.scrollY)
  const link = page.getByRole('table', { name: 'Segments' }).getByRole('link').nth(20)
  const name = (await link.textContent()) ?? ''
  await link.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await page.getByRole('link', { name: '← Back to the segments' }).click()
  await expect(
    page.getByRole('table', { name: 'Segments' }).getByRole('link', { name, exact: true }).first(),
  ).toBeInViewport()
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(100)

  // Another list URL (both providers, from the menu) starts at the top: no restored offset, no row focused out there.
  await page.getByRole('table', { name: 'Segments' }).getByRole('link', { name, exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments' }).click()
  await expect(page.getByRole('status')).toContainText('3,400 segments')
  await expect(page.getByRole('table', { name: 'Segments' }).getByRole('link').first()).toBeInViewport()
  expect(await page.evaluate(() => window.scrollY)).toBe(0)
})

test("a new visitor's page asks Braze for every list page at once, once the server has seen the list's end", async ({
  page,
  browser,
}) => {
  // A first visit lists Braze to its end, if no earlier journey on this server has.
  await page.goto('/')
  await expect(page.getByRole('status')).toContainText('3,400 segments')
  const status = await page.request.get('/api/status', { headers: { 'X-Segment-Audit': '1' } })
  // 3,000 segments: pages 0 to 29 full, page 30 empty.
  expect((await status.json()).providers.braze.listPages).toBe(31)

  // Another visitor, nothing kept in the browser: every list request leaves before the first one is answered.
  const visitor = await browser.newContext({ baseURL: HEALTHY_URL })
  const fresh = await visitor.newPage()
  await fresh.goto('/')
  await expect(fresh.getByRole('status')).toContainText('3,400 segments')
  const requests = await fresh.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/api/braze/segments/list/pages'))
      .map((entry) => ({ start: entry.startTime, end: (entry as PerformanceResourceTiming).responseEnd })),
  )
  expect(requests).toHaveLength(7)
  const firstAnswer = Math.min(...requests.map((request) => request.end))
  expect(requests.filter((request) => request.start >= firstAnswer)).toEqual([])
  await visitor.close()
})

test('code the server could not send during an outage loads once it answers: the bulk bar, a segment’s page', async ({
  page,
}) => {
  await page.goto('/?provider=braze')
  await expect(page.getByRole('status')).toContainText('3,000 segments')
  const table = page.getByRole('table', { name: 'Segments' })
  // Their code fails as a stopped server's would (asked again under any address), then the server is back.
  const barCode = /\/assets\/bulk-bar-/
  await page.route(barCode, (route) => route.abort('connectionrefused'))
  const barFailed = page.waitForEvent('requestfailed', (request) => barCode.test(request.url()))
  await table.getByRole('checkbox').nth(1).check()
  await barFailed
  await page.unroute(barCode)
  await expect(page.getByRole('region', { name: 'Selected segments' })).toContainText('1 selected', { timeout: 10_000 })

  const pageCode = /\/assets\/segment-detail-route-/
  await page.route(pageCode, (route) => route.abort('connectionrefused'))
  const link = table.getByRole('link').first()
  const name = (await link.textContent()) ?? ''
  await link.click()
  await expect(page.getByText('This page is waiting for the server.', { exact: false })).toBeVisible()
  await page.unroute(pageCode)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name, { timeout: 10_000 })
})
