// @vitest-environment jsdom
// The Audit page: review progress, the session exported as CSV and JSON, and a session file imported (newer review wins).
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import Papa from 'papaparse'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildSessionFile, parseSessionFile } from '../../../src/stores/session-file'
import { getVerdictStore, type AuditEntry, type Verdict } from '../../../src/stores/verdict-store'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 12, commandersActCount: 6 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const TOTAL = demo.data.braze.length + demo.data.commandersAct.length

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

function entry(key: string, verdict: Verdict, fields: Partial<AuditEntry> = {}): AuditEntry {
  return { key, verdict, note: '', reviewer: 'Camille', reviewedAt: EARLIER, ...fields }
}

async function seed(...entries: AuditEntry[]): Promise<void> {
  for (const seeded of entries) await getVerdictStore().save(seeded)
}

const KEPT = brazeAt(0)
const TO_FIX = brazeAt(1)
const ARCHIVED = brazeAt(2)
const NOTE_ONLY = brazeAt(3)
const CLEARED = brazeAt(4)
const COMMANDERS_ACT_TO_FIX = commandersActAt(0)
const REMOVED_KEY = 'braze:deleted-since'

/** Four listed segments reviewed, one with a note only, one cleared back to Unreviewed, one no longer listed. */
const SEEDED: AuditEntry[] = [
  entry(KEPT.key, 'keep'),
  entry(TO_FIX.key, 'fix', { note: 'Rename: "iOS" is wrong' }),
  entry(ARCHIVED.key, 'archive'),
  entry(NOTE_ONLY.key, 'unreviewed', { note: 'Ask the CRM team' }),
  entry(CLEARED.key, 'unreviewed'),
  entry(COMMANDERS_ACT_TO_FIX.key, 'fix', { note: '=SUM(A1:A9) looks wrong', reviewer: 'Léa', reviewedAt: LATER }),
  entry(REMOVED_KEY, 'keep'),
]
/** What is exported: every entry but the cleared one (no verdict, no note). */
const EXPORTED = SEEDED.filter((seeded) => seeded.key !== CLEARED.key)

const region = (name: string) => screen.getByRole('region', { name })
const progressStatus = () => within(region('Progress')).getByRole('status')
const importRegion = () => region('Import a session')
const fileInput = () => screen.getByLabelText('Session file (.json)')

