// The audit's findings on demo data: the details scan completes them, and each count opens the list filtered to it.
import { expect, test, type Page } from '@playwright/test'
import { SMALL_URL } from '../../playwright.config'

test.use({ baseURL: SMALL_URL })

const findingRow = (page: Page, name: RegExp) =>
  page.getByRole('table', { name: 'Findings' }).getByRole('row', { name })

async function countOf(page: Page, name: RegExp): Promise<number> {
  const text = await findingRow(page, name).locator('td').first().innerText()
  return Number(text.replace(/\D/g, ''))
}

test('the details scan completes the findings, and a finding opens the list filtered to it', async ({ page }) => {
  await page.goto('/audit')
  await expect(page.getByRole('status').first()).toContainText('Reviewed 0 of 300')
  // Before the scan, description findings can only say what they could not check.
  await expect(findingRow(page, /No description/)).toContainText('Not scanned yet (0 of 240 checked)')

  await page.getByRole('button', { name: 'Scan details' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Scan complete' })).toBeVisible({ timeout: 60_000 })

  await expect(findingRow(page, /No description/)).toContainText('All 240 checked')
  await expect(findingRow(page, /Size 0 for 30 days/)).toContainText(/All \d+ checked/)
  const noDescription = await countOf(page, /No description/)
  const sizeZero = await countOf(page, /Size 0 for 30 days/)
  expect(noDescription).toBeGreaterThan(0)
  expect(sizeZero).toBeGreaterThan(0)
  // "Clients fidèles" in Braze and "clients fideles" in Commanders Act: the same audience kept twice.
  const pairs = page.getByRole('table', { name: 'Segments in both providers' })
  await expect(pairs.getByRole('row', { name: /Clients fidèles clients fideles Same name/ })).toBeVisible()

  await findingRow(page, /Size 0 for 30 days/)
    .getByRole('link')
    .click()
  await expect(page).toHaveURL(/\?finding=size-zero/)
  await expect(page.getByRole('combobox', { name: 'Finding' })).toHaveValue('size-zero')
  await expect(page.getByRole('status').first()).toContainText(new RegExp(`^${sizeZero} segments? of 300`))

  await page.goBack()
  await findingRow(page, /No description/)
    .getByRole('link')
    .click()
  await expect(page.getByRole('status').first()).toContainText(new RegExp(`^${noDescription} segments? of 300`))
})
