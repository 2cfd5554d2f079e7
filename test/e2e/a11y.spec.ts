// Every page in English and French: no serious or critical axe violation, and a screenshot of each kept as an artefact.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[] }[]
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE })
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> }
      }
    ).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return result.violations
  })
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => JSON.stringify(node.target))
          .slice(0, 3)
          .join(', ')}`,
    )
}

/** Each page, once it shows its content (waiting on roles and text, never on time). */
const PAGES: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'segments',
    open: async (page) => {
      await page.goto('/')
      await expect(page.getByRole('table').getByRole('link').first()).toBeVisible()
      await expect(page.getByRole('status')).toContainText(/3.400/)
    },
  },
  {
    // The bulk bar, with a Shift-click range selected and the reviewer's name asked.
    name: 'segments-selection',
    open: async (page) => {
      await page.goto('/?provider=commanders-act')
      const boxes = page.getByRole('table').getByRole('checkbox')
      await boxes.nth(1).check()
      await boxes.nth(4).click({ modifiers: ['Shift'] })
      await expect(page.locator('.bulk-bar').getByRole('status').first()).toContainText('4')
    },
  },
  {
    name: 'braze-detail',
    open: async (page) => {
      await page.goto('/?provider=braze&tracking=on')
      await page.getByRole('table').getByRole('link').first().click()
      await expect(page.locator('.size-chart svg')).toBeVisible()
    },
  },
  {
    name: 'commanders-act-detail',
    open: async (page) => {
      await page.goto('/?provider=commanders-act')
      const link = page.getByRole('table').getByRole('link').first()
      const name = (await link.textContent()) ?? ''
      await link.click()
      // The segment's own heading: the list's stays on screen while the page's code loads.
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
    },
  },
  {
    name: 'audit',
    open: async (page) => {
      await page.goto('/audit')
      await expect(page.locator('.findings-table')).toBeVisible()
    },
  },
  {
    name: 'visitor',
    open: async (page) => {
      await page.goto('/visitor?tcid=1001')
      await expect(page.locator('#visitor-result')).toBeVisible()
    },
  },
  {
    name: 'connections',
    open: async (page) => {
      await page.goto('/connections')
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible()
    },
  },
]

for (const language of ['en', 'fr'] as const) {
  for (const { name, open } of PAGES) {
    test(`${name} in ${language === 'en' ? 'English' : 'French'}: no serious accessibility violation`, async ({
      page,
    }, testInfo) => {
      // The full-page screenshot of the list (thousands of rows tall) alone can take half a minute on a busy machine.
      test.setTimeout(90_000)
      await page.addInitScript((chosen) => localStorage.setItem('segment-audit:language:v1', chosen), language)
      await open(page)
      await expect(page.locator('html')).toHaveAttribute('lang', language)
      // Checked before the screenshot: a full-page screenshot makes the window as tall as the whole list, and the table
      // then draws every row (thousands), which axe took more than a minute to go through on a busy machine.
      const violations = await seriousViolations(page)
      // Kept together in test-results/screenshots/ to be looked at (and as CI artefacts).
      await page.screenshot({
        path: join(testInfo.project.outputDir, 'screenshots', `${name}-${language}.png`),
        fullPage: true,
      })
      expect(violations).toEqual([])
    })
  }
}
