// @vitest-environment jsdom
// Odd answers from Braze never empty a list or a detail: a malformed row is listed with what did read and a mark naming
// the field, the Audit page counts such rows as a finding that opens them, and an unreadable date leaves the rest shown
// and is said as such in the list and its CSV too.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
import Papa from 'papaparse'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readBrazeListRow } from '../../../src/providers/braze/schemas'
import { NOT_PROVIDED } from '../../../src/providers/segment'
import { listRow } from '../../../src/server/demo/braze-quirks'
import { getBaselineStore } from '../../../src/stores/audit-baseline'
import { blobText, captureDownloads } from '../../downloads'
import { createDemoHandlers, listedSegments } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 250, commandersActCount: 30 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const [nameless, stringFlag, odd] = demo.data.braze.slice(0, 3)
// The demo's segment whose details' updated_at is not a date (src/server/demo/braze-data.ts, FORCED_FIELDS).
const UNREADABLE_UPDATE = demo.data.braze[28]

/** Breaks two more rows than the demo data does: one loses its name, one gets the tracking flag "true" as a string. */
function breakRow(row: Record<string, unknown>): Record<string, unknown> {
  if (row.id === nameless?.id) return { ...row, name: undefined }
  return row.id === stringFlag?.id ? { ...row, analytics_tracking_enabled: 'true' } : row
}

/** The first list page (where the first segments are, oldest first) with those two rows broken. */
function withMalformedRows() {
  server.use(
    http.get('*/api/braze/segments/list', async ({ request }) => {
      const answer = await demo.forwardToBraze(request)
      if (new URL(request.url).searchParams.get('page') !== '0') return answer
      const body = (await answer.json()) as { segments: Record<string, unknown>[] }
      body.segments = body.segments.map(breakRow)
      return HttpResponse.json(body)
    }),
  )
}

/** Fields named per malformed row, as the app reads the rows served: the demo's odd rows and the two broken above. */
const MALFORMED_FIELDS: readonly (readonly string[])[] = demo.data.braze.flatMap((segment) => {
  const malformed = readBrazeListRow(breakRow(listRow(segment)))?.malformed
  return malformed ? [[...new Set(malformed)]] : []
})

