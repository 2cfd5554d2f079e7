// The interface in French (remembered across reloads, dates and numbers included) and a review done by keyboard only.
import { expect, test } from '@playwright/test'

test('switching to French is remembered: interface, numbers and dates in French, html lang="fr"', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('segment-audit:reviewer:v1', 'Camille'))
  await page.goto('/')
  await expect(page.getByRole('status')).toContainText('3,400 segments')
  await page.getByRole('button', { name: 'Français' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.getByRole('navigation', { name: 'Principale' })).toBeVisible()
  // French groups thousands with a narrow no-break space.
  await expect(page.getByRole('status')).toContainText('3\u202f400 segments')

  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.getByRole('searchbox', { name: 'Rechercher des segments' })).toBeVisible()
  await page.goto('/?provider=braze&tracking=on')
  await page.getByRole('table').getByRole('link').first().click()
  await expect(
    page.getByText(/\d{1,2} (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}/).first(),
  ).toBeVisible()
  await expect(page.getByText(/il y a /).first()).toBeVisible()
  await expect(page.getByRole('radiogroup', { name: 'Verdict' }).getByRole('radio', { name: /Garder/ })).toBeVisible()

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('radiogroup', { name: 'Verdict' }).getByRole('radio', { name: /Keep/ })).toBeVisible()
})

test('a review from the keyboard only: / to search, Enter to open, j to move on, a verdict key, Escape back', async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem('segment-audit:reviewer:v1', 'Camille'))
  await page.goto('/')
  await expect(page.getByRole('status')).toContainText('3,400 segments')
  await page.keyboard.press('/')
  await expect(page.getByRole('searchbox', { name: 'Search segments' })).toBeFocused()
  await page.keyboard.type('fideles')
  await expect(page).toHaveURL(/\?q=fideles$/)
  await expect(page.getByRole('status')).toContainText(/segments? of 3,400/)
  // The count follows each key at once; the table catches up a moment later.
  const firstLink = page.getByRole('table', { name: 'Segments' }).getByRole('link').first()
  await expect(firstLink).toContainText(/fid[eè]les/i)
  const first = (await firstLink.textContent()) ?? ''
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first)
  await expect(page.getByText(/^1 of \d+/)).toBeVisible()

  await page.keyboard.press('j')
  await expect(page.getByText(/^2 of \d+/)).toBeVisible()
  const second = (await page.getByRole('heading', { level: 1 }).textContent()) ?? ''
  await expect(page.getByRole('radiogroup', { name: 'Verdict' }).getByRole('radio', { name: /Fix/ })).toBeEnabled()
  await page.keyboard.press('2')
  // A verdict moves on to the next segment of the view.
  await expect(page.getByText(/^3 of \d+/)).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(second)

  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(/\/\?q=fideles$/)
  await expect(page.getByRole('searchbox', { name: 'Search segments' })).toHaveValue('fideles')
  const row = page
    .getByRole('table', { name: 'Segments' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: second, exact: true }) })
  await expect(row).toContainText('Fix')
  // Escape in the search clears it: the whole list again.
  await page.keyboard.press('/')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('status')).toContainText(/^3,400 segments/)
})
