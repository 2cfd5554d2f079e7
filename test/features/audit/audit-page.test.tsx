// @vitest-environment jsdom
// The Audit page: review progress (overall and per provider), the update-age chart, what changed since the last
// session, the session exported as CSV and JSON, and a session file imported through the server's audit routes (the
// more recent review of each field wins, its snapshot kept; a refused file changes nothing).
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import i18next from 'i18next'
import Papa from 'papaparse'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { computeFindings } from '../../../src/findings/findings'
import { formatDateTime } from '../../../src/lib/format'
import { fetchBrazeSegmentDetails } from '../../../src/providers/braze/client'
import { brazeQueries } from '../../../src/providers/braze/queries'
import { toBrazeSegmentDetails } from '../../../src/providers/braze/schemas'
import { providerLabel, segmentKey } from '../../../src/providers/provider-id'
import { NOT_PROVIDED, type Segment } from '../../../src/providers/segment'
import { getBaselineStore } from '../../../src/stores/audit-baseline'
import type { AuditEntry, Verdict } from '../../../src/stores/audit-contract'
import { AUDIT_POLL_MS } from '../../../src/stores/audit-queries'
import {
  buildSessionFile,
  parseSessionFile,
  type SessionEntry,
  type SessionOrigin,
  type SessionSegment,
} from '../../../src/stores/session-file'
import { createAuditHandler } from '../../../src/server/audit/routes'
import { testAuditStore } from '../../msw/audit-handlers'
import { appServerRestarting } from '../../msw/app-server-restart'
import { createDemoHandlers, holdCommandersActList, listedSegments } from '../../msw/demo-handlers'
import { captureDownloads } from '../../downloads'
import { renderApp } from '../../render-app'
import { rememberReviewer, seedReviews } from '../../stores/audit-entries'
import { formatSpreadsheetDateTime } from '../../../src/lib/format'
import { REPORT_HEADER } from './report-header'
import { held } from '../../held'

const demo = createDemoHandlers({ brazeCount: 12, commandersActCount: 6 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

const TOTAL = demo.data.braze.length + demo.data.commandersAct.length

const LISTED: readonly Segment[] = listedSegments(demo.data)

/** A listed segment's tags as the CSV writes them. */
function tagsOf(key: string): string {
  const tags = LISTED.find((segment) => segment.key === key)?.tags
  if (tags === undefined) throw new Error(`${key} is not listed`)
  return tags === NOT_PROVIDED ? 'not provided' : tags.join('; ')
}

const CHANGE_GROUPS = ['New', 'Gone', 'Renamed', 'Re-tagged']

/** A table's rows as the text of their cells, header row included. */
function tableRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''))
}

interface Listed {
  key: string
  id: string
  name: string
}

function brazeAt(index: number): Listed {
  const segment = demo.data.braze[index]
  if (!segment) throw new Error(`the demo data has no Braze segment ${index}`)
  return { key: `braze:${segment.id}`, id: segment.id, name: segment.name }
}

function commandersActAt(index: number): Listed {
  const segment = demo.data.commandersAct[index]
  if (!segment) throw new Error(`the demo data has no Commanders Act segment ${index}`)
  return { key: `commanders-act:${segment.id}`, id: segment.id, name: segment.label }
}

const EARLIER = '2025-03-01T10:00:00.000Z'
const LATER = '2025-03-05T16:30:00.000Z'

/** A review as a session file holds it, and as a colleague leaves it on the server (`seedReviews`). */
function entry(key: string, verdict: Verdict, fields: Partial<SessionEntry> = {}): SessionEntry {
  return { key, verdict, note: '', reviewer: 'Camille', reviewedAt: EARLIER, ...fields }
}

/** The server's entries by segment key, as any page would read them. */
async function auditOnServer(): Promise<Map<string, AuditEntry>> {
  const { entries } = await (await testAuditStore()).listEntries()
  return new Map(entries.map((one) => [one.key, one]))
}

/** The reviewer who imports, by the name typed on a segment's page earlier: the import is recorded under it. */
const IMPORTER = 'Dan'
const rememberImporter = () => rememberReviewer(IMPORTER)

const KEPT = brazeAt(0)
const TO_FIX = brazeAt(1)
const ARCHIVED = brazeAt(2)
const NOTE_ONLY = brazeAt(3)
const CLEARED = brazeAt(4)
const COMMANDERS_ACT_TO_FIX = commandersActAt(0)
const REMOVED_ID = '5c1d7a80-0b9e-4f7a-8e2c-6a4f3e2d1c0b'
const REMOVED_KEY = `braze:${REMOVED_ID}`

/** Four listed segments reviewed, one with a note only, one no longer listed. */
const REVIEWED: SessionEntry[] = [
  entry(KEPT.key, 'keep'),
  entry(TO_FIX.key, 'fix', { note: 'Rename: "iOS" is wrong' }),
  entry(ARCHIVED.key, 'archive'),
  entry(NOTE_ONLY.key, 'unreviewed', { note: 'Ask the CRM team' }),
  entry(COMMANDERS_ACT_TO_FIX.key, 'fix', { note: '=SUM(A1:A9) looks wrong', reviewer: 'Léa', reviewedAt: LATER }),
  entry(REMOVED_KEY, 'keep'),
]
/**
 * What is exported: every review but the cleared one (no verdict, no note), each field with who set it and when, or
 * null where it was never set.
 */
const EXPORTED: SessionEntry[] = REVIEWED.map((one) => {
  const verdictSet = one.verdict !== 'unreviewed'
  const noteSet = one.note !== ''
  return {
    ...one,
    verdictBy: verdictSet ? one.reviewer : null,
    verdictAt: verdictSet ? one.reviewedAt : null,
    noteBy: noteSet ? one.reviewer : null,
    noteAt: noteSet ? one.reviewedAt : null,
  }
})

/** The reviews above, and one segment set to Keep and then cleared back to Unreviewed. */
async function seedAll(): Promise<void> {
  await seedReviews(
    ...REVIEWED,
    { key: CLEARED.key, verdict: 'keep' },
    { key: CLEARED.key, verdict: 'unreviewed', reviewedAt: LATER },
  )
}

const region = (name: string) => screen.getByRole('region', { name })
const progressStatus = () => within(region('Progress')).getByRole('status')
const importRegion = () => region('Import a session')
const fileInput = () => screen.getByLabelText('Session file (.json)')

async function waitForAllListed(reviewed: number, timeout = 5000) {
  await waitFor(() => expect(progressStatus()).toHaveTextContent(new RegExp(`^Reviewed ${reviewed} of ${TOTAL}$`)), {
    timeout,
  })
}

/** The legend line of a verdict: its link and the text of the whole line. */
function legend(label: string): { href: string | null; text: string } {
  const link = within(region('Progress')).getByRole('link', { name: label })
  return { href: link.getAttribute('href'), text: link.closest('li')?.textContent?.trim() ?? '' }
}

/** A blob's bytes read as a browser's FileReader would (jsdom's Blob has no text() nor arrayBuffer()). */
function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
    reader.onerror = () => reject(reader.error ?? new Error('unreadable blob'))
    reader.readAsArrayBuffer(blob)
  })
}

/** The text of a blob, a leading BOM kept (FileReader.readAsText would drop it). */
async function blobText(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blobBytes(blob))
}

// The import reads the chosen file with Blob.arrayBuffer(), which every browser has and jsdom lacks: lend it one for
// these tests (and text(), which reads the same way).
const jsdomHasBlobReads = 'arrayBuffer' in Blob.prototype
beforeAll(() => {
  if (jsdomHasBlobReads) return
  Object.defineProperty(Blob.prototype, 'arrayBuffer', {
    configurable: true,
    value(this: Blob) {
      return blobBytes(this).then((bytes) => bytes.buffer)
    },
  })
  Object.defineProperty(Blob.prototype, 'text', {
    configurable: true,
    value(this: Blob) {
      return blobBytes(this).then((bytes) => new TextDecoder().decode(bytes))
    },
  })
})
afterAll(() => {
  if (jsdomHasBlobReads) return
  Reflect.deleteProperty(Blob.prototype, 'arrayBuffer')
  Reflect.deleteProperty(Blob.prototype, 'text')
})

/** The rows of the CSV report exported last, its header left out. */
async function reportRows(files: { blob: Blob }[]): Promise<string[][]> {
  const file = files.at(-1)
  if (!file) throw new Error('nothing was exported')
  return Papa.parse<string[]>((await blobText(file.blob)).slice(1), { delimiter: ',', newline: '\r\n' }).data.slice(1)
}

function sessionFileText(entries: SessionEntry[]): string {
  return JSON.stringify(
    buildSessionFile(
      entries,
      [{ key: KEPT.key, name: KEPT.name, tags: [] }],
      ['braze', 'commanders-act'],
      new Date(LATER),
    ),
  )
}

function sessionFile(text: string): File {
  return new File([text], 'session.json', { type: 'application/json' })
}

