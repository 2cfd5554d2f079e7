// The audit journey on a segment: a verdict and a note survive a reload and a new tab, and show in the list. The audit
// is the server's, shared by every test on this server: each journey reviews segments of its own, others on a retry.
import { expect, test, type Page, type Route } from '@playwright/test'
import { SMALL_URL } from '../../playwright.config'

test('Archive and a note on a segment are kept after reload and in a new tab', async ({ page, context }) => {
  await page.goto('/?provider=braze')
  await expect(page.getByRole('status')).toContainText('3,000 segments')
  const link = page
    .getByRole('table', { name: 'Segments' })
    .getByRole('link')
    .nth(2 + test.info().retry)
  const name = (await link.textContent()) ?? ''
  await link.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)

  await page.getByRole('textbox', { name: 'Your name' }).fill('Camille')
  await page.getByRole('button', { name: 'Start reviewing' }).click()
  // This journey stays on one segment: moving on after a verdict is turned off (and remembered).
  await page.getByRole('checkbox', { name: 'Next after a verdict' }).uncheck()
  const verdict = page.getByRole('radiogroup', { name: 'Verdict' })
  await expect(verdict.getByRole('radio', { name: /Unreviewed/ })).toBeChecked()
  await verdict.getByRole('radio', { name: /Fix/ }).check()
  await expect(page.getByRole('status')).toHaveText('Saved')
  // Focus is on the radio just clicked: the keys still work.
  await page.keyboard.press('3')
  await expect(verdict.getByRole('radio', { name: /Archive/ })).toBeChecked()
  await expect(page.getByRole('status')).toHaveText('Saved')
  await page.getByRole('textbox', { name: 'Note' }).fill('Duplicate of the spring campaign — archive after Q1.')
  await page.getByRole('textbox', { name: 'Note' }).blur()
  await expect(page.getByRole('status')).toHaveText('Saved')
  await expect(page.getByText(/Archive — by Camille/)).toBeVisible()
  const url = page.url()

  await page.reload()
  await expect(page.getByRole('radiogroup', { name: 'Verdict' }).getByRole('radio', { name: /Archive/ })).toBeChecked()
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue(
    'Duplicate of the spring campaign — archive after Q1.',
  )

  const other = await context.newPage()
  await other.goto(url)
  await expect(other.getByRole('radiogroup', { name: 'Verdict' }).getByRole('radio', { name: /Archive/ })).toBeChecked()
  await expect(other.getByRole('textbox', { name: 'Note' })).toHaveValue(
    'Duplicate of the spring campaign — archive after Q1.',
  )

  // Keys: 1 sets Keep from anywhere but a field.
  await other.keyboard.press('1')
  await expect(other.getByRole('radiogroup', { name: 'Verdict' }).getByRole('radio', { name: /Keep/ })).toBeChecked()
  await expect(other.getByRole('status')).toHaveText('Saved')

  await other.goto('/?verdict=keep')
  await expect(other.getByRole('status')).toContainText(/segments? of 3,400/)
  await expect(other.getByRole('table', { name: 'Segments' }).getByRole('link', { name, exact: true })).toBeVisible()
})

test('a review stays when the site’s storage is cleared, and a session exported as JSON imports back as identical', async ({
  page,
  context,
}) => {
  await page.goto('/?provider=commanders-act')
  await expect(page.getByRole('status')).toContainText('400 segments')
  const link = page.getByRole('table', { name: 'Segments' }).getByRole('link').nth(test.info().retry)
  const name = (await link.textContent()) ?? ''
  await link.click()
  await page.getByRole('textbox', { name: 'Your name' }).fill('Léa')
  await page.getByRole('button', { name: 'Start reviewing' }).click()
  await page.getByRole('checkbox', { name: 'Next after a verdict' }).uncheck()
  await page.getByRole('radiogroup', { name: 'Verdict' }).getByRole('radio', { name: /Fix/ }).check()
  await expect(page.getByRole('status')).toHaveText('Saved')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click()
  await expect(page.getByRole('status').first()).toContainText(/Reviewed [1-9]\d* of 3,400/)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ])
  const file = (await download.path()) ?? ''

  // Clear everything the site stored in this browser: the review is the server's.
  await page.evaluate(async () => {
    localStorage.clear()
    for (const database of await indexedDB.databases()) if (database.name) indexedDB.deleteDatabase(database.name)
  })
  await context.clearCookies()
  await page.goto('/?verdict=fix')
  await expect(page.getByRole('table', { name: 'Segments' }).getByRole('link', { name, exact: true })).toBeVisible()

  await page.addInitScript(() => localStorage.setItem('segment-audit:reviewer:v1', 'Léa'))
  await page.goto('/audit')
  await page.getByLabel('Session file (.json)').setInputFiles(file)
  await expect(page.getByText(/0 added, 0 updated, 0 kept .*, [1-9]\d* already identical/)).toBeVisible()

  await page
    .getByLabel('Session file (.json)')
    .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') })
  await expect(page.getByRole('alert')).toContainText('not a Segment Audit session')
})

