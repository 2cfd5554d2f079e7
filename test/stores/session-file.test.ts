// The session file: a round trip through JSON, refusals a person understands, the import merge rule (newer review wins), and the batch write it feeds.
import { describe, expect, it, vi } from 'vitest'
import {
  buildSessionFile,
  mergeSessions,
  parseSessionFile,
  SessionFileError,
  type MergeResult,
  type SessionFile,
  type SessionSegment,
} from '../../src/stores/session-file'
import { VerdictStore, type AuditEntry } from '../../src/stores/audit-contract'

function entry(fields: Partial<AuditEntry> = {}): AuditEntry {
  return { key: 'braze:b-1', verdict: 'archive', note: 'Duplicate of spring', reviewer: 'Camille', reviewedAt: '2025-03-01T10:00:00.000Z', ...fields }
}

const segments: SessionSegment[] = [
  { key: 'braze:b-1', name: 'Clients fidèles', tags: ['loyalty', 'vip'] },
  { key: 'commanders-act:42', name: 'Prospects « été »', tags: null },
  { key: 'braze:b-2', name: '', tags: [] },
]

/** A well-formed session file as text, with some of its fields replaced. */
function sessionText(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...buildSessionFile([entry()], segments, ['braze'], new Date('2025-03-02T08:00:00.000Z')), ...fields })
}

/** The error parseSessionFile throws for a text, failing the test if it accepts it or throws something else. */
function refusal(text: string): SessionFileError {
  try {
    parseSessionFile(text)
  } catch (error) {
    expect(error).toBeInstanceOf(SessionFileError)
    return error as SessionFileError
  }
  throw new Error(`parseSessionFile accepted ${text}`)
}

describe('buildSessionFile → JSON → parseSessionFile', () => {
  const now = new Date('2025-03-02T08:00:00.000Z')

  it.each([
    { what: 'an empty session', entries: [], segments: [] },
    { what: 'one entry and no segments', entries: [entry()], segments: [] },
    {
      what: 'every verdict, notes with quotes, accents and new lines, and segments with and without tags',
      entries: [
        entry({ key: 'braze:b-1', verdict: 'keep', note: '' }),
        entry({ key: 'braze:b-2', verdict: 'fix', note: 'Rename to "Clients fidèles"\nthen re-check' }),
        entry({ key: 'commanders-act:42', verdict: 'archive', reviewer: 'Zoé', reviewedAt: '2025-02-28T23:59:59.999Z' }),
        entry({ key: 'commanders-act:43', verdict: 'unreviewed', note: 'Ask the CRM team ✉' }),
      ],
      segments,
    },
  ])('gives back $what unchanged', ({ entries, segments }) => {
    const built = buildSessionFile(new Map(entries.map((one) => [one.key, one])).values(), segments, ['braze', 'commanders-act'], now)
    const expected: SessionFile = { format: 'segment-audit-session', version: 1, exportedAt: '2025-03-02T08:00:00.000Z', entries, segments, snapshotProviders: ['braze', 'commanders-act'] }
    expect(built).toEqual(expected)
    expect(parseSessionFile(JSON.stringify(built))).toEqual(expected)
  })
})

describe('parseSessionFile refusals', () => {
  it.each([
    { what: 'plain text', text: 'hello' },
    { what: 'a CSV export', text: 'key,name,verdict\nbraze:b-1,Clients fidèles,keep\n' },
    { what: 'an empty file', text: '' },
    { what: 'a truncated session', text: sessionText().slice(0, -10) },
  ])('refuses $what as not JSON', ({ text }) => {
    expect(refusal(text).message).toBe('This file is not JSON: choose a session exported from Segment Audit (.json).')
  })

  it.each([
    { what: 'an object of another app', text: '{"foo":1}' },
    { what: 'an array', text: '[]' },
    { what: 'null', text: 'null' },
    { what: 'a number', text: '42' },
    { what: 'a string', text: '"segment-audit-session"' },
    { what: 'another format name', text: sessionText({ format: 'segment-audit-export' }) },
    { what: 'a file without a format', text: sessionText({ format: undefined }) },
  ])('refuses $what as not a session', ({ text }) => {
    expect(refusal(text).message).toBe('This file is not a Segment Audit session.')
  })

  it.each([
    { what: 'version 2 of a whole session', text: sessionText({ version: 2 }), version: '2' },
    { what: 'version 2 with fields this version does not know', text: '{"format":"segment-audit-session","version":2,"rows":[]}', version: '2' },
    { what: 'version 10', text: sessionText({ version: 10 }), version: '10' },
  ])('refuses $what as made by a newer version', ({ text, version }) => {
    const { message } = refusal(text)
    expect(message).toMatch(/newer version of Segment Audit/)
    expect(message).toContain(`format ${version}`)
  })

  it.each([
    { what: 'an entry with the verdict "maybe"', fields: { entries: [{ ...entry(), verdict: 'maybe' }] }, path: 'entries.0.verdict' },
    { what: 'an entry without a key', fields: { entries: [{ ...entry(), key: undefined }] }, path: 'entries.0.key' },
    { what: 'an entry with an empty key', fields: { entries: [{ ...entry(), key: '' }] }, path: 'entries.0.key' },
    {
      what: 'a second entry with reviewedAt a number',
      fields: { entries: [entry(), { ...entry({ key: 'braze:b-2' }), reviewedAt: 1740823200000 }] },
      path: 'entries.1.reviewedAt',
    },
    { what: 'an entry without a note', fields: { entries: [{ ...entry(), note: undefined }] }, path: 'entries.0.note' },
    { what: 'entries that are not a list', fields: { entries: { 'braze:b-1': entry() } }, path: 'entries' },
    { what: 'segments that are not a list', fields: { segments: 'braze:b-1' }, path: 'segments' },
    { what: 'a segment with tags that are not text', fields: { segments: [{ key: 'braze:b-1', name: 'VIP', tags: [1] }] }, path: 'segments.0.tags.0' },
    { what: 'a missing export date', fields: { exportedAt: undefined }, path: 'exportedAt' },
    { what: 'an older version', fields: { version: 0 }, path: 'version' },
  ])('refuses $what as damaged, naming the field $path', ({ fields, path }) => {
    const { message } = refusal(sessionText(fields))
    expect(message).toMatch(/^This session file is damaged: /)
    expect(message).toContain(`field “${path}”`)
  })
})

