// What real providers do, played by the demo providers: a 429 on every 5th call, a budget smaller than a scan, a key
// without the details permission. The list completes, the scan waits for the reset rather than spending the reserve,
// and a missing permission stops the scan at once with its name.
import { expect, test } from '@playwright/test'
import { NO_PERMISSION_URL, RATE_LIMITED_URL, SMALL_BUDGET_URL } from '../../playwright.config'

test('the list completes under a 429 on every 5th Braze call', async ({ page }) => {
  await page.goto(`${RATE_LIMITED_URL}/`)
  await expect(page.getByRole('status').first()).toContainText(/^1,250 segments/, { timeout: 40_000 })
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('a scan that needs more than the budget waits for the reset instead of spending the reserve, then finishes', async ({
  page,
}) => {
  test.setTimeout(150_000)
  await page.goto(`${SMALL_BUDGET_URL}/audit`)
  const card = page.getByRole('region', { name: 'Details scan' })
  await expect(card).toContainText(/about \d+ calls to Braze/)
  await card.getByRole('button', { name: 'Scan details' }).click()
  const status = card.getByRole('status')
  await expect(status).toContainText(/Waiting until .* \(Braze’s budget left is down to the reserve/, {
    timeout: 45_000,
  })
  // Paused with at least 5 % of the budget left: the scan stopped at the reserve instead of running into Braze's 429s.
  const answer = await page.request.get(`${SMALL_BUDGET_URL}/api/status`, { headers: { 'X-Segment-Audit': '1' } })
  const { rateLimit } = (await answer.json()).providers.braze as { rateLimit: { limit: number; remaining: number } }
  expect(rateLimit.limit).toBe(100)
  expect(rateLimit.remaining).toBeGreaterThanOrEqual(0.05 * rateLimit.limit)
  await expect(status).toContainText('Scan complete', { timeout: 120_000 })
  await expect(status).not.toContainText('failed')
})

test('a key without the details permission stops the scan at once, naming the permission', async ({ page }) => {
  await page.goto(`${NO_PERMISSION_URL}/audit`)
  const card = page.getByRole('region', { name: 'Details scan' })
  await card.getByRole('button', { name: 'Scan details' }).click()
  await expect(card.getByRole('alert')).toContainText('segments.details')
  await expect(card.getByRole('button', { name: 'Scan again' })).toBeVisible()
})