test('the details scan runs, pauses, resumes, keeps going across pages and fills the list', async ({ page }) => {
  await page.goto('/audit')
  await page.getByRole('button', { name: 'Scan details' }).click()
  const scanStatus = page.getByRole('status').filter({ hasText: 'fetched' })
  // Segments other journeys opened on this server come from the team's keep, already fresh.
  await expect(scanStatus).toContainText(/of [\d,]+ fetched/)
  await expect(page.getByRole('progressbar', { name: 'Details scan' })).toBeVisible()
  await page.getByRole('button', { name: 'Pause' }).click()
  await expect(scanStatus).toContainText('Paused')
  await page.getByRole('button', { name: 'Resume' }).click()
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments' }).click()
  // Sorted by last update, known dates come first: the scan has filled them in.
  await page
    .getByRole('table', { name: 'Segments' })
    .getByRole('button', { name: /Last updated/ })
    .click()
  await expect(page).toHaveURL(/sort=updated/)
  const firstRow = page.getByRole('table', { name: 'Segments' }).locator('tbody tr:not(.spacer)').first()
  await expect(firstRow.locator('td.col-updated time')).toBeVisible()
  await expect(firstRow.locator('td.col-description')).toHaveText(/Present|Missing/)
})

/**
 * What the app's persisted query cache (src/app/query-persistence.ts: database, store and key) holds: the Braze
 * segments whose details, and size when tracked, are saved.
 */
function savedScannedSegments(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('segment-audit-query-cache')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const stored = await new Promise<unknown>((resolve, reject) => {
      const request = database.transaction('queries').objectStore('queries').get('query-client')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    database.close()
    if (typeof stored !== 'object' || stored === null || !('client' in stored) || typeof stored.client !== 'string')
      return 0
    type Saved = { queryKey: unknown[]; state: { data: unknown } }
    const queries: Saved[] = JSON.parse(stored.client).clientState.queries
    const list = queries.find((query) => query.queryKey.join('/') === 'segments/braze')?.state.data as
      { id: string; analyticsTracking: unknown }[] | undefined
    const saved = new Set(queries.map((query) => query.queryKey.join('/')))
    return (list ?? []).filter(
      (segment) =>
        saved.has(`segment/braze/${segment.id}`) &&
        (segment.analyticsTracking !== true || saved.has(`segment/braze/${segment.id}/data_series/30`)),
    ).length
  })
}

test.describe('on a small workspace', () => {
  test.use({ baseURL: SMALL_URL })

  test('a details scan interrupted by a reload resumes by itself and fetches only what was left', async ({ page }) => {
    // Every details request goes through the test's route: 240 of them take a while.
    test.setTimeout(120_000)
    const fetchedBefore = new Set<string>()
    const fetchedAfter: string[] = []
    const held: Route[] = []
    let reloaded = false
    let holdAfterReload = true
    // Before the reload, 60 segments' details get through and the rest wait; after it, 20 more get through, then the
    // rest wait until the test has seen the scan resume.
    await page.route('**/api/braze/segments/details?**', async (route) => {
      const id = new URL(route.request().url()).searchParams.get('segment_id') ?? ''
      const hold = reloaded ? holdAfterReload && fetchedAfter.length >= 20 : fetchedBefore.size >= 60
      if (hold) {
        held.push(route)
        return
      }
      if (reloaded) fetchedAfter.push(id)
      else fetchedBefore.add(id)
      await route.continue()
    })

    await page.goto('/audit')
    await page.getByRole('button', { name: 'Scan details' }).click()
    const scanStatus = page.getByRole('region', { name: 'Details scan' }).getByRole('status')
    await expect(scanStatus).toContainText('60 of 240 fetched')
    // The cache is saved a moment after it changes: reload once those 60 are in it.
    await expect.poll(() => savedScannedSegments(page)).toBe(60)

    reloaded = true
    // The requests held so far die with the page.
    held.length = 0
    await page.reload()

    await expect(scanStatus).toContainText(/^Resumed after reload: \d+ of 180 fetched, 60 already fresh/)
    holdAfterReload = false
    // Requests held after the reload are fetched now: they count.
    for (const route of held.splice(0)) {
      fetchedAfter.push(new URL(route.request().url()).searchParams.get('segment_id') ?? '')
      await route.continue()
    }
    await expect(scanStatus).toHaveText('Scan complete: 180 of 180 fetched, 60 already fresh', { timeout: 60_000 })
    expect(fetchedAfter).toHaveLength(180)
    expect(fetchedAfter.filter((id) => fetchedBefore.has(id))).toEqual([])
  })
})
