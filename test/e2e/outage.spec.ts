// Journeys while the app's own server cannot be reached (restarting, say): every request fails as a stopped server's.
import { expect, test } from '@playwright/test'

test('a Refresh of the list while the app’s server is down says that it cannot be reached', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('status')).toContainText('3,400 segments')
  // The reviewer reads the list a moment; then the server stops, before any part of the page has failed.
  await page.waitForTimeout(3_000)
  await page.route('**/*', (route) => route.abort('connectionrefused'))
  await page.getByRole('button', { name: 'Refresh', exact: true }).click()
  // Each request tries again on its own for about 5 s first; then both lists say so, their rows kept.
  const alerts = page.getByRole('alert').filter({ hasText: 'The app’s server could not be reached' })
  await expect(alerts).toHaveCount(2, { timeout: 12_000 })
  await expect(alerts.first()).toContainText('The 3,000 segments loaded before the failure are shown.')
  await expect(page.getByRole('status')).toContainText('3,400 segments')
})
