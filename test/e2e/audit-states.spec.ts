// What the Audit page and the list say when they cannot know, and the inputs in the page's language, in a real
// browser: a failing Commanders Act named instead of counted as zeros, a scan's end remembered across a reload, and
// in French a date typed as jj/mm/aaaa and a session file picked with a French button.
import { expect, test } from '@playwright/test'
import { FAILING_CA_URL, SMALL_URL } from '../../playwright.config'

test('with Commanders Act failing, the Audit page names it instead of counting zeros, and still offers the Braze scan', async ({
  page,
}) => {
  await page.goto(`${FAILING_CA_URL}/audit`)
  const progress = page.getByRole('region', { name: 'Progress' })
  await expect(progress.getByRole('alert')).toContainText('Commanders Act')
  await expect(
    page.getByRole('table', { name: 'Verdicts per provider' }).getByRole('row', { name: /^Commanders Act/ }),
  ).toHaveText(/Commanders Act\s*List did not load/)
  const inBoth = page.getByRole('table', { name: 'Findings' }).getByRole('row', { name: /^In both providers/ })
  await expect(inBoth).toContainText('Not checked: the Commanders Act list did not load')
  await expect(inBoth.getByRole('link')).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'In both providers' })).toContainText(
    'Pairs need both lists, and the Commanders Act list did not load.',
  )
  await expect(
    page.getByRole('region', { name: 'Details scan' }).getByRole('button', { name: 'Scan details' }),
  ).toBeVisible()
})

test('a finished scan is still said after a reload, with its time and result', async ({ page }) => {
  // A whole scan on a machine shared with other work.
  test.setTimeout(120_000)
  await page.goto(`${SMALL_URL}/audit`)
  const scan = page.getByRole('region', { name: 'Details scan' })
  const details = page.getByRole('table', { name: 'Findings' }).getByRole('row', { name: /^No description/ })
  await expect(details).toContainText('Not scanned yet (0 of 240 checked)')
  await scan.getByRole('button', { name: /^Scan (details|again)$/ }).click()
  await expect(scan.getByRole('status')).toContainText('Scan complete', { timeout: 90_000 })
  await expect(details).not.toContainText('(0 of 240 checked)')

  // Reloaded once the scan's resume marker is gone (kept a few seconds after the end, for the cache's save): a reload
  // before that resumes the scan for the answers the save missed, and says that scan's end instead (unit-tested).
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('segment-audit:details-scan:v1')), { timeout: 15_000 })
    .toBeNull()
  await page.reload()
  await expect(scan.getByText(/^Last scan \(kept in this browser\) finished on .+: /)).toBeVisible()
})

test('in French, the date filter reads jj/mm/aaaa and the session file has a French button', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Français' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  const date = page.getByRole('textbox', { name: 'Pas mis à jour depuis le' })
  await expect(date).toHaveAttribute('placeholder', 'jj/mm/aaaa')
  await date.fill('01/06/2025')
  await expect(page).toHaveURL(/updatedBefore=2025-06-01/)
  await page.reload()
  await expect(date).toHaveValue('01/06/2025')

  await page.getByRole('navigation', { name: 'Principale' }).getByRole('link', { name: 'Audit' }).click()
  const importing = page.getByRole('region', { name: 'Importer une session' })
  await expect(importing.getByText('Choisir un fichier…')).toBeVisible()
  await expect(importing.getByText('Aucun fichier choisi')).toBeVisible()
  await expect(importing.getByText('Choose File')).toHaveCount(0)
})