describe('Audit page: progress', () => {
  it('says how many listed segments are reviewed, with a link and a count per verdict', async () => {
    await seedAll()
    renderApp('/audit')
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit session' })).toBeInTheDocument()
    // A note alone or a cleared verdict is not a review; a segment no longer listed is not counted.
    await waitForAllListed(4)

    expect(legend('Keep')).toEqual({ href: '/?verdict=keep', text: 'Keep 1' })
    expect(legend('Fix')).toEqual({ href: '/?verdict=fix', text: 'Fix 2' })
    expect(legend('Archive')).toEqual({ href: '/?verdict=archive', text: 'Archive 1' })
    expect(legend('Unreviewed')).toEqual({ href: '/?verdict=unreviewed', text: `Unreviewed ${TOTAL - 4}` })
    expect(within(region('Progress')).getByRole('img')).toHaveAccessibleName(
      `Keep: 1, Fix: 2, Archive: 1, Unreviewed: ${TOTAL - 4}`,
    )
  })

  it('counts every segment as Unreviewed when nothing is reviewed yet', async () => {
    renderApp('/audit')
    await waitForAllListed(0)
    expect(within(region('Progress')).getByRole('img')).toHaveAccessibleName(
      `Keep: 0, Fix: 0, Archive: 0, Unreviewed: ${TOTAL}`,
    )
    expect(legend('Keep').text).toBe('Keep 0')
    expect(legend('Unreviewed').text).toBe(`Unreviewed ${TOTAL}`)
  })

  it('says the lists are still loading until both are complete', async () => {
    await seedAll()
    const release = holdCommandersActList(server, demo)
    renderApp('/audit')
    // The Braze list alone: three of its segments are reviewed.
    await waitFor(() =>
      expect(progressStatus()).toHaveTextContent(`Loading the segment lists… Reviewed 3 of ${demo.data.braze.length}`),
    )

    // No export while a list is arriving: its snapshot would be partial.
    expect(screen.getByRole('button', { name: 'Export JSON' })).toBeDisabled()
    release()
    await waitForAllListed(4)
    expect(screen.getByRole('button', { name: 'Export JSON' })).toBeEnabled()
  })

  it('names a provider whose list failed, with Retry, and exports a snapshot of the other provider only', async () => {
    await seedAll()
    server.use(
      http.get('*/api/commanders-act/segments/list', () => Response.json({ error: 'invalid token' }, { status: 401 })),
    )
    const user = userEvent.setup()
    const files = captureDownloads()
    renderApp('/audit')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Commanders Act rejected the credentials')
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
    expect(progressStatus()).not.toHaveTextContent('Loading')
    // A review of a Commanders Act segment is not said to be of a segment gone: its list did not load.
    await waitFor(() =>
      expect(region('Export the session')).toHaveTextContent(
        'They hold 6 reviews: 3 reviewed as in Progress, 1 with a note only, 1 of a segment no longer listed, and 1 ' +
          'of a segment whose list is not loaded.',
      ),
    )

    await user.click(screen.getByRole('button', { name: 'Export JSON' }))
    const [file] = files
    if (!file) throw new Error('nothing was exported')
    const session = parseSessionFile(await blobText(file.blob), new Date())
    expect(session.snapshotProviders).toEqual(['braze'])
    expect(session.segments).toHaveLength(demo.data.braze.length)
    // Every verdict is exported all the same: nothing entered is held back by a failing provider.
    expect(session.entries.map((one) => one.key)).toContain(COMMANDERS_ACT_TO_FIX.key)
  })

  it('loads a list the app’s server could not send by itself once that server answers again', async () => {
    const restart = appServerRestarting(server, '*/api/commanders-act/segments/list')
    renderApp('/audit')
    expect(await restart.alert()).toHaveTextContent('The app’s server could not be reached')
    await restart.back()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    await waitFor(() => expect(progressStatus()).toHaveTextContent(`of ${TOTAL}`))
  })

  it('says its counts are the team audit’s last answer while the audit cannot be read, until it can again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    renderApp('/audit')
    await waitFor(() => expect(progressStatus()).toHaveTextContent(`of ${TOTAL}`))
    server.use(http.get('*/api/audit/entries', () => new Response(null, { status: 502 })))
    await act(() => vi.advanceTimersByTimeAsync(AUDIT_POLL_MS))
    await waitFor(() =>
      expect(progressStatus()).toHaveTextContent(/Verdicts as of .+: the team’s audit cannot be read just now\./),
    )
    server.resetHandlers()
    await act(() => vi.advanceTimersByTimeAsync(AUDIT_POLL_MS))
    await waitFor(() => expect(progressStatus()).not.toHaveTextContent('cannot be read'))
  })

  it('opens the Segments list filtered on a verdict from its legend link', async () => {
    await seedAll()
    const user = userEvent.setup()
    const { router, currentSearch } = renderApp('/audit')
    await waitForAllListed(4)

    await user.click(within(region('Progress')).getByRole('link', { name: 'Fix' }))
    expect(router.state.location.pathname).toBe('/')
    expect(currentSearch().get('verdict')).toBe('fix')
    expect(await screen.findByRole('combobox', { name: 'Verdict' })).toHaveValue('fix')
  })
})

describe('Audit page: export', () => {
  it('exports the session as JSON: the reviewed or annotated entries and a snapshot of every listed segment', async () => {
    await seedAll()
    const user = userEvent.setup()
    const files = captureDownloads()
    renderApp('/audit')
    await waitForAllListed(4)
    // As many as Progress says reviewed, and what else the files hold, said apart.
    expect(region('Export the session')).toHaveTextContent(
      `They hold ${EXPORTED.length} reviews: 4 reviewed as in Progress, 1 with a note only, and 1 of a segment no ` +
        'longer listed.',
    )

    await user.click(screen.getByRole('button', { name: 'Export JSON' }))
    expect(files).toHaveLength(1)
    const [file] = files
    if (!file) throw new Error('nothing was exported')
    expect(file.name).toMatch(/^audit-session-\d{4}-\d{2}-\d{2}\.json$/)
    expect(file.blob.type).toBe('application/json')
    const session = parseSessionFile(await blobText(file.blob), new Date())

    expect(Date.parse(session.exportedAt)).not.toBeNaN()
    expect([...session.entries].sort((a, b) => a.key.localeCompare(b.key))).toEqual(
      [...EXPORTED].sort((a, b) => a.key.localeCompare(b.key)),
    )
    expect(session.snapshotProviders).toEqual(['braze', 'commanders-act'])
    expect(session.segments).toHaveLength(TOTAL)
    expect(new Set(session.segments.map((segment) => segment.key))).toEqual(
      new Set(LISTED.map((segment) => segment.key)),
    )
    const snapshotOf = (key: string) => session.segments.find((segment) => segment.key === key)
    expect(snapshotOf(KEPT.key)).toEqual({ key: KEPT.key, name: KEPT.name, tags: demo.data.braze[0]?.tags })
    // Tags Commanders Act does not provide are null, not an empty list.
    expect(snapshotOf(COMMANDERS_ACT_TO_FIX.key)).toEqual({
      key: COMMANDERS_ACT_TO_FIX.key,
      name: COMMANDERS_ACT_TO_FIX.name,
      tags: null,
    })
    expect(snapshotOf(REMOVED_KEY)).toBeUndefined()
  })

  it('exports the CSV report: every listed segment with its dates, findings and review, then the reviews no longer listed', async () => {
    const FORMULA_NAMED = brazeAt(demo.data.braze.findIndex((segment) => segment.name.startsWith('=')))
    const UNTOUCHED = commandersActAt(1)
    await seedAll()
    // Bob archived it; Alice later edited only its note: the verdict is still Bob's.
    await seedReviews(
      { key: FORMULA_NAMED.key, verdict: 'archive', reviewer: 'Bob', reviewedAt: EARLIER },
      { key: FORMULA_NAMED.key, note: 'Still used?', reviewer: 'Alice', reviewedAt: LATER },
    )
    const user = userEvent.setup()
    const files = captureDownloads()
    const { queryClient } = renderApp('/audit')
    await waitForAllListed(5)
    // KEPT's details are loaded (its detail page was opened, or the scan reached it); no other's are.
    const keptDetails = await fetchBrazeSegmentDetails(KEPT.id)
    act(() => queryClient.setQueryData(brazeQueries.details(KEPT.id).queryKey, keptDetails))

    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    expect(files).toHaveLength(1)
    const [file] = files
    if (!file) throw new Error('nothing was exported')
    expect(file.name).toMatch(/^audit-report-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(file.blob.type).toBe('text/csv;charset=utf-8')
    const csv = await blobText(file.blob)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', newline: '\r\n' })
    expect(parsed.errors).toEqual([])
    const [header, ...rows] = parsed.data
    expect(header).toEqual(REPORT_HEADER)

    // Every listed segment once, then the review of the one no longer listed, last.
    expect(rows).toHaveLength(TOTAL + 1)
    expect(
      rows
        .slice(0, TOTAL)
        .map((row) => `${row[0]}|${row[1]}`)
        .sort(),
    ).toEqual(LISTED.map((segment) => `${providerLabel[segment.provider]}|${segment.id}`).sort())
    expect(rows.at(-1)).toEqual([
      'Braze',
      REMOVED_ID,
      '(no longer listed)',
      '',
      '',
      '',
      '',
      '',
      'Keep',
      '',
      'Camille',
      formatSpreadsheetDateTime(EARLIER),
      '',
      '',
    ])

    const findings = computeFindings(
      { segments: LISTED, details: new Map([[KEPT.id, keptDetails]]), sizes: new Map() },
      { staleMonths: 12, namingPattern: null },
      new Date(),
    )
    const labels = (key: string) =>
      (findings.bySegment.get(key) ?? []).map((id) => i18next.t(`common:finding.${id}.label`, { count: 12 })).join('; ')
    const rowOf = (id: string) => rows.find((row) => row[1] === id)
    const notLoaded = ['not loaded', 'not loaded', 'not loaded']
    const notProvided = ['not provided', 'not provided', 'not provided']
    expect(keptDetails.textDescription?.trim()).toBeTruthy()
    // Dates and times in the reader's local time, as a spreadsheet reads them.
    const local = formatSpreadsheetDateTime
    expect(rowOf(KEPT.id)).toEqual([
      'Braze',
      KEPT.id,
      KEPT.name,
      'newsletter; crm',
      local(keptDetails.createdAt ?? ''),
      local(keptDetails.updatedAt ?? ''),
      'yes',
      labels(KEPT.key),
      'Keep',
      '',
      'Camille',
      local(EARLIER),
      '',
      '',
    ])
    expect(rowOf(TO_FIX.id)).toEqual([
      'Braze',
      TO_FIX.id,
      TO_FIX.name,
      tagsOf(TO_FIX.key),
      ...notLoaded,
      labels(TO_FIX.key),
      'Fix',
      'Rename: "iOS" is wrong',
      'Camille',
      local(EARLIER),
      'Camille',
      local(EARLIER),
    ])
    // The list does not report this one's tags.
    expect(rowOf(NOTE_ONLY.id)).toEqual([
      'Braze',
      NOTE_ONLY.id,
      NOTE_ONLY.name,
      'not provided',
      ...notLoaded,
      labels(NOTE_ONLY.key),
      'Unreviewed',
      'Ask the CRM team',
      // A note and no verdict ever set: nobody is named for the verdict.
      '',
      '',
      'Camille',
      local(EARLIER),
    ])
    expect(rowOf(COMMANDERS_ACT_TO_FIX.id)).toEqual([
      'Commanders Act',
      COMMANDERS_ACT_TO_FIX.id,
      COMMANDERS_ACT_TO_FIX.name,
      'not provided',
      ...notProvided,
      labels(COMMANDERS_ACT_TO_FIX.key),
      'Fix',
      "'=SUM(A1:A9) looks wrong",
      'Léa',
      local(LATER),
      'Léa',
      local(LATER),
    ])
    expect(rowOf(UNTOUCHED.id)).toEqual([
      'Commanders Act',
      UNTOUCHED.id,
      UNTOUCHED.name,
      'not provided',
      ...notProvided,
      labels(UNTOUCHED.key),
      'Unreviewed',
      '',
      '',
      '',
      '',
      '',
    ])
    expect(rowOf(FORMULA_NAMED.id)?.slice(2, 3)).toEqual([`'${FORMULA_NAMED.name}`])
    expect(rowOf(FORMULA_NAMED.id)?.slice(8)).toEqual([
      'Archive',
      'Still used?',
      'Bob',
      local(EARLIER),
      'Alice',
      local(LATER),
    ])
    // The findings are there, not an empty column: the demo data has leftovers, duplicates and cross-provider names.
    expect(rows.filter((row) => row[7] !== '').length).toBe(findings.bySegment.size)
    expect(findings.bySegment.size).toBeGreaterThan(0)
  })

  it('exports the CSV report even when nothing is reviewed: every segment Unreviewed', async () => {
    // A verdict cleared back to Unreviewed without a note counts as nothing reviewed.
    await seedReviews(
      { key: CLEARED.key, verdict: 'keep' },
      { key: CLEARED.key, verdict: 'unreviewed', reviewedAt: LATER },
    )
    const user = userEvent.setup()
    const files = captureDownloads()
    renderApp('/audit')
    await waitForAllListed(0)
    expect(region('Export the session')).toHaveTextContent('No segment has a verdict or a note yet.')

    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    const rows = await reportRows(files)
    expect(rows).toHaveLength(TOTAL)
    expect(new Set(rows.map((row) => row[8]))).toEqual(new Set(['Unreviewed']))

    await user.click(screen.getByRole('button', { name: 'Export JSON' }))
    const [, json] = files
    if (!json) throw new Error('no JSON was exported')
    const session = parseSessionFile(await blobText(json.blob), new Date())
    expect(session.entries).toEqual([])
    expect(session.segments).toHaveLength(TOTAL)
  })

  it('names a review’s segment no longer listed in the CSV report by the name the kept snapshot has for it', async () => {
    const GONE_UNNAMED = 'commanders-act:0BADF00D'
    await seedReviews(entry(REMOVED_KEY, 'archive'), entry(GONE_UNNAMED, 'keep'))
    // The snapshot "Changed since the last audit" compares with, taken while the segment was still listed.
    await getBaselineStore().save({
      takenAt: EARLIER,
      source: 'start',
      providers: ['braze', 'commanders-act'],
      segments: [{ key: REMOVED_KEY, name: 'Anciens clients', tags: ['crm'] }],
    })
    const user = userEvent.setup()
    const files = captureDownloads()
    renderApp('/audit')
    await waitForAllListed(0)
    await waitFor(() => expect(region('Changed since the last audit')).toHaveTextContent('Gone 1'))

    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    const rows = await reportRows(files)
    expect(rows.slice(TOTAL).map((row) => row.slice(0, 3).concat(row[8] ?? ''))).toEqual([
      ['Braze', REMOVED_ID, 'Anciens clients (no longer listed)', 'Archive'],
      // No name kept for it: said as before.
      ['Commanders Act', '0BADF00D', '(no longer listed)', 'Keep'],
    ])
  })

  it('offers neither export while the team’s audit has never been read: every review would be left out', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    await seedAll()
    server.use(http.get('*/api/audit/entries', () => new Response(null, { status: 502 })))
    renderApp('/audit')
    await waitFor(() => expect(progressStatus()).toHaveTextContent('no verdict is shown yet'))
    await waitFor(() => expect(progressStatus()).toHaveTextContent(`of ${TOTAL}`))
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Export JSON' })).toBeDisabled()
    expect(region('Export the session')).toHaveTextContent(
      'Export is available once the team’s audit has been read: its reviews would be missing.',
    )
    server.resetHandlers()
    await act(() => vi.advanceTimersByTimeAsync(AUDIT_POLL_MS))
    await waitForAllListed(4)
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Export JSON' })).toBeEnabled()
  })

  it('offers neither export while a list is arriving, and both once it is complete', async () => {
    const release = holdCommandersActList(server, demo)
    renderApp('/audit')
    await waitFor(() =>
      expect(progressStatus()).toHaveTextContent(`Loading the segment lists… Reviewed 0 of ${demo.data.braze.length}`),
    )
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Export JSON' })).toBeDisabled()
    expect(region('Export the session')).toHaveTextContent('Export is available once the segment lists have loaded.')
    release()
    await waitForAllListed(0)
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Export JSON' })).toBeEnabled()
  })
})