describe('mergeSessions', () => {
  const older = '2025-03-01T10:00:00.000Z'
  const newer = '2025-03-05T16:30:00.000Z'
  const none = { added: 0, updated: 0, unchanged: 0, keptLocal: 0 }

  it.each<{ what: string; local: AuditEntry[]; imported: AuditEntry[]; expected: MergeResult }>([
    { what: 'nothing imported', local: [entry()], imported: [], expected: { ...none, toWrite: [] } },
    {
      what: 'a key not held locally is added and written',
      local: [entry({ key: 'braze:other' })],
      imported: [entry()],
      expected: { ...none, added: 1, toWrite: [entry()] },
    },
    {
      what: 'an imported review newer than the local one is updated and written',
      local: [entry({ reviewedAt: older, verdict: 'keep' })],
      imported: [entry({ reviewedAt: newer, verdict: 'archive', reviewer: 'Zoé' })],
      expected: { ...none, updated: 1, toWrite: [entry({ reviewedAt: newer, verdict: 'archive', reviewer: 'Zoé' })] },
    },
    {
      what: 'a local review newer than the imported one is kept and not written',
      local: [entry({ reviewedAt: newer, verdict: 'keep' })],
      imported: [entry({ reviewedAt: older, verdict: 'archive' })],
      expected: { ...none, keptLocal: 1, toWrite: [] },
    },
    {
      what: 'an identical review is unchanged and not written',
      local: [entry()],
      imported: [entry()],
      expected: { ...none, unchanged: 1, toWrite: [] },
    },
    {
      what: 'the same time with another verdict keeps the local one (local wins ties)',
      local: [entry({ verdict: 'keep' })],
      imported: [entry({ verdict: 'fix' })],
      expected: { ...none, keptLocal: 1, toWrite: [] },
    },
    {
      what: 'the same time with another note keeps the local one (local wins ties)',
      local: [entry({ note: 'Mine' })],
      imported: [entry({ note: 'Theirs' })],
      expected: { ...none, keptLocal: 1, toWrite: [] },
    },
    {
      what: 'duplicate imported keys: only the newest is considered, whatever its position',
      local: [entry({ reviewedAt: '2025-03-03T00:00:00.000Z', verdict: 'keep' })],
      imported: [
        entry({ reviewedAt: older, verdict: 'fix' }),
        entry({ reviewedAt: newer, verdict: 'archive', note: 'Newest' }),
        entry({ reviewedAt: '2025-03-02T00:00:00.000Z', verdict: 'unreviewed' }),
      ],
      expected: { ...none, updated: 1, toWrite: [entry({ reviewedAt: newer, verdict: 'archive', note: 'Newest' })] },
    },
    {
      what: 'duplicate imported keys whose newest is older than the local review: kept local, not written',
      local: [entry({ reviewedAt: newer, verdict: 'keep' })],
      imported: [entry({ reviewedAt: '2025-03-04T00:00:00.000Z', verdict: 'fix' }), entry({ reviewedAt: older, verdict: 'archive' })],
      expected: { ...none, keptLocal: 1, toWrite: [] },
    },
    {
      what: 'duplicate keys new to the local session: added once, the newest',
      local: [],
      imported: [entry({ reviewedAt: newer, note: 'Newest' }), entry({ reviewedAt: older, note: 'Oldest' })],
      expected: { ...none, added: 1, toWrite: [entry({ reviewedAt: newer, note: 'Newest' })] },
    },
    {
      what: 'an unparsable imported date is older than any local review',
      local: [entry({ reviewedAt: older, verdict: 'keep' })],
      imported: [entry({ reviewedAt: 'yesterday', verdict: 'fix' })],
      expected: { ...none, keptLocal: 1, toWrite: [] },
    },
    {
      what: 'an unparsable local date is older than any imported review',
      local: [entry({ reviewedAt: 'not a date', verdict: 'keep' })],
      imported: [entry({ reviewedAt: older, verdict: 'fix' })],
      expected: { ...none, updated: 1, toWrite: [entry({ reviewedAt: older, verdict: 'fix' })] },
    },
    {
      what: 'a duplicate with an unparsable date loses to a dated one',
      local: [],
      imported: [entry({ reviewedAt: '', note: 'Undated' }), entry({ reviewedAt: older, note: 'Dated' })],
      expected: { ...none, added: 1, toWrite: [entry({ reviewedAt: older, note: 'Dated' })] },
    },
  ])('$what', ({ local, imported, expected }) => {
    const result = mergeSessions(new Map(local.map((one) => [one.key, one])), imported)
    expect(result).toEqual(expected)
  })

  it('counts every distinct imported key exactly once, and writes exactly the added and updated ones', () => {
    const local = new Map(
      [
        entry({ key: 'braze:updated', reviewedAt: older }),
        entry({ key: 'braze:kept', reviewedAt: newer }),
        entry({ key: 'braze:same' }),
        entry({ key: 'braze:tie', verdict: 'keep' }),
        entry({ key: 'braze:local-only' }),
      ].map((one) => [one.key, one]),
    )
    const imported = [
      entry({ key: 'braze:new' }),
      entry({ key: 'braze:updated', reviewedAt: newer }),
      entry({ key: 'braze:updated', reviewedAt: older }),
      entry({ key: 'braze:kept', reviewedAt: older }),
      entry({ key: 'braze:same' }),
      entry({ key: 'braze:same' }),
      entry({ key: 'braze:tie', verdict: 'fix' }),
      entry({ key: 'commanders-act:new', reviewedAt: 'garbage' }),
    ]

    const result = mergeSessions(local, imported)

    expect(result).toMatchObject({ added: 2, updated: 1, unchanged: 1, keptLocal: 2 })
    const distinctKeys = new Set(imported.map((one) => one.key)).size
    expect(result.added + result.updated + result.unchanged + result.keptLocal).toBe(distinctKeys)
    expect(result.toWrite.map((one) => one.key).sort()).toEqual(['braze:new', 'braze:updated', 'commanders-act:new'])
    expect(result.toWrite).toHaveLength(result.added + result.updated)
  })
})