async function waitForAllListed(reviewed: number) {
  await waitFor(() => expect(progressStatus()).toHaveTextContent(new RegExp(`^Reviewed ${reviewed} of ${TOTAL} segments$`)), {
    timeout: 5000,
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

// The import reads the chosen file with Blob.text(), which every browser has and jsdom lacks: lend it one for these tests.
const jsdomHasBlobText = 'text' in Blob.prototype
beforeAll(() => {
  if (jsdomHasBlobText) return
  Object.defineProperty(Blob.prototype, 'text', {
    configurable: true,
    value(this: Blob) {
      return blobBytes(this).then((bytes) => new TextDecoder().decode(bytes))
    },
  })
})
afterAll(() => {
  if (!jsdomHasBlobText) Reflect.deleteProperty(Blob.prototype, 'text')
})

/** jsdom neither makes object URLs nor downloads: keep each file's content, type and name instead. */
function captureDownloads() {
  const files: { blob: Blob; name: string }[] = []
  let pending: Blob | undefined
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    if (blob instanceof Blob) pending = blob
    return 'blob:audit-session'
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (pending) files.push({ blob: pending, name: this.download })
    pending = undefined
  })
  return files
}

function sessionFileText(entries: AuditEntry[]): string {
  return JSON.stringify(buildSessionFile(entries, [{ key: KEPT.key, name: KEPT.name, tags: [] }], ['braze', 'commanders-act'], new Date(LATER)))
}

function sessionFile(text: string): File {
  return new File([text], 'session.json', { type: 'application/json' })
}

describe('Audit page: progress', () => {
  it('says how many listed segments are reviewed, with a link and a count per verdict', async () => {
    await seed(...SEEDED)
    renderApp('/audit')
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit session' })).toBeInTheDocument()
    // A note alone or a cleared verdict is not a review; a segment no longer listed is not counted.
    await waitForAllListed(4)

    expect(legend('Keep')).toEqual({ href: '/?verdict=keep', text: 'Keep 1' })
    expect(legend('Fix')).toEqual({ href: '/?verdict=fix', text: 'Fix 2' })
    expect(legend('Archive')).toEqual({ href: '/?verdict=archive', text: 'Archive 1' })
    expect(legend('Unreviewed')).toEqual({ href: '/?verdict=unreviewed', text: `Unreviewed ${TOTAL - 4}` })
    expect(within(region('Progress')).getByRole('img')).toHaveAccessibleName(`Keep: 1, Fix: 2, Archive: 1, Unreviewed: ${TOTAL - 4}`)
  })

  it('counts every segment as Unreviewed when nothing is reviewed yet', async () => {
    renderApp('/audit')
    await waitForAllListed(0)
    expect(within(region('Progress')).getByRole('img')).toHaveAccessibleName(`Keep: 0, Fix: 0, Archive: 0, Unreviewed: ${TOTAL}`)
    expect(legend('Keep').text).toBe('Keep 0')
    expect(legend('Unreviewed').text).toBe(`Unreviewed ${TOTAL}`)
  })

  it('says the lists are still loading until both are complete', async () => {
    await seed(...SEEDED)
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    server.use(
      http.get('*/api/commanders-act/segments/list', async ({ request }) => {
        await held
        return demo.forwardToCommandersActList(request)
      }),
    )
    renderApp('/audit')
    // The Braze list alone: three of its segments are reviewed.
    await waitFor(() =>
      expect(progressStatus()).toHaveTextContent(`Loading the segment lists… Reviewed 3 of ${demo.data.braze.length} segments`),
    )

    // No export while a list is arriving: its snapshot would be partial.
    expect(screen.getByRole('button', { name: 'Export JSON' })).toBeDisabled()
    release()
    await waitForAllListed(4)
    expect(screen.getByRole('button', { name: 'Export JSON' })).toBeEnabled()
  })

  it('names a provider whose list failed, with Retry, and exports a snapshot of the other provider only', async () => {
    await seed(...SEEDED)
    server.use(http.get('*/api/commanders-act/segments/list', () => Response.json({ error: 'invalid token' }, { status: 401 })))
    const user = userEvent.setup()
    const files = captureDownloads()
    renderApp('/audit')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Commanders Act rejected the credentials')
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
    expect(progressStatus()).not.toHaveTextContent('Loading')

    await user.click(screen.getByRole('button', { name: 'Export JSON' }))
    const [file] = files
    if (!file) throw new Error('nothing was exported')
    const session = parseSessionFile(await blobText(file.blob))
    expect(session.snapshotProviders).toEqual(['braze'])
    expect(session.segments).toHaveLength(demo.data.braze.length)
    // Every verdict is exported all the same: nothing entered is held back by a failing provider.
    expect(session.entries.map((one) => one.key)).toContain(COMMANDERS_ACT_TO_FIX.key)
  })

  it('opens the Segments list filtered on a verdict from its legend link', async () => {
    await seed(...SEEDED)
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
    await seed(...SEEDED)
    const user = userEvent.setup()
    const files = captureDownloads()
    renderApp('/audit')
    await waitForAllListed(4)
    expect(region('Export the session')).toHaveTextContent(`${EXPORTED.length} reviewed or annotated segments`)

    await user.click(screen.getByRole('button', { name: 'Export JSON' }))
    expect(files).toHaveLength(1)
    const [file] = files
    if (!file) throw new Error('nothing was exported')
    expect(file.name).toMatch(/^audit-session-\d{4}-\d{2}-\d{2}\.json$/)
    expect(file.blob.type).toBe('application/json')
    const session = parseSessionFile(await blobText(file.blob))

    expect(Date.parse(session.exportedAt)).not.toBeNaN()
    expect([...session.entries].sort((a, b) => a.key.localeCompare(b.key))).toEqual(
      [...EXPORTED].sort((a, b) => a.key.localeCompare(b.key)),
    )
    expect(session.segments).toHaveLength(TOTAL)
    expect(new Set(session.segments.map((segment) => segment.key))).toEqual(
      new Set([
        ...demo.data.braze.map((segment) => `braze:${segment.id}`),
        ...demo.data.commandersAct.map((segment) => `commanders-act:${segment.id}`),
      ]),
    )
    const snapshotOf = (key: string) => session.segments.find((segment) => segment.key === key)
    expect(snapshotOf(KEPT.key)).toEqual({ key: KEPT.key, name: KEPT.name, tags: demo.data.braze[0]?.tags })
    // Tags Commanders Act does not provide are null, not an empty list.
    expect(snapshotOf(COMMANDERS_ACT_TO_FIX.key)).toEqual({ key: COMMANDERS_ACT_TO_FIX.key, name: COMMANDERS_ACT_TO_FIX.name, tags: null })
    expect(snapshotOf(REMOVED_KEY)).toBeUndefined()
  })

  it('exports the session as CSV: one row per reviewed or annotated segment, named, with formulas neutralised', async () => {
    const formulaIndex = demo.data.braze.findIndex((segment) => segment.name.startsWith('='))
    const FORMULA_NAMED = brazeAt(formulaIndex)
    await seed(...SEEDED, entry(FORMULA_NAMED.key, 'archive', { reviewedAt: LATER }))
    const user = userEvent.setup()
    const files = captureDownloads()
    renderApp('/audit')
    await waitForAllListed(5)

    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    expect(files).toHaveLength(1)
    const [file] = files
    if (!file) throw new Error('nothing was exported')
    expect(file.name).toMatch(/^audit-session-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = await blobText(file.blob)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', newline: '\r\n' })
    expect(parsed.errors).toEqual([])
    const [header, ...rows] = parsed.data
    expect(header).toEqual(['Provider', 'ID', 'Name', 'Tags', 'Verdict', 'Note', 'Reviewer', 'Reviewed at'])
    const byId = (a: string[], b: string[]) => (a[1] ?? '').localeCompare(b[1] ?? '')
    expect(rows.sort(byId)).toEqual(
      [
        ['Braze', KEPT.id, KEPT.name, 'newsletter; crm', 'Keep', '', 'Camille', EARLIER],
        ['Braze', TO_FIX.id, TO_FIX.name, '', 'Fix', 'Rename: "iOS" is wrong', 'Camille', EARLIER],
        ['Braze', ARCHIVED.id, ARCHIVED.name, 'en; airbyte', 'Archive', '', 'Camille', EARLIER],
        // Tags the list does not report.
        ['Braze', NOTE_ONLY.id, NOTE_ONLY.name, 'not provided', 'Unreviewed', 'Ask the CRM team', 'Camille', EARLIER],
        ['Commanders Act', COMMANDERS_ACT_TO_FIX.id, COMMANDERS_ACT_TO_FIX.name, 'not provided', 'Fix', "'=SUM(A1:A9) looks wrong", 'Léa', LATER],
        ['Braze', 'deleted-since', '(no longer listed)', '', 'Keep', '', 'Camille', EARLIER],
        ['Braze', FORMULA_NAMED.id, `'${FORMULA_NAMED.name}`, 'newsletter; vip', 'Archive', '', 'Camille', LATER],
      ].sort(byId),
    )
  })

  it('offers no CSV while nothing is reviewed or annotated, but still a JSON snapshot', async () => {
    // A verdict cleared back to Unreviewed without a note is nothing to export.
    await seed(entry(CLEARED.key, 'unreviewed'))
    const user = userEvent.setup()
    const files = captureDownloads()
    renderApp('/audit')
    await waitForAllListed(0)
    expect(region('Export the session')).toHaveTextContent('0 reviewed or annotated segments')
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled()

    await user.click(screen.getByRole('button', { name: 'Export JSON' }))
    const [file] = files
    if (!file) throw new Error('nothing was exported')
    const session = parseSessionFile(await blobText(file.blob))
    expect(session.entries).toEqual([])
    expect(session.segments).toHaveLength(TOTAL)
  })
})

describe('Audit page: import', () => {
  it('merges a session file, newer review winning, says what changed and updates the progress', async () => {
    const localOlder = entry(KEPT.key, 'keep', { reviewedAt: EARLIER })
    const localNewer = entry(TO_FIX.key, 'fix', { note: 'Mine', reviewedAt: LATER })
    const identical = entry(ARCHIVED.key, 'archive', { note: 'Same on both sides' })
    await seed(localOlder, localNewer, identical)
    const user = userEvent.setup()
    renderApp('/audit')
    await waitForAllListed(3)

    const importedNewer = entry(KEPT.key, 'fix', { note: 'Duplicate', reviewer: 'Léa', reviewedAt: LATER })
    const importedOlder = entry(TO_FIX.key, 'keep', { note: 'Theirs', reviewer: 'Léa', reviewedAt: EARLIER })
    const addedCommandersAct = entry(COMMANDERS_ACT_TO_FIX.key, 'archive', { reviewer: 'Léa' })
    const addedBraze = entry(CLEARED.key, 'keep', { reviewer: 'Léa' })
    await user.upload(fileInput(), sessionFile(sessionFileText([importedNewer, importedOlder, { ...identical }, addedCommandersAct, addedBraze])))

    await waitFor(() =>
      expect(within(importRegion()).getByRole('status')).toHaveTextContent(
        '2 added, 1 updated, 1 kept (yours were as recent or newer), 1 already identical.',
      ),
    )
    expect(within(importRegion()).getByRole('note')).toHaveTextContent('Imported session.json')
    expect(within(importRegion()).queryByRole('alert')).not.toBeInTheDocument()

    const stored = getVerdictStore().getSnapshot()
    expect(stored.get(KEPT.key)).toEqual(importedNewer)
    expect(stored.get(TO_FIX.key)).toEqual(localNewer)
    expect(stored.get(ARCHIVED.key)).toEqual(identical)
    expect(stored.get(COMMANDERS_ACT_TO_FIX.key)).toEqual(addedCommandersAct)
    expect(stored.get(CLEARED.key)).toEqual(addedBraze)
    expect(stored.size).toBe(5)

    await waitForAllListed(5)
    expect(within(region('Progress')).getByRole('img')).toHaveAccessibleName(`Keep: 1, Fix: 2, Archive: 2, Unreviewed: ${TOTAL - 5}`)
    expect(region('Export the session')).toHaveTextContent('5 reviewed or annotated segments')
  })

  it('keeps a local review newer than the imported one', async () => {
    const mine = entry(KEPT.key, 'archive', { note: 'Unused since 2023', reviewedAt: LATER })
    await seed(mine)
    const user = userEvent.setup()
    renderApp('/audit')
    await waitForAllListed(1)

    await user.upload(fileInput(), sessionFile(sessionFileText([entry(KEPT.key, 'keep', { reviewer: 'Léa', reviewedAt: EARLIER })])))
    await waitFor(() =>
      expect(within(importRegion()).getByRole('status')).toHaveTextContent(
        '0 added, 0 updated, 1 kept (yours were as recent or newer), 0 already identical.',
      ),
    )
    expect(getVerdictStore().getSnapshot()).toEqual(new Map([[KEPT.key, mine]]))
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
        buildSessionFile([entry(COMMANDERS_ACT_TO_FIX.key, 'keep', { reviewedAt: LATER }), { ...entry(KEPT.key, 'keep'), verdict: 'maybe' as Verdict }], [], ['braze'], new Date(LATER)),
      ),
      reason: 'This session file is damaged: field “entries.1.verdict”',
    },
  ])('refuses $kind with the reason, and changes nothing', async ({ text, reason }) => {
    const mine = entry(KEPT.key, 'fix', { note: 'Mine' })
    await seed(mine)
    const user = userEvent.setup()
    renderApp('/audit')
    await waitForAllListed(1)

    await user.upload(fileInput(), sessionFile(text))
    const alert = await within(importRegion()).findByRole('alert')
    expect(alert).toHaveTextContent('session.json was not imported')
    expect(alert).toHaveTextContent(reason)
    expect(alert).toHaveTextContent(/Nothing was changed\.$/)
    expect(within(importRegion()).queryByRole('status')).not.toBeInTheDocument()

    expect(getVerdictStore().getSnapshot()).toEqual(new Map([[KEPT.key, mine]]))
    expect(progressStatus()).toHaveTextContent(`Reviewed 1 of ${TOTAL} segments`)
    expect(legend('Fix').text).toBe('Fix 1')
  })

  it('imports a good file after a refused one, replacing the error with the summary', async () => {
    const user = userEvent.setup()
    renderApp('/audit')
    await waitForAllListed(0)

    await user.upload(fileInput(), sessionFile('{ not json'))
    expect(await within(importRegion()).findByRole('alert')).toHaveTextContent('session.json was not imported')

    await user.upload(fileInput(), sessionFile(sessionFileText([entry(KEPT.key, 'keep')])))
    await waitFor(() =>
      expect(within(importRegion()).getByRole('status')).toHaveTextContent('1 added, 0 updated, 0 kept (yours were as recent or newer), 0 already identical.'),
    )
    expect(within(importRegion()).queryByRole('alert')).not.toBeInTheDocument()
    await waitForAllListed(1)
  })
})