describe.each([
  {
    language: 'en',
    findingsTable: 'Findings',
    mark: 'Malformed answer: ',
    finding: 'Malformed answer',
    soFar: 'so far',
    unreadable: 'unreadable date',
    created: 'Created',
    updated: 'Last updated',
    exportCsv: 'Export CSV',
    separator: ',',
  },
  {
    language: 'fr',
    findingsTable: 'Constats',
    mark: 'Réponse mal formée\u202f: ',
    finding: 'Réponse mal formée',
    soFar: 'pour l’instant',
    unreadable: 'date illisible',
    created: 'Créé',
    updated: 'Dernière mise à jour',
    exportCsv: 'Exporter en CSV',
    separator: ';',
  },
])('malformed answers ($language)', (text) => {
  const { language, findingsTable, mark, finding, soFar, unreadable, created } = text
  it('lists every row, marks the malformed ones with the field, and counts them as a finding that opens them', async () => {
    await i18next.changeLanguage(language)
    withMalformedRows()
    const { router } = renderApp('/audit')
    const findings = await screen.findByRole('table', { name: findingsTable }, { timeout: 5000 })
    const header = await within(findings).findByRole('rowheader', { name: new RegExp(`^${finding}`) })
    // The two broken here and the demo data's own: a count that only saw the two would be missing rows.
    expect(MALFORMED_FIELDS.length).toBeGreaterThan(2)
    // So far: the details, not loaded yet, may break it too.
    expect(header.closest('tr')?.querySelector('td')).toHaveTextContent(
      new RegExp(`^${MALFORMED_FIELDS.length}\\s${soFar}$`),
    )
    await userEvent.setup().click(within(header).getByRole('link', { name: finding }))
    expect(router.state.location.search).toBe('?finding=malformed')
    const table = await screen.findByRole('table', { name: /Segments/ })
    await waitFor(() => expect(within(table).getAllByRole('link', { name: nameless?.id })).toHaveLength(1))
    // Every malformed row is listed, each with a mark naming exactly its fields.
    const marks = new Map<string, number>()
    for (const fields of MALFORMED_FIELDS) {
      const text = `${mark}${fields.join(', ')}`
      marks.set(text, (marks.get(text) ?? 0) + 1)
    }
    expect(marks.has(`${mark}name`)).toBe(true)
    for (const [text, count] of marks)
      expect(within(table).getAllByText(text, { normalizer: (content) => content })).toHaveLength(count)
    const flagged = MALFORMED_FIELDS.filter((fields) => fields.includes('analytics_tracking_enabled')).length
    expect(within(table).getAllByText(/analytics_tracking_enabled/)).toHaveLength(flagged)
  })

  it('shows an unreadable date as such and the rest of the detail, with the field named', async () => {
    await i18next.changeLanguage(language)
    server.use(
      http.get('*/api/braze/segments/details', () =>
        HttpResponse.json({
          message: 'success',
          name: odd?.name,
          created_at: '2021-03-18T10:00:00+0200',
          updated_at: 'not a date',
          text_description: 'Bought twice this year',
          tags: ['crm'],
        }),
      ),
    )
    renderApp(`/segments/braze/${odd?.id ?? ''}`)
    expect(await screen.findByText('Bought twice this year')).toBeInTheDocument()
    const createdTerm = screen.getAllByRole('term').find((term) => term.textContent === created)
    expect(createdTerm?.nextElementSibling?.querySelector('time')).toHaveAttribute(
      'dateTime',
      '2021-03-18T08:00:00.000Z',
    )
    expect(screen.getByText(unreadable)).toBeInTheDocument()
    expect(screen.getByText(/updated_at/)).toBeInTheDocument()
  })

  it('says an unreadable last update as such in the list and its CSV once the details loaded, not "not loaded"', async () => {
    await i18next.changeLanguage(language)
    const user = userEvent.setup()
    const downloads = captureDownloads()
    const { router } = renderApp(`/segments/braze/${UNREADABLE_UPDATE?.id ?? ''}`)
    expect(await screen.findByText(unreadable)).toBeInTheDocument()

    await act(async () => router.navigate(`/?q=${UNREADABLE_UPDATE?.id ?? ''}`))
    const table = await screen.findByRole('table', { name: /Segments/ })
    const column = within(table)
      .getAllByRole('columnheader')
      .findIndex((header) => header.textContent?.startsWith(text.updated))
    expect(column).toBeGreaterThanOrEqual(0)
    await waitFor(() => {
      const [, row] = within(table).getAllByRole('row')
      expect(row && within(row).getAllByRole('cell')[column]).toHaveTextContent(new RegExp(`^${unreadable}$`))
    })

    await user.click(screen.getByRole('button', { name: text.exportCsv }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    const [header = [], ...body] = Papa.parse<string[]>((await blobText(downloads[0]?.blob)).replace(/^\uFEFF/, ''), {
      delimiter: text.separator,
      newline: '\r\n',
      skipEmptyLines: true,
    }).data
    expect(body.map((cells) => cells[header.indexOf(text.updated)])).toEqual([unreadable])
  })
})

describe('a tracking flag Braze sent as text', () => {
  // The demo's row that sends "true" as a string (src/server/demo/braze-data.ts, FORCED_FIELDS).
  const POWER_USERS = demo.data.braze[19]
  const path = `/segments/braze/${POWER_USERS?.id ?? ''}`
  const fact = (label: string) =>
    within(screen.getByRole('region', { name: 'Details' })).getByText(label, { selector: 'dt' }).nextElementSibling

  /** The listed row's cell under a column, by the column's name. */
  function cellUnder(table: HTMLElement, column: RegExp): HTMLElement | undefined {
    const index = within(table)
      .getAllByRole('columnheader')
      .findIndex((header) => column.test(header.textContent ?? ''))
    const [, row] = within(table).getAllByRole('row')
    return row ? within(row).getAllByRole('cell')[index] : undefined
  }

  it('reads "true" as on, in the list and on the detail page alike, with its size, and still names the field', async () => {
    expect(POWER_USERS?.analyticsTrackingEnabled).toBe(true)
    const { router } = renderApp(path)
    expect(await screen.findByRole('img', { name: /^Estimated size from/ })).toBeInTheDocument()
    expect(fact('Analytics tracking')).toHaveTextContent(/^On$/)
    expect(screen.getByText(/analytics_tracking_enabled/)).toBeInTheDocument()

    // The detail page's size series is in the cache: the list shows it, as a complete scan would.
    await act(async () => router.navigate(`/?q=${POWER_USERS?.id ?? ''}`))
    const table = await screen.findByRole('table', { name: /Segments/ })
    await waitFor(() => expect(cellUnder(table, /^Size/)).toHaveTextContent(/^[\d,]+$/))
    expect(cellUnder(table, /^Analytics tracking/)).toHaveTextContent(/^On$/)
    expect(within(table).getByText(/analytics_tracking_enabled/)).toBeInTheDocument()
  })

  it('leaves any other value unknown on the detail page, not Off, and asks Braze for its size', async () => {
    server.use(
      http.get('*/api/braze/segments/list', async ({ request }) => {
        const answer = await demo.forwardToBraze(request)
        const body = (await answer.json()) as { segments: Record<string, unknown>[] }
        body.segments = body.segments.map((row) =>
          row.id === POWER_USERS?.id ? { ...row, analytics_tracking_enabled: 'yes' } : row,
        )
        return HttpResponse.json(body)
      }),
    )
    renderApp(path)
    expect(await screen.findByRole('img', { name: /^Estimated size from/ })).toBeInTheDocument()
    expect(fact('Analytics tracking')).toHaveTextContent(/^Unknown$/)
  })
})

describe('a nameless row since the last audit', () => {
  const changes = () => screen.getByRole('region', { name: 'Changed since the last audit' })
  const namelessId = nameless?.id ?? ''
  const GONE_ID = '0a0b0c0d-0000-4000-8000-000000000001'
  /**
   * Keeps as the last audit the Braze list as served, the nameless row left out, or kept nameless with another tag
   * beside a nameless row gone since.
   */
  const lastAudit = (kept: 'absent' | 'retagged') =>
    getBaselineStore().save({
      takenAt: '2025-03-01T10:00:00.000Z',
      source: 'export',
      providers: ['braze'],
      segments: [
        ...listedSegments(demo.data).flatMap((segment) => {
          if (segment.provider !== 'braze') return []
          const tags = segment.tags === NOT_PROVIDED ? null : [...segment.tags]
          if (segment.id !== namelessId) return [{ key: segment.key, name: segment.name, tags }]
          return kept === 'absent' ? [] : [{ key: segment.key, name: '', tags: [...(tags ?? []), 'legacy'] }]
        }),
        ...(kept === 'absent' ? [] : [{ key: `braze:${GONE_ID}`, name: '', tags: [] }]),
      ],
    })
  const open = async (title: string) => {
    const summary = await within(changes()).findByText(title, { selector: '.change-title' }, { timeout: 5000 })
    await userEvent.setup().click(summary)
    const group = summary.closest('details')
    if (!group) throw new Error(`${title} lists nothing`)
    return group
  }

  it('is listed among the new segments by its id, as the list names it', async () => {
    withMalformedRows()
    await lastAudit('absent')
    renderApp('/audit')
    const added = await open('New')
    expect(within(added).getByRole('link', { name: namelessId })).toHaveAttribute(
      'href',
      `/segments/braze/${namelessId}`,
    )
  })

  it('is listed by its id among the re-tagged segments, and among the gone ones', async () => {
    withMalformedRows()
    await lastAudit('retagged')
    renderApp('/audit')
    const retagged = await open('Re-tagged')
    expect(within(retagged).getByRole('link', { name: namelessId })).toBeInTheDocument()
    const gone = await open('Gone')
    expect(within(gone).getByRole('listitem')).toHaveTextContent(new RegExp(`^${GONE_ID} · Braze$`))
  })
})