describe('Audit page: import', () => {
  it('merges a session file on the server, the more recent review winning, says what changed and updates the progress', async () => {
    const olderHere = entry(KEPT.key, 'keep', { reviewedAt: EARLIER })
    const newerHere = entry(TO_FIX.key, 'fix', { note: 'Mine', reviewedAt: LATER })
    const identical = entry(ARCHIVED.key, 'archive', { note: 'Same on both sides' })
    await seedReviews(olderHere, newerHere, identical)
    rememberImporter()
    const user = userEvent.setup()
    renderApp('/audit')
    await waitForAllListed(3)

    const importedNewer = entry(KEPT.key, 'fix', { note: 'Duplicate', reviewer: 'Léa', reviewedAt: LATER })
    const importedOlder = entry(TO_FIX.key, 'keep', { note: 'Theirs', reviewer: 'Léa', reviewedAt: EARLIER })
    const addedCommandersAct = entry(COMMANDERS_ACT_TO_FIX.key, 'archive', { reviewer: 'Léa' })
    const addedBraze = entry(CLEARED.key, 'keep', { reviewer: 'Léa' })
    await user.upload(
      fileInput(),
      sessionFile(sessionFileText([importedNewer, importedOlder, { ...identical }, addedCommandersAct, addedBraze])),
    )

    await waitFor(() =>
      expect(within(importRegion()).getByRole('status')).toHaveTextContent(
        '2 added, 1 updated, 1 kept (the audit’s review was as recent or newer), 1 already identical.',
      ),
    )
    expect(within(importRegion()).getByRole('note')).toHaveTextContent('Imported session.json')
    expect(within(importRegion()).queryByRole('alert')).not.toBeInTheDocument()

    // What every reviewer now reads: each review under its author and date, the history naming who imported it.
    const audit = await auditOnServer()
    const review = (key: string) => {
      const found = audit.get(key)
      return (
        found && {
          key,
          verdict: found.verdict,
          note: found.note,
          reviewer: found.reviewer,
          reviewedAt: found.reviewedAt,
        }
      )
    }
    expect(review(KEPT.key)).toEqual(importedNewer)
    expect(review(TO_FIX.key)).toEqual(newerHere)
    expect(review(ARCHIVED.key)).toEqual(identical)
    expect(review(COMMANDERS_ACT_TO_FIX.key)).toEqual(addedCommandersAct)
    expect(review(CLEARED.key)).toEqual(addedBraze)
    expect(audit.size).toBe(5)
    expect((await (await testAuditStore()).history(KEPT.key))[0]).toMatchObject({
      newValue: 'Duplicate',
      reviewer: IMPORTER,
      source: 'import',
    })

    await waitForAllListed(5)
    expect(within(region('Progress')).getByRole('img')).toHaveAccessibleName(
      `Keep: 1, Fix: 2, Archive: 2, Unreviewed: ${TOTAL - 5}`,
    )
    expect(region('Export the session')).toHaveTextContent('They hold 5 reviews: 5 reviewed as in Progress.')

    // Its snapshot (KEPT alone, both providers complete) is now what "Changed since the last audit" compares with.
    const changes = region('Changed since the last audit')
    await waitFor(() =>
      expect(changes).toHaveTextContent(
        `Compared with the session imported from session.json (exported ${formatDateTime(LATER)}), for Braze and Commanders Act.`,
      ),
    )
    const groupText = (title: string) =>
      within(changes).getByText(title, { selector: '.change-title' }).parentElement?.textContent
    expect(groupText('New')).toBe(`New ${TOTAL - 1}`)
    expect(groupText('Gone')).toBe('Gone 0')
    expect(getBaselineStore().getSnapshot()).toEqual({
      status: 'ready',
      baseline: {
        takenAt: LATER,
        source: 'import',
        fileName: 'session.json',
        segments: [{ key: KEPT.key, name: KEPT.name, tags: [] }],
        providers: ['braze', 'commanders-act'],
      },
    })
  })

  it('says under "Start a new audit" that importing a session moves the comparison, as it does', async () => {
    rememberImporter()
    const user = userEvent.setup()
    renderApp('/audit')
    await waitForAllListed(0)
    const changes = region('Changed since the last audit')
    const hint = () => within(changes).getByText(/^Keeps today’s segments/)
    expect(hint()).toHaveTextContent(/Exporting the session does not change that; importing a session file does/)

    await user.upload(fileInput(), sessionFile(sessionFileText([entry(KEPT.key, 'keep', { reviewer: 'Léa' })])))
    await waitFor(() => expect(changes).toHaveTextContent('Compared with the session imported from session.json'))
    expect(hint()).toHaveTextContent(/importing a session file does, with the file’s segments/)
  })

  it('says when an updated segment kept the audit’s newer verdict, taking only the note', async () => {
    await seedReviews(entry(KEPT.key, 'archive', { reviewedAt: LATER }))
    rememberImporter()
    const user = userEvent.setup()
    renderApp('/audit')
    await waitForAllListed(1)

    const theirs = entry(KEPT.key, 'keep', {
      note: 'Used by the spring campaign',
      reviewer: 'Léa',
      reviewedAt: EARLIER,
    })
    await user.upload(fileInput(), sessionFile(sessionFileText([theirs])))
    await waitFor(() =>
      expect(within(importRegion()).getByRole('status')).toHaveTextContent(
        '0 added, 1 updated (keeping the audit’s newer verdict or note), 0 kept (the audit’s reviews were as recent or newer), 0 already identical.',
      ),
    )
    expect((await auditOnServer()).get(KEPT.key)).toMatchObject({
      verdict: 'archive',
      note: 'Used by the spring campaign',
    })
  })

  it('keeps the audit’s review when it is newer than the imported one', async () => {
    const ours = entry(KEPT.key, 'archive', { note: 'Unused since 2023', reviewedAt: LATER })
    await seedReviews(ours)
    rememberImporter()
    const user = userEvent.setup()
    renderApp('/audit')
    await waitForAllListed(1)

    await user.upload(
      fileInput(),
      sessionFile(sessionFileText([entry(KEPT.key, 'keep', { reviewer: 'Léa', reviewedAt: EARLIER })])),
    )
    await waitFor(() =>
      expect(within(importRegion()).getByRole('status')).toHaveTextContent(
        '0 added, 0 updated, 1 kept (the audit’s review was as recent or newer), 0 already identical.',
      ),
    )
    expect([...(await auditOnServer()).values()]).toEqual([
      expect.objectContaining({
        key: KEPT.key,
        verdict: 'archive',
        note: 'Unused since 2023',
        reviewer: 'Camille',
        reviewedAt: LATER,
      }),
    ])
    expect(legend('Archive').text).toBe('Archive 1')
    expect(legend('Keep').text).toBe('Keep 0')
  })

  it.each([
    { kind: 'a file that is not JSON', text: 'Provider,ID\r\nBraze,b-1', reason: 'This file is not JSON' },
    {
      kind: 'another application’s JSON',
      text: JSON.stringify({ format: 'other-app', version: 1, entries: [] }),
      reason: 'This file is not a Segment Audit session.',
    },
    {
      kind: 'a session from a newer version',
      text: JSON.stringify({ ...buildSessionFile([], [], ['braze'], new Date(LATER)), version: 2 }),
      reason: 'This session was exported by a newer version of Segment Audit (format 2).',
    },
    {
      // The first entry is valid: nothing of a damaged file is written, not even its good part.
      kind: 'a damaged session',
      text: JSON.stringify(
        buildSessionFile(
          [
            entry(COMMANDERS_ACT_TO_FIX.key, 'keep', { reviewedAt: LATER }),
            { ...entry(KEPT.key, 'keep'), verdict: 'maybe' as Verdict },
          ],
          [],
          ['braze'],
          new Date(LATER),
        ),
      ),
      reason:
        'This session file is damaged: field “entries.1.verdict” should be one of "keep", "fix", "archive", "unreviewed".',
    },
    {
      kind: 'a session with a key that is no segment’s',
      text: sessionFileText([entry(COMMANDERS_ACT_TO_FIX.key, 'keep'), entry('constructor:x', 'keep')]),
      reason: 'This session file is damaged: field “entries.1.key” is not a Braze or Commanders Act segment key.',
    },
    {
      kind: 'a session with a review dated in the future',
      text: sessionFileText([entry(COMMANDERS_ACT_TO_FIX.key, 'keep', { reviewedAt: '9999-12-31T00:00:00.000Z' })]),
      reason: 'This session file is damaged: field “entries.0.reviewedAt” is in the future.',
    },
  ])('refuses $kind with the reason, and changes nothing', async ({ text, reason }) => {
    await seedReviews(entry(KEPT.key, 'fix', { note: 'Mine' }))
    const before = await auditOnServer()
    rememberImporter()
    const user = userEvent.setup()
    renderApp('/audit')
    await waitForAllListed(1)

    await user.upload(fileInput(), sessionFile(text))
    const alert = await within(importRegion()).findByRole('alert')
    expect(alert).toHaveTextContent('session.json was not imported')
    expect(alert).toHaveTextContent(reason)
    expect(alert).toHaveTextContent(/Nothing was changed\.$/)
    expect(within(importRegion()).queryByRole('status')).not.toBeInTheDocument()

    expect(await auditOnServer()).toEqual(before)
    expect(progressStatus()).toHaveTextContent(`Reviewed 1 of ${TOTAL}`)
    expect(legend('Fix').text).toBe('Fix 1')
    // Nor is its snapshot taken as the previous session.
    await waitFor(() =>
      expect(region('Changed since the last audit')).toHaveTextContent('No previous audit in this browser yet.'),
    )
    expect(getBaselineStore().getSnapshot()).toEqual({ status: 'ready', baseline: null })
  })

  it('says why the server refused a file the page accepted, and that nothing changed', async () => {
    // The real routes on this test's audit, with the server's clock ten minutes behind the browser's: a review the
    // page dates four minutes ahead is in the future for the server.
    const store = await testAuditStore()
    const lateServer = createAuditHandler({
      store,
      authUserHeader: undefined,
      providerCacheTtlMs: 86_400_000,
      now: () => new Date(Date.now() - 10 * 60_000),
      log: () => {},
    })
    server.use(http.post('*/api/audit/import', ({ request }) => lateServer(request)))
    rememberImporter()
    const user = userEvent.setup()
    renderApp('/audit')
    await waitForAllListed(0)

    const aheadOfServer = new Date(Date.now() + 4 * 60_000).toISOString()
    await user.upload(
      fileInput(),
      sessionFile(sessionFileText([entry(KEPT.key, 'keep', { reviewedAt: aheadOfServer })])),
    )
    const alert = await within(importRegion()).findByRole('alert')
    expect(alert).toHaveTextContent('session.json was not imported')
    expect(alert).toHaveTextContent(
      'This session file is damaged: field “entries.0.reviewedAt” is in the future. Nothing was changed.',
    )
    expect(await auditOnServer()).toEqual(new Map())
    expect(progressStatus()).toHaveTextContent(`Reviewed 0 of ${TOTAL}`)
  })

  it.each([
    {
      kind: 'cannot be reached',
      answer: () => Response.error(),
      said: 'The audit server could not be reached (network or server down)',
    },
    {
      kind: 'says its database failed',
      answer: () =>
        Response.json(
          { error: 'store_error', message: 'The audit database failed; nothing was changed.' },
          { status: 500 },
        ),
      said: 'The audit database failed; nothing was changed',
    },
  ])(
    'says in its own words that the import did not go through when the audit server $kind',
    async ({ answer, said }) => {
      server.use(http.post('*/api/audit/import', answer))
      rememberImporter()
      const user = userEvent.setup()
      renderApp('/audit')
      await waitForAllListed(0)

      await user.upload(fileInput(), sessionFile(sessionFileText([entry(KEPT.key, 'keep')])))
      const alert = await within(importRegion()).findByRole('alert')
      expect(alert).toHaveTextContent('session.json was not imported')
      expect(alert).toHaveTextContent(
        `The import did not go through: ${said}. Importing it again is safe: reviews already merged count as identical.`,
      )
      expect(alert).not.toHaveTextContent(/Failed to fetch|changed\. Nothing was changed/)
    },
  )

  it('imports a session saved again as UTF-16, as Windows PowerShell and Notepad’s “Unicode” write a file', async () => {
    rememberImporter()
    const user = userEvent.setup()
    renderApp('/audit')
    await waitForAllListed(0)

    const text = sessionFileText([entry(KEPT.key, 'keep', { note: 'Édité à la main' })])
    const utf16 = new Uint8Array(2 + text.length * 2)
    utf16.set([0xff, 0xfe])
    for (let index = 0; index < text.length; index++) {
      const unit = text.charCodeAt(index)
      utf16.set([unit & 0xff, unit >> 8], 2 + index * 2)
    }
    await user.upload(fileInput(), new File([utf16], 'session.json', { type: 'application/json' }))
    await waitFor(() =>
      expect(within(importRegion()).getByRole('status')).toHaveTextContent(
        '1 added, 0 updated, 0 kept (the audit’s reviews were as recent or newer), 0 already identical.',
      ),
    )
    expect((await auditOnServer()).get(KEPT.key)?.note).toBe('Édité à la main')
  })

  it('keeps the keyboard on the file picker while a file is imported and once it is', async () => {
    rememberImporter()
    const user = userEvent.setup()
    renderApp('/audit')
    await waitForAllListed(0)

    await user.upload(fileInput(), sessionFile(sessionFileText([entry(KEPT.key, 'keep')])))
    await waitFor(() => expect(within(importRegion()).getByRole('status')).toHaveTextContent(/^1 added/))
    expect(fileInput()).toBeEnabled()
    expect(fileInput()).toHaveFocus()
  })

  it('imports a good file after a refused one, replacing the error with the summary', async () => {
    rememberImporter()
    const user = userEvent.setup()
    renderApp('/audit')
    await waitForAllListed(0)

    await user.upload(fileInput(), sessionFile('{ not json'))
    expect(await within(importRegion()).findByRole('alert')).toHaveTextContent('session.json was not imported')
    expect(progressStatus()).toHaveTextContent(`Reviewed 0 of ${TOTAL}`)

    await user.upload(fileInput(), sessionFile(sessionFileText([entry(KEPT.key, 'keep')])))
    await waitFor(() =>
      expect(within(importRegion()).getByRole('status')).toHaveTextContent(
        '1 added, 0 updated, 0 kept (the audit’s reviews were as recent or newer), 0 already identical.',
      ),
    )
    expect(within(importRegion()).queryByRole('alert')).not.toBeInTheDocument()
    await waitForAllListed(1)
  })
})

