// Journeys of the detail views and the visitor lookup on the demo providers.
import { expect, test } from '@playwright/test'

test('opens a Braze segment from the list, keeps it on reload, and moves to the next one', async ({ page }) => {
  await page.goto('/?provider=braze&tracking=on')
  await expect(page.getByRole('status')).toContainText('segments of 3,400')
  const table = page.getByRole('table', { name: 'Segments' })
  const firstLink = table.getByRole('link').first()
  const name = (await firstLink.textContent()) ?? ''
  await firstLink.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect(page).toHaveTitle(`${name} — Segment Audit`)
  for (const heading of ['Description', 'Filters', 'Size, last 30 days', 'Details']) {
    await expect(page.getByRole('heading', { name: heading })).toBeVisible()
  }
  await expect(page.locator('pre.filters')).toContainText('Users who')
  await expect(page.getByRole('img', { name: /^Estimated size from/ })).toBeVisible()
  await expect(page.getByText(/ago\)/).first()).toBeVisible()

  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect(page.getByRole('img', { name: /^Estimated size from/ })).toBeVisible()

  // In the page's own navigation: right after a reload, the kept picture of the page (inert, hidden from assistive
  // technology) may still lie over it, with the same words.
  const position = page.getByRole('navigation', { name: 'Segment list' })
  await expect(position.getByText(/^1 of /)).toBeVisible()
  const firstUrl = page.url()
  await page.keyboard.press('j')
  await expect(position.getByText(/^2 of /)).toBeVisible()
  expect(page.url()).not.toBe(firstUrl)
  await page.keyboard.press('k')
  await expect(position.getByText(/^1 of /)).toBeVisible()
  expect(page.url()).toBe(firstUrl)
  await page.getByRole('link', { name: '← Back to the segments' }).click()
  await expect(page).toHaveURL(/\?provider=braze&tracking=on$/)
})

test('a segment opened from far down the list opens at its top, as does the next one', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 500 })
  await page.goto('/?provider=braze')
  await expect(page.getByRole('status')).toContainText('3,000 segments')
  await page.mouse.wheel(0, 4000)
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(3000)
  const link = page.getByRole('table', { name: 'Segments' }).getByRole('link').nth(20)
  const name = (await link.textContent()) ?? ''
  await link.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect(page.getByRole('heading', { name: 'Details' })).toBeVisible()
  expect(await page.evaluate(() => window.scrollY)).toBe(0)

  await page.mouse.wheel(0, 2000)
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0)
  await page.keyboard.press('j')
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(name)
  expect(await page.evaluate(() => window.scrollY)).toBe(0)
})

test('opens a Commanders Act segment directly', async ({ page }) => {
  await page.goto('/?provider=commanders-act')
  const link = page.getByRole('table', { name: 'Segments' }).getByRole('link').first()
  const label = (await link.textContent()) ?? ''
  const href = (await link.getAttribute('href')) ?? ''
  await page.goto(href)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label)
  await expect(page.getByText(/exposes no description, tags or dates/)).toBeVisible()
  await page.goto('/segments/commanders-act/00000000')
  await expect(page.getByRole('heading', { name: 'Segment not found' })).toBeVisible()
})

test('looks up a visitor and links their segments', async ({ page }) => {
  await page.goto('/visitor')
  await page.getByLabel('Visitor ID (tcid)').fill('12ab')
  await page.getByRole('button', { name: 'Look up' }).click()
  await expect(page.getByText('digits only')).toBeVisible()
  for (const tcid of ['1001', '1002', '1003', '1004', '1005']) {
    await page.getByLabel('Visitor ID (tcid)').fill(tcid)
    await page.getByRole('button', { name: 'Look up' }).click()
    await expect(page.getByRole('heading', { name: `Visitor ${tcid}` })).toBeVisible()
    const links = page.locator('.visitor-segments a')
    if ((await links.count()) > 0) {
      await links.first().click()
      await expect(page).toHaveURL(/\/segments\/commanders-act\//)
      return
    }
  }
  throw new Error('no demo visitor with segments among the tried ids')
})

test('a segment named like HTML renders literally and runs nothing', async ({ page }) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto('/?q=onerror')
  const link = page
    .getByRole('table', { name: 'Segments' })
    .getByRole('link', { name: /<img src=x onerror=/ })
    .first()
  await expect(link).toBeVisible()
  await link.click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<img src=x onerror=')
  expect(await page.locator('main img').count()).toBe(0)
  expect(dialogs).toEqual([])
})
