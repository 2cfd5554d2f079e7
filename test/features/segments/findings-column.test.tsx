// @vitest-environment jsdom
// The list's findings as words, in English and in French: the Findings column (from the Columns menu) names each row's
// findings, and the list's CSV always carries them with the verdict, shown in the table or not.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { setupServer } from 'msw/node'
import Papa from 'papaparse'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { computeFindings } from '../../../src/findings/findings'
import { createDemoHandlers, listedSegments } from '../../msw/demo-handlers'
import { captureDownloads } from '../../downloads'
import { renderApp } from '../../render-app'

// Few enough rows for the virtualised table to show them all in jsdom.
const demo = createDemoHandlers({ brazeCount: 12, commandersActCount: 6 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const LISTED = listedSegments(demo.data)
/** What the audit finds in the demo lists, before any details are loaded (the settings' default: 12 months). */
const FOUND = computeFindings(
  { segments: LISTED, details: new Map(), sizes: new Map() },
  { staleMonths: 12, namingPattern: null },
  new Date(),
).bySegment

const WORDS = {
  en: { columns: 'Columns', findings: 'Findings', verdict: 'Verdict', exportCsv: 'Export CSV', separator: ',' },
  fr: { columns: 'Colonnes', findings: 'Constats', verdict: 'Verdict', exportCsv: 'Exporter en CSV', separator: ';' },
} as const

/** A segment's findings in words, as a reader of that language expects them. */
function expectedWords(language: 'en' | 'fr', key: string): string {
  const t = i18next.getFixedT(language, 'common')
  // French puts a narrow no-break space before a semicolon.
  return (FOUND.get(key) ?? [])
    .map((id) => t(`finding.${id}.label`, { count: 12 }))
    .join(language === 'fr' ? '\u202f; ' : '; ')
}

function readAsText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('unreadable export'))
    reader.readAsText(blob)
  })
}

describe.each(['en', 'fr'] as const)('Findings on the Segments list (%s)', (language) => {
  const words = WORDS[language]

  it('exports each row’s verdict and findings as words, though the table does not show the Findings column', async () => {
    await i18next.changeLanguage(language)
    // The demo data has findings to write, some with two or more: an empty column would prove nothing.
    expect([...FOUND.values()].some((found) => found.length > 1)).toBe(true)
    const user = userEvent.setup()
    const downloads = captureDownloads()
    renderApp('/')
    const table = await screen.findByRole('table', { name: 'Segments' })
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(LISTED.length + 1))
    expect(within(table).queryByRole('columnheader', { name: words.findings })).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: words.exportCsv }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    const [blob] = downloads.map((file) => file.blob)
    if (!blob) throw new Error('nothing was exported')
    const [header = [], ...body] = Papa.parse<string[]>((await readAsText(blob)).replace(/^\uFEFF/, ''), {
      delimiter: words.separator,
      newline: '\r\n',
      skipEmptyLines: true,
    }).data
    const id = header.indexOf('ID')
    const findings = header.indexOf(words.findings)
    expect(header).toContain(words.verdict)
    expect(findings).toBeGreaterThan(header.indexOf(words.verdict))
    const byId = new Map(body.map((cells) => [cells[id], cells[findings]]))
    for (const segment of LISTED) expect(byId.get(segment.id)).toBe(expectedWords(language, segment.key))
  })

  it('names each row’s findings in the Findings column, once shown from the Columns menu', async () => {
    await i18next.changeLanguage(language)
    const user = userEvent.setup()
    renderApp('/')
    const table = await screen.findByRole('table', { name: 'Segments' })
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(LISTED.length + 1))

    await user.click(screen.getByRole('button', { name: words.columns }))
    await user.click(screen.getByRole('checkbox', { name: words.findings }))

    const headers = within(table).getAllByRole('columnheader')
    const column = (name: string) => headers.findIndex((header) => header.textContent?.startsWith(name))
    const [id, findings] = [column('ID'), column(words.findings)]
    expect(findings).toBeGreaterThanOrEqual(0)
    const cellText = (row: HTMLElement, index: number) => within(row).getAllByRole('cell')[index]?.textContent ?? ''
    await waitFor(() => {
      const shown = new Map(
        within(table)
          .getAllByRole('row')
          .slice(1)
          .map((row) => [cellText(row, id), cellText(row, findings)]),
      )
      for (const segment of LISTED) expect(shown.get(segment.id)).toBe(expectedWords(language, segment.key))
    })
  })
})