describe('Audit page: a session of another Braze workspace or Commanders Act site', () => {
  const OURS: SessionOrigin = { braze: 'braze-0123456789abcdef', commandersAct: 'commanders-act-0123456789abcdef' }
  const KEPT_COMPARISON = {
    takenAt: EARLIER,
    source: 'start' as const,
    providers: ['braze' as const, 'commanders-act' as const],
    segments: [{ key: KEPT.key, name: KEPT.name, tags: [] }],
  }

  /** This test's audit routes on a server that audits the workspace and site `OURS` marks. */
  async function serveOurOrigin(): Promise<void> {
    const ours = createAuditHandler({
      store: await testAuditStore(),
      origin: OURS,
      authUserHeader: undefined,
      providerCacheTtlMs: 86_400_000,
      log: () => {},
    })
    server.use(http.all('*/api/audit/*', ({ request }) => ours(request)))
  }

  function originFileText(origin: SessionOrigin): string {
    const file = buildSessionFile(
      [entry(CLEARED.key, 'archive', { reviewer: 'Léa' })],
      [{ key: REMOVED_KEY, name: 'Their segment', tags: [] }],
      ['braze', 'commanders-act'],
      new Date(LATER),
      origin,
    )
    return JSON.stringify(file)
  }

  it.each([
    {
      language: 'en',
      origin: { ...OURS, braze: 'braze-fedcba9876543210' },
      said:
        'This session file comes from another Braze workspace than the one this server audits (or from before its ' +
        'Braze API key was changed). Nothing was changed.',
    },
    {
      language: 'fr',
      origin: { ...OURS, commandersAct: 'commanders-act-fedcba9876543210' },
      said:
        'Ce fichier de session provient d’un autre site Commanders Act que celui qu’audite ce serveur. Rien n’a été ' +
        'modifié.',
    },
  ])(
    'refuses it ($language), saying so, and keeps the audit and the comparison as they were',
    async ({ language, origin, said }) => {
      await i18next.changeLanguage(language)
      await serveOurOrigin()
      await seedReviews(entry(KEPT.key, 'fix', { note: 'Mine' }))
      await getBaselineStore().save(KEPT_COMPARISON)
      const before = await auditOnServer()
      rememberImporter()
      const user = userEvent.setup()
      renderApp('/audit')
      const input = await screen.findByLabelText(
        language === 'en' ? 'Session file (.json)' : 'Fichier de session (.json)',
      )
      await waitFor(() => expect(input).toBeEnabled())
      // A speech-input user says what the button shows: its words are part of the picker's name.
      expect(input).toHaveAccessibleName(
        language === 'en' ? 'Session file (.json) Choose a file…' : 'Fichier de session (.json) Choisir un fichier…',
      )

      await user.upload(input, sessionFile(originFileText(origin)))
      const alert = await within(input.closest('section') ?? document.body).findByRole('alert')
      expect(alert).toHaveTextContent(said)
      expect(await auditOnServer()).toEqual(before)
      expect(getBaselineStore().getSnapshot()).toEqual({ status: 'ready', baseline: KEPT_COMPARISON })
    },
  )

  it('writes the server’s workspace and site in the exported JSON, which imports back into it', async () => {
    await serveOurOrigin()
    await seedReviews(entry(KEPT.key, 'keep'))
    rememberImporter()
    const user = userEvent.setup()
    const files = captureDownloads()
    renderApp('/audit')
    await waitForAllListed(1)

    await waitFor(() => expect(screen.getByRole('button', { name: 'Export JSON' })).toBeEnabled())
    await user.click(screen.getByRole('button', { name: 'Export JSON' }))
    const text = await blobText(files[0]?.blob ?? new Blob())
    expect(parseSessionFile(text, new Date()).origin).toEqual(OURS)

    await user.upload(fileInput(), sessionFile(text))
    await waitFor(() =>
      expect(within(importRegion()).getByRole('status')).toHaveTextContent(
        '0 added, 0 updated, 0 kept (the audit’s reviews were as recent or newer), 1 already identical.',
      ),
    )
  })
})