describe('VerdictStore.saveMany', () => {
  let databases = 0

  /** A database of its own for each test, so a second store can open the same one. */
  function databaseName(): string {
    databases += 1
    return `session-file-test-${databases}`
  }

  const batch = [
    entry({ key: 'braze:b-1', verdict: 'keep' }),
    entry({ key: 'braze:b-2', verdict: 'fix', note: '' }),
    entry({ key: 'commanders-act:42', verdict: 'unreviewed', reviewer: 'Zoé' }),
  ]

  it('writes every entry: a new store on the same database reads them all back once ready', async () => {
    const name = databaseName()
    const store = new VerdictStore(name)
    await store.ready
    await store.save(entry({ key: 'braze:untouched' }))
    await store.save(entry({ key: 'braze:b-1', verdict: 'archive' }))

    await store.saveMany(batch)

    const expected = new Map([entry({ key: 'braze:untouched' }), ...batch].map((one) => [one.key, one]))
    expect(store.getSnapshot()).toEqual(expected)
    const reopened = new VerdictStore(name)
    await reopened.ready
    expect(reopened.getSnapshot()).toEqual(expected)
  })

  it('notifies subscribers once, with every entry already in a new snapshot', async () => {
    const store = new VerdictStore(databaseName())
    await store.ready
    const before = store.getSnapshot()
    const listener = vi.fn(() => expect([...store.getSnapshot().values()]).toEqual(batch))
    store.subscribe(listener)

    await store.saveMany(batch)

    expect(listener).toHaveBeenCalledTimes(1)
    expect(store.getSnapshot()).not.toBe(before)
  })

  it.each([
    { what: 'an unknown verdict', bad: { verdict: 'maybe' } },
    { what: 'an empty key', bad: { key: '' } },
    { what: 'a missing note', bad: { note: undefined } },
    { what: 'a date that is a number', bad: { reviewedAt: 1740823200000 } },
  ])('rejects the whole batch when one entry has $what: nothing written, nothing notified', async ({ bad }) => {
    const name = databaseName()
    const store = new VerdictStore(name)
    await store.ready
    const existing = entry({ key: 'braze:b-1', verdict: 'archive' })
    await store.save(existing)
    const before = store.getSnapshot()
    const listener = vi.fn()
    store.subscribe(listener)
    const invalid = { ...entry({ key: 'braze:b-9' }), ...bad } as unknown as AuditEntry

    await expect(store.saveMany([...batch, invalid])).rejects.toThrow()

    expect(store.getSnapshot()).toBe(before)
    expect(listener).not.toHaveBeenCalled()
    const reopened = new VerdictStore(name)
    await reopened.ready
    expect(reopened.getSnapshot()).toEqual(new Map([[existing.key, existing]]))
  })
})