describe.each([
  {
    language: 'en',
    file: 'Session file (.json)',
    nameFirst: 'Enter your name first: the import is recorded under it.',
    name: 'Your name',
    // The name is for the import to come, not for a review: the button says what it does here.
    start: 'Use this name',
  },
  {
    language: 'fr',
    file: 'Fichier de session (.json)',
    nameFirst: 'Saisissez d’abord votre nom\u202f: l’import est enregistré à ce nom.',
    name: 'Votre nom',
    start: 'Utiliser ce nom',
  },
])('Audit page: import without a name ($language)', ({ language, file, nameFirst, name, start }) => {
  it('asks for the name here, since the import is recorded under it, then imports', async () => {
    await i18next.changeLanguage(language)
    const user = userEvent.setup()
    renderApp('/audit')
    expect(await screen.findByLabelText(file)).toBeDisabled()
    const part = screen.getByLabelText(file).closest('section') ?? document.body
    const form = await within(part).findByRole('form', { name: nameFirst })

    await user.type(within(form).getByRole('textbox', { name }), IMPORTER)
    await user.click(within(form).getByRole('button', { name: start }))
    expect(within(part).queryByRole('form')).not.toBeInTheDocument()
    await user.upload(screen.getByLabelText(file), sessionFile(sessionFileText([entry(KEPT.key, 'keep')])))
    await waitFor(async () =>
      expect((await (await testAuditStore()).history(KEPT.key))[0]).toMatchObject({ reviewer: IMPORTER }),
    )
  })

  it('the name given from the keyboard, the keyboard goes on to the file picker, not to the page’s top', async () => {
    await i18next.changeLanguage(language)
    const user = userEvent.setup()
    renderApp('/audit')
    const part = (await screen.findByLabelText(file)).closest('section') ?? document.body
    const form = await within(part).findByRole('form', { name: nameFirst })
    await user.type(within(form).getByRole('textbox', { name }), `${IMPORTER}{Enter}`)
    await waitFor(() => expect(screen.getByLabelText(file)).toHaveFocus())
  })
})

describe('Audit page: verdicts per provider', () => {
  it('counts each provider’s verdicts in a table, and follows new verdicts', async () => {
    // The page polls: fake timers skip the wait for its next poll rather than sleep through it.
    vi.useFakeTimers({ shouldAdvanceTime: true })
    await seedAll()
    renderApp('/audit')
    await waitForAllListed(4)
    const brazeCount = demo.data.braze.length
    const commandersActCount = demo.data.commandersAct.length
    // The note alone and the cleared verdict count as Unreviewed; the segment no longer listed is not counted.
    expect(tableRows(screen.getByRole('table', { name: 'Verdicts per provider' }))).toEqual([
      ['Provider', 'Keep', 'Fix', 'Archive', 'Unreviewed', 'Share'],
      ['Braze', '1', '1', '1', String(brazeCount - 3), ''],
      ['Commanders Act', '0', '1', '0', String(commandersActCount - 1), ''],
    ])

    // Two colleagues review meanwhile: the page hears of it at its next poll, without a reload.
    await seedReviews(
      entry(brazeAt(5).key, 'archive', { reviewedAt: LATER }),
      entry(commandersActAt(1).key, 'keep', { reviewer: 'Léa', reviewedAt: LATER }),
    )
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    await waitForAllListed(6)
    expect(tableRows(screen.getByRole('table', { name: 'Verdicts per provider' })).slice(1)).toEqual([
      ['Braze', '1', '1', '2', String(brazeCount - 4), ''],
      ['Commanders Act', '1', '1', '0', String(commandersActCount - 2), ''],
    ])
  })
})

describe('Audit page: last updated', () => {
  const DAY = 86_400_000

  it('counts the Braze segments by age of their last update as their details load', async () => {
    const { queryClient } = renderApp('/audit')
    await waitForAllListed(0)
    const ageTable = () => within(region('Last updated')).getByRole('table')
    const counts = () =>
      tableRows(ageTable())
        .slice(1)
        .map((row) => row.slice(0, 2))
    // No date known yet: no chart of zeros, only what it waits for.
    expect(within(region('Last updated')).queryByRole('table')).not.toBeInTheDocument()
    expect(region('Last updated')).toHaveTextContent(
      `${demo.data.braze.length} of ${demo.data.braze.length} Braze segments are not counted yet`,
    )

    const now = Date.now()
    const updated = [
      [brazeAt(0), now - 10 * DAY],
      [brazeAt(1), now - 45 * DAY],
      [brazeAt(2), now - 3 * 365 * DAY],
    ] as const
    await act(async () => {
      for (const [segment, time] of updated) {
        queryClient.setQueryData(brazeQueries.details(segment.id).queryKey, {
          id: segment.id,
          tags: [],
          updatedAt: new Date(time).toISOString(),
        })
      }
    })
    expect(counts()).toEqual([
      ['Under 1 month', '1'],
      ['1 to 3 months', '1'],
      ['3 to 6 months', '0'],
      ['6 to 12 months', '0'],
      ['1 to 2 years', '0'],
      ['Over 2 years', '1'],
    ])
    expect(region('Last updated')).toHaveTextContent(
      `${demo.data.braze.length - 3} of ${demo.data.braze.length} Braze segments are not counted yet`,
    )
  })

  it('says apart a segment whose details are loaded with an unreadable or no last-update date', async () => {
    const { queryClient } = renderApp('/audit')
    await waitForAllListed(0)
    const brazeCount = demo.data.braze.length
    // As the details scan leaves them: one dated, one whose date Braze sent unreadable, one Braze sent without a date.
    const loaded = [
      [brazeAt(0), { message: 'success', updated_at: new Date().toISOString() }],
      [brazeAt(1), { message: 'success', updated_at: 'not a date' }],
      [brazeAt(2), { message: 'success' }],
    ] as const
    act(() => {
      for (const [segment, body] of loaded) {
        queryClient.setQueryData(brazeQueries.details(segment.id).queryKey, toBrazeSegmentDetails(segment.id, body))
      }
    })
    const lines = () =>
      within(region(i18next.t('audit:age.heading')))
        .getAllByText(/Braze/, { selector: 'p' })
        .map((line) => line.textContent)
    await waitFor(() =>
      expect(lines()).toEqual([
        `${brazeCount - 3} of ${brazeCount} Braze segments are not counted yet: their details are not loaded. ` +
          'The details scan loads them.',
        `1 of ${brazeCount} Braze segments is not counted: its last-update date is unreadable (Braze sent something ` +
          'that is not a date).',
        `1 of ${brazeCount} Braze segments is not counted: Braze sent no last-update date for it.`,
      ]),
    )

    await act(() => i18next.changeLanguage('fr'))
    expect(lines()).toEqual([
      `${brazeCount - 3} segments Braze sur ${brazeCount} ne sont pas encore comptés\u202f: leurs détails ne sont ` +
        'pas chargés. L’analyse des détails les charge.',
      `1 segment Braze sur ${brazeCount} n’est pas compté\u202f: sa date de dernière mise à jour est illisible ` +
        '(Braze a envoyé autre chose qu’une date).',
      `1 segment Braze sur ${brazeCount} n’est pas compté\u202f: Braze n’a pas fourni sa date de dernière mise à jour.`,
    ])
  })
})

describe('Audit page: changed since the last audit', () => {
  const changes = () => region('Changed since the last audit')
  /** A change group's title line, "Gone 2": its title and count (the disclosure's summary when it has items). */
  const group = (title: string) => {
    const line = within(changes()).getByText(title, { selector: '.change-title' }).parentElement
    if (!line) throw new Error(`no ${title} group`)
    return line
  }
  const groupCounts = () => CHANGE_GROUPS.map((title) => group(title).textContent)
  /** The expanded list under a group's heading. */
  const groupList = (title: string) => {
    const list = group(title).closest('details')?.querySelector('ul')
    if (!list) throw new Error(`${title} has no list`)
    return list
  }
  const snapshotOfListed = (): SessionSegment[] =>
    LISTED.map((segment) => ({
      key: segment.key,
      name: segment.name,
      tags: segment.tags === NOT_PROVIDED ? null : [...segment.tags],
    }))

  it('says there is no previous session until one is exported or imported', async () => {
    renderApp('/audit')
    await waitForAllListed(0)
    await waitFor(() => expect(changes()).toHaveTextContent('No previous audit in this browser yet.'))
    expect(changes().querySelector('.change-group')).toBeNull()
  })

  it('lists the new, gone, renamed and re-tagged segments against the previous session, with names when expanded', async () => {
    const RENAMED = brazeAt(1)
    const NEW = brazeAt(2)
    const RETAGGED = brazeAt(0)
    const previous = snapshotOfListed()
      .filter((segment) => segment.key !== NEW.key)
      .map((segment) => {
        if (segment.key === RENAMED.key) return { ...segment, name: 'Clients fidèles 2024' }
        if (segment.key === RETAGGED.key) return { ...segment, tags: ['newsletter', 'legacy'] }
        return segment
      })
    const takenAt = '2025-03-01T10:00:00.000Z'
    await seedReviews(entry(REMOVED_KEY, 'archive'))
    await getBaselineStore().save({
      takenAt,
      source: 'export',
      providers: ['braze', 'commanders-act'],
      segments: [
        ...previous,
        { key: REMOVED_KEY, name: 'Anciens clients', tags: ['crm'] },
        { key: 'commanders-act:DEADBEEF', name: 'Visiteurs 2023', tags: null },
      ],
    })
    const user = userEvent.setup()
    renderApp('/audit')
    await waitForAllListed(0)

    await waitFor(() =>
      expect(changes()).toHaveTextContent(
        `Compared with the session exported ${formatDateTime(takenAt)}, for Braze and Commanders Act.`,
      ),
    )
    expect(groupCounts()).toEqual(['New 1', 'Gone 2', 'Renamed 1', 'Re-tagged 1'])
    // Closed until asked for.
    expect(within(groupList('Renamed')).getByRole('link', { name: RENAMED.name })).not.toBeVisible()

    for (const title of CHANGE_GROUPS) await user.click(group(title))
    const newLink = within(groupList('New')).getByRole('link', { name: NEW.name })
    expect(newLink).toBeVisible()
    expect(newLink).toHaveAttribute('href', `/segments/braze/${NEW.id}`)
    expect(within(groupList('New')).getByRole('listitem')).toHaveTextContent(`${NEW.name} · Braze`)
    expect(
      within(groupList('Gone'))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Anciens clients · Braze · Archive', 'Visiteurs 2023 · Commanders Act'])
    // Gone, each opens its page, which says so and keeps the team's review of it.
    expect(within(groupList('Gone')).getByRole('link', { name: 'Anciens clients' })).toHaveAttribute(
      'href',
      `/segments/braze/${REMOVED_ID}`,
    )
    expect(within(groupList('Gone')).getByRole('link', { name: 'Visiteurs 2023' })).toHaveAttribute(
      'href',
      '/segments/commanders-act/DEADBEEF',
    )
    expect(within(groupList('Renamed')).getByRole('listitem')).toHaveTextContent(
      `Clients fidèles 2024 → ${RENAMED.name}`,
    )
    expect(within(groupList('Renamed')).getByRole('link', { name: RENAMED.name })).toHaveAttribute(
      'href',
      `/segments/braze/${RENAMED.id}`,
    )
    expect(within(groupList('Re-tagged')).getByRole('listitem')).toHaveTextContent(`${RETAGGED.name} + crm − legacy`)
    expect(within(groupList('Re-tagged')).getByRole('link', { name: RETAGGED.name })).toHaveAttribute(
      'href',
      `/segments/braze/${RETAGGED.id}`,
    )
  })

  it('leaves out a provider whose list failed: none of its segments is gone', async () => {
    await getBaselineStore().save({
      takenAt: '2025-03-01T10:00:00.000Z',
      source: 'export',
      providers: ['braze', 'commanders-act'],
      segments: [...snapshotOfListed(), { key: REMOVED_KEY, name: 'Anciens clients', tags: ['crm'] }],
    })
    server.use(
      http.get('*/api/commanders-act/segments/list', () => Response.json({ error: 'invalid token' }, { status: 401 })),
    )
    renderApp('/audit')
    await screen.findByRole('alert')
    await waitFor(() => expect(changes()).toHaveTextContent(', for Braze.'))
    expect(changes()).not.toHaveTextContent('Commanders Act')
    expect(groupCounts()).toEqual(['New 0', 'Gone 1', 'Renamed 0', 'Re-tagged 0'])
  })

  it('asks before "Start a new audit" replaces a kept comparison, saying what it does; Escape or Cancel keeps it', async () => {
    const takenAt = '2025-03-01T10:00:00.000Z'
    await getBaselineStore().save({
      takenAt,
      source: 'start',
      providers: ['braze', 'commanders-act'],
      segments: [...snapshotOfListed(), { key: REMOVED_KEY, name: 'Anciens clients', tags: ['crm'] }],
    })
    await seedAll()
    const user = userEvent.setup()
    renderApp('/audit')
    await waitForAllListed(4)
    await waitFor(() => expect(groupCounts()).toEqual(['New 0', 'Gone 1', 'Renamed 0', 'Re-tagged 0']))
    const start = within(changes()).getByRole('button', { name: 'Start a new audit' })

    await user.click(start)
    const question = within(changes()).getByRole('group', { name: 'Start a new audit?' })
    expect(question).toHaveAccessibleDescription(
      `What this card lists as changed since ${formatDateTime(takenAt)} will no longer be shown ` +
        'in this browser: today’s segments become what it compares with. The team’s verdicts and notes are not changed.',
    )
    expect(within(question).getByRole('button', { name: 'Start the new audit' })).toHaveFocus()
    // Nothing replaced while it asks.
    expect(groupCounts()).toEqual(['New 0', 'Gone 1', 'Renamed 0', 'Re-tagged 0'])

    await user.keyboard('{Escape}')
    expect(within(changes()).queryByRole('group', { name: 'Start a new audit?' })).not.toBeInTheDocument()
    expect(within(changes()).getByRole('button', { name: 'Start a new audit' })).toHaveFocus()
    await user.click(within(changes()).getByRole('button', { name: 'Start a new audit' }))
    await user.click(within(changes()).getByRole('button', { name: 'Cancel' }))
    expect(getBaselineStore().getSnapshot()).toEqual({
      status: 'ready',
      baseline: expect.objectContaining({ takenAt }),
    })
    expect(groupCounts()).toEqual(['New 0', 'Gone 1', 'Renamed 0', 'Re-tagged 0'])

    await user.click(within(changes()).getByRole('button', { name: 'Start a new audit' }))
    await user.keyboard('{Enter}')
    await waitFor(() => expect(groupCounts()).toEqual(['New 0', 'Gone 0', 'Renamed 0', 'Re-tagged 0']))
    expect(within(changes()).getByRole('button', { name: 'Start a new audit' })).toHaveFocus()
    expect(getBaselineStore().getSnapshot()).toEqual({
      status: 'ready',
      baseline: expect.objectContaining({ source: 'start', takenAt: expect.not.stringMatching(takenAt) }),
    })
    // The team's verdicts are as they were.
    expect(progressStatus()).toHaveTextContent(`Reviewed 4 of ${TOTAL}`)
  })

  it('compares with the audit started with "Start a new audit"; exporting the session changes nothing', async () => {
    await seedAll()
    const user = userEvent.setup()
    const files = captureDownloads()
    renderApp('/audit')
    await waitForAllListed(4)
    await waitFor(() => expect(changes()).toHaveTextContent('No previous audit in this browser yet.'))

    // A backup is not a new audit.
    await user.click(screen.getByRole('button', { name: 'Export JSON' }))
    expect(files).toHaveLength(1)
    expect(changes()).toHaveTextContent('No previous audit in this browser yet.')
    expect(getBaselineStore().getSnapshot()).toEqual({ status: 'ready', baseline: null })

    await user.click(within(changes()).getByRole('button', { name: 'Start a new audit' }))
    await waitFor(() =>
      expect(changes()).toHaveTextContent(/Compared with the audit started .*, for Braze and Commanders Act\./),
    )
    expect(groupCounts()).toEqual(['New 0', 'Gone 0', 'Renamed 0', 'Re-tagged 0'])
    // Kept for the next visit.
    expect(getBaselineStore().getSnapshot()).toEqual({
      status: 'ready',
      baseline: expect.objectContaining({
        source: 'start',
        segments: expect.arrayContaining([expect.objectContaining({ key: KEPT.key })]),
      }),
    })
  })
})

// One segment: its count reads right whether or not it is reviewed ("of 1", not "of 1 segments").
describe.each([
  { language: 'en', reviewed: ['Reviewed 0 of 1', 'Reviewed 1 of 1'] },
  { language: 'fr', reviewed: ['0 segment revu sur 1', '1 segment revu sur 1'] },
])('the count of reviewed segments out of one ($language)', ({ language, reviewed }) => {
  const one = createDemoHandlers({ brazeCount: 1, commandersActCount: 0 })
  const only = listedSegments(one.data)[0]

  it.each([0, 1])('reads right with %i reviewed', async (count) => {
    await i18next.changeLanguage(language)
    server.use(...one.handlers)
    if (count > 0 && only) await seedReviews({ key: only.key, verdict: 'keep' })
    renderApp('/audit')
    const progress = await screen.findByRole('region', { name: i18next.t('audit:progress.heading') })
    await waitFor(() => expect(within(progress).getByRole('status').textContent).toBe(reviewed[count]))
  })
})

// Over a thousand segments, so that the totals need a thousands separator.
const thousand = createDemoHandlers({ brazeCount: 1000, commandersActCount: 20 })
const NNBSP = '\u202f'
const exactly = { normalizeWhitespace: false }

const LANGUAGES = [
  {
    language: 'en',
    title: 'Audit session',
    reviewed: (count: number) => `Reviewed ${count} of 1,020`,
    progress: 'Progress',
    verdicts: { keep: 'Keep', fix: 'Fix', archive: 'Archive', unreviewed: 'Unreviewed' },
    unreviewedLine: 'Unreviewed 1,018',
    chart: /^Keep: 1, Fix: 0, Archive: 1, Unreviewed: 1,018$/,
    perProvider: ['Verdicts per provider', 'Provider', 'Share'],
    findings: ['Findings', 'Finding', 'Segments', 'Checked'],
    allChecked: 'All 1,020 checked',
    noDescriptionChecked: 'Not scanned yet (0 of 1,000 checked)',
    staleMonths: ['Not updated in', '12 months'],
    naming: ['Naming pattern', /^A regular expression every segment name should match; leave empty for none\.$/],
    age: ['Last updated', '1,000 of 1,000 Braze segments are not counted yet'],
    scan: ['Details scan', 'Scan details', 'Pause', 'Resume', 'Cancel', 'Scan again'],
    paused: 'Paused: 0 of 1,000 fetched',
    cancelled: 'Scan cancelled: 0 of 1,000 fetched',
    exports: ['Export the session', 'Export CSV', 'Export JSON', 'They hold 2 reviews: 2 reviewed as in Progress.'],
    changes: ['Changed since the last audit', 'Compared with the session exported', 'for Braze and Commanders Act.'],
    changeGroups: ['New 0', 'Gone 1', 'Renamed 0', 'Re-tagged 0'],
    imported: [
      'Import a session',
      'Session file (.json)',
      '1 added, 0 updated, 1 kept (the audit’s review was as recent or newer), 0 already identical.',
      'Imported session.json',
    ],
    refused: ['session.json was not imported', 'This file is not a Segment Audit session. Nothing was changed.'],
    csv: {
      separator: ',',
      listJoin: '; ',
      header: REPORT_HEADER,
      notLoaded: 'not loaded',
      notProvided: 'not provided',
      noLongerListed: '(no longer listed)',
    },
  },
  {
    language: 'fr',
    title: 'Session d’audit',
    // French puts a narrow no-break space before a colon, and writes thousands with one.
    reviewed: (count: number) => `${count} ${count > 1 ? 'segments revus' : 'segment revu'} sur 1${NNBSP}020`,
    progress: 'Progression',
    verdicts: { keep: 'Garder', fix: 'Corriger', archive: 'Archiver', unreviewed: 'Non revu' },
    unreviewedLine: `Non revu 1${NNBSP}018`,
    chart: /^Garder\s: 1, Corriger\s: 0, Archiver\s: 1, Non revu\s: 1\s018$/,
    perProvider: ['Verdicts par fournisseur', 'Fournisseur', 'Répartition'],
    findings: ['Constats', 'Constat', 'Segments', 'Vérification'],
    allChecked: `Les 1${NNBSP}020 sont vérifiés`,
    noDescriptionChecked: 'Pas encore analysé (0 vérifié sur 1 000)',
    staleMonths: ['Pas mis à jour depuis', '12 mois'],
    naming: [
      'Motif de nommage',
      /^Une expression régulière que chaque nom de segment doit respecter\s; laissez vide pour n’en imposer aucune\.$/,
    ],
    age: ['Dernière mise à jour', '1 000 segments Braze sur 1 000 ne sont pas encore comptés'],
    scan: ['Analyse des détails', 'Analyser les détails', 'Pause', 'Reprendre', 'Annuler', 'Relancer l’analyse'],
    // French counts zero in the singular.
    paused: `En pause${NNBSP}: 0 sur 1${NNBSP}000 récupéré`,
    cancelled: `Analyse annulée${NNBSP}: 0 sur 1${NNBSP}000 récupéré`,
    exports: [
      'Exporter la session',
      'Exporter en CSV',
      'Exporter en JSON',
      'Ils contiennent 2 revues : 2 revus comme dans la Progression.',
    ],
    changes: ['Modifié depuis le dernier audit', 'Comparé à la session exportée le', 'pour Braze et Commanders Act.'],
    changeGroups: ['Nouveaux 0', 'Disparus 1', 'Renommés 0', 'Tags modifiés 0'],
    imported: [
      'Importer une session',
      'Fichier de session (.json)',
      '1 ajouté, 0 mis à jour, 1 conservé (la revue de l’audit était aussi récente ou plus récente), 0 déjà identique.',
      'session.json importé',
    ],
    refused: [
      'session.json n’a pas été importé',
      'Ce fichier n’est pas une session Segment Audit. Rien n’a été modifié.',
    ],
    csv: {
      // French spreadsheets expect ";" between cells.
      separator: ';',
      // French puts a narrow no-break space before a semicolon: the report is in French, its lists too.
      listJoin: '\u202f; ',
      header: [
        'Fournisseur',
        'ID',
        'Nom',
        'Tags',
        'Création',
        'Mise à jour',
        'Description présente',
        'Constats',
        'Verdict',
        'Note',
        'Verdict donné par',
        'Verdict donné le',
        'Note écrite par',
        'Note écrite le',
      ],
      notLoaded: 'non chargé',
      notProvided: 'non fourni',
      noLongerListed: '(n’est plus dans la liste)',
    },
  },
] as const

describe('Audit page: a damaged session file, refused in French', () => {
  const base = { format: 'segment-audit-session', version: 1, exportedAt: EARLIER, segments: [], snapshotProviders: [] }
  const review = (fields: Record<string, unknown>) => ({ ...entry(KEPT.key, 'keep'), ...fields })
  // Testing Library reads the narrow no-break spaces French puts before « : » and in 10 000 as spaces.
  it.each([
    {
      what: 'a verdict no one gives',
      file: { ...base, entries: [review({ verdict: 'maybe' })] },
      says: `le champ « entries.0.verdict » devrait valoir l’une de ces valeurs : "keep", "fix", "archive", "unreviewed".`,
    },
    {
      what: 'a review without its note',
      file: { ...base, entries: [review({ note: undefined })] },
      says: `le champ « entries.0.note » manque.`,
    },
    {
      what: 'a note that is a number',
      file: { ...base, entries: [review({ note: 5 })] },
      says: `le champ « entries.0.note » devrait être du texte.`,
    },
    {
      what: 'a note too long',
      file: { ...base, entries: [review({ note: 'x'.repeat(10_001) })] },
      says: `le champ « entries.0.note » dépasse 10 000 caractères.`,
    },
    {
      what: 'entries that are not a list',
      file: { ...base, entries: {} },
      says: `le champ « entries » devrait être une liste.`,
    },
    {
      what: 'an older format',
      file: { ...base, version: 0, entries: [] },
      says: `le champ « version » devrait valoir 1.`,
    },
  ])('says what is wrong with $what in French, not in the schema’s English', async ({ file, says }) => {
    rememberImporter()
    await i18next.changeLanguage('fr')
    const user = userEvent.setup()
    renderApp('/audit')
    await user.upload(screen.getByLabelText('Fichier de session (.json)'), sessionFile(JSON.stringify(file)))
    const alert = await within(region('Importer une session')).findByRole('alert')
    expect(alert).toHaveTextContent(`Ce fichier de session est endommagé : ${says} Rien n’a été modifié.`)
    expect(alert).not.toHaveTextContent(/Invalid|expected|received|Too big/)
  })
})

describe.each(LANGUAGES)('Audit page in each language ($language)', (text) => {
  const LISTED_THOUSAND = listedSegments(thousand.data)
  const cellText = (element: HTMLElement) => element.textContent?.trim() ?? ''
  const thousandBrazeKey = (index: number) => segmentKey('braze', thousand.data.braze[index]?.id ?? '')
  const progressRegion = () => region(text.progress)

  async function renderLoaded(reviewed: number) {
    server.use(...thousand.handlers)
    await i18next.changeLanguage(text.language)
    const view = renderApp('/audit')
    expect(await screen.findByRole('heading', { level: 1, name: text.title })).toBeInTheDocument()
    await waitFor(
      () => expect(within(progressRegion()).getByRole('status')).toHaveTextContent(text.reviewed(reviewed), exactly),
      { timeout: 10_000 },
    )
    return view
  }

  it('shows the progress, findings, settings, ages and exports with the language’s words and numbers', async () => {
    await seedReviews(entry(thousandBrazeKey(0), 'keep'), entry(thousandBrazeKey(1), 'archive'))
    await renderLoaded(2)
    expect(document.title).toBe('Audit — Segment Audit')

    const verdictLine = (name: string) => within(progressRegion()).getByRole('link', { name }).closest('li')
    expect(verdictLine(text.verdicts.keep)).toHaveTextContent(`${text.verdicts.keep} 1`)
    expect(verdictLine(text.verdicts.fix)).toHaveTextContent(`${text.verdicts.fix} 0`)
    expect(cellText(verdictLine(text.verdicts.unreviewed) as HTMLElement)).toBe(text.unreviewedLine)
    expect(within(progressRegion()).getByRole('img')).toHaveAccessibleName(text.chart)
    const perProvider = screen.getByRole('table', { name: text.perProvider[0] })
    expect(within(perProvider).getAllByRole('columnheader').map(cellText)).toEqual([
      text.perProvider[1],
      ...Object.values(text.verdicts),
      text.perProvider[2],
    ])

    // A finding under its name in this language, with the count the page computes from the same lists.
    const findings = computeFindings(
      { segments: LISTED_THOUSAND, details: new Map(), sizes: new Map() },
      { staleMonths: 12, namingPattern: null },
      new Date(),
    )
    const t = i18next.getFixedT(text.language, 'common')
    const findingsTable = screen.getByRole('table', { name: text.findings[0] })
    expect(within(findingsTable).getAllByRole('columnheader').map(cellText)).toEqual(text.findings.slice(1))
    const duplicates = within(findingsTable)
      .getByRole('rowheader', { name: new RegExp(`^${t('finding.duplicate-name.label')}`) })
      .closest('tr')
    const [count, checked] = [...(duplicates?.querySelectorAll('td') ?? [])].map(cellText)
    expect(count).toBe(new Intl.NumberFormat(text.language).format(findings.counts['duplicate-name'].count))
    expect(checked).toBe(text.allChecked)
    const noDescription = within(findingsTable)
      .getByRole('rowheader', { name: new RegExp(`^${t('finding.no-description.label')}`) })
      .closest('tr')
    expect(noDescription).toHaveTextContent(text.noDescriptionChecked)

    const months = screen.getByRole('combobox', { name: text.staleMonths[0] })
    expect(within(months).getByRole('option', { name: text.staleMonths[1] })).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: text.naming[0] })).toHaveAccessibleDescription(text.naming[1])

    // No date known yet: no chart of zeros, only what it waits for.
    expect(within(region(text.age[0])).queryByRole('table')).not.toBeInTheDocument()
    expect(region(text.age[0])).toHaveTextContent(text.age[1])
    expect(within(region(text.scan[0])).getAllByRole('button').map(cellText)).toEqual([text.scan[1]])
    expect(screen.getByRole('button', { name: text.exports[1] })).toBeEnabled()
    expect(screen.getByRole('button', { name: text.exports[2] })).toBeEnabled()
    expect(region(text.exports[0])).toHaveTextContent(text.exports[3])
  })

  it('runs the details scan: buttons, status and counts', async () => {
    // Details answers held until the end, so the scan stays where the test looks at it.
    const { released, release } = held()
    const user = userEvent.setup()
    await renderLoaded(0)
    server.use(
      http.get('*/api/braze/segments/details', async ({ request }) => {
        await released
        return thousand.forwardToBraze(request)
      }),
    )
    const scan = region(text.scan[0])
    const buttons = () => within(scan).getAllByRole('button').map(cellText)
    await user.click(within(scan).getByRole('button', { name: text.scan[1] }))
    await waitFor(() => expect(buttons()).toEqual([text.scan[2], text.scan[4]]))
    expect(within(scan).getByRole('progressbar', { name: text.scan[0] })).toBeInTheDocument()

    await user.click(within(scan).getByRole('button', { name: text.scan[2] }))
    expect(buttons()).toEqual([text.scan[3], text.scan[4]])
    expect(cellText(within(scan).getByRole('status'))).toBe(text.paused)

    await user.click(within(scan).getByRole('button', { name: text.scan[4] }))
    expect(cellText(within(scan).getByRole('status'))).toBe(text.cancelled)
    expect(buttons()).toEqual([text.scan[5]])
    release()
  })

  it('compares with the previous session, its date written in the language', async () => {
    const takenAt = '2025-03-01T10:00:00.000Z'
    await seedReviews(entry(REMOVED_KEY, 'archive'))
    await getBaselineStore().save({
      takenAt,
      source: 'export',
      providers: ['braze', 'commanders-act'],
      segments: [
        ...LISTED_THOUSAND.map((segment) => ({ key: segment.key, name: segment.name, tags: null })),
        { key: REMOVED_KEY, name: 'Anciens clients', tags: null },
      ],
    })
    await renderLoaded(0)
    const changes = region(text.changes[0])
    const when = formatDateTime(takenAt, text.language).replace(/\s+/g, ' ')
    await waitFor(() => expect(changes).toHaveTextContent(`${text.changes[1]} ${when}, ${text.changes[2]}`))
    expect(
      [...changes.querySelectorAll<HTMLElement>('details.change-group > summary, p.change-group')].map((group) =>
        cellText(group).replace(/\s+/g, ' '),
      ),
    ).toEqual(text.changeGroups)
  })

  it('says what an import changed, by the language’s plural rules', async () => {
    await seedReviews(entry(thousandBrazeKey(0), 'keep', { reviewedAt: LATER }))
    rememberImporter()
    const user = userEvent.setup()
    await renderLoaded(1)
    const session = buildSessionFile(
      [entry(thousandBrazeKey(0), 'archive'), entry(thousandBrazeKey(1), 'fix', { reviewer: 'Léa' })],
      [],
      [],
      new Date(),
    )
    await user.upload(screen.getByLabelText(text.imported[1]), sessionFile(JSON.stringify(session)))
    const imported = region(text.imported[0])
    await waitFor(() => expect(within(imported).getByRole('status')).toHaveTextContent(text.imported[2]))
    expect(within(imported).getByRole('note')).toHaveTextContent(text.imported[3])
    await waitFor(() =>
      expect(within(progressRegion()).getByRole('status')).toHaveTextContent(text.reviewed(2), exactly),
    )
  })

  it('says why a session file is refused, and changes nothing', async () => {
    rememberImporter()
    const user = userEvent.setup()
    await renderLoaded(0)
    await user.upload(screen.getByLabelText(text.imported[1]), sessionFile('{"format":"other-app","version":1}'))
    const alert = await within(region(text.imported[0])).findByRole('alert')
    expect(alert).toHaveTextContent(text.refused[0])
    expect(alert).toHaveTextContent(text.refused[1])
    expect(within(progressRegion()).getByRole('status')).toHaveTextContent(text.reviewed(0), exactly)
  })

  it('exports the CSV report in the language: its separator, header, verdicts, findings and placeholders', async () => {
    await seedReviews(
      entry(thousandBrazeKey(0), 'fix', { reviewedAt: LATER }),
      entry(REMOVED_KEY, 'archive', { reviewedAt: LATER }),
    )
    const user = userEvent.setup()
    const files = captureDownloads()
    await renderLoaded(1)

    await user.click(screen.getByRole('button', { name: text.exports[1] }))
    const [file] = files
    if (!file) throw new Error('nothing was exported')
    const csv = await blobText(file.blob)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${text.csv.header.join(text.csv.separator)}`)
    const { data, errors } = Papa.parse<string[]>(csv.slice(1), { delimiter: text.csv.separator, newline: '\r\n' })
    expect(errors).toEqual([])
    const [, ...rows] = data
    expect(rows).toHaveLength(LISTED_THOUSAND.length + 1)

    const { notLoaded, notProvided } = text.csv
    const fixed = rows.find((row) => segmentKey('braze', row[1] ?? '') === thousandBrazeKey(0))
    expect(fixed?.slice(4, 7)).toEqual([notLoaded, notLoaded, notLoaded])
    expect(fixed?.slice(8)).toEqual([text.verdicts.fix, '', 'Camille', formatSpreadsheetDateTime(LATER), '', ''])
    const commandersAct = rows.find((row) => row[0] === 'Commanders Act')
    expect(commandersAct?.slice(3, 7)).toEqual([notProvided, notProvided, notProvided, notProvided])
    expect(commandersAct?.[8]).toBe(text.verdicts.unreviewed)
    expect(rows.at(-1)).toEqual([
      'Braze',
      REMOVED_ID,
      text.csv.noLongerListed,
      ...['', '', '', '', ''],
      text.verdicts.archive,
      '',
      'Camille',
      formatSpreadsheetDateTime(LATER),
      '',
      '',
    ])
    // Findings under their names in this language.
    const findings = computeFindings(
      { segments: LISTED_THOUSAND, details: new Map(), sizes: new Map() },
      { staleMonths: 12, namingPattern: null },
      new Date(),
    )
    const [withFindings, ids = []] =
      [...findings.bySegment].find(([key, found]) => key.startsWith('commanders-act:') && found.length > 1) ?? []
    if (!withFindings) throw new Error('the demo data has no Commanders Act segment with two findings')
    const t = i18next.getFixedT(text.language, 'common')
    const row = rows.find(
      (one) => one[0] === 'Commanders Act' && segmentKey('commanders-act', one[1] ?? '') === withFindings,
    )
    expect(row?.[7]).toBe(ids.map((id) => t(`finding.${id}.label`, { count: 12 })).join(text.csv.listJoin))
    // A segment's tags are a list joined the same way.
    const tagged = LISTED_THOUSAND.find((segment) => segment.tags !== NOT_PROVIDED && segment.tags.length > 1)
    if (!tagged || tagged.tags === NOT_PROVIDED) throw new Error('the demo data has no segment with two tags')
    expect(rows.find((one) => one[1] === tagged.id)?.[3]).toBe(tagged.tags.join(text.csv.listJoin))
  })
})
