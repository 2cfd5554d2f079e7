// The import's merge rules, case by case, against every database the store supports: for each field the more recent
// review wins, the audit's own review wins a tie, and of a segment listed twice in a file only the newest review
// counts. A file's fields carry their own author and time, which an import keeps and compares; older files credit
// both fields to the entry's last reviewer.
import { afterEach, describe, expect, it } from 'vitest'
import type { AuditStore } from '../../../src/server/audit/store'
import type { ImportAnswer, Verdict } from '../../../src/stores/audit-contract'
import { buildSessionFile, parseSessionFile, type SessionEntry } from '../../../src/stores/session-file'
import { openTestStore, TEST_DATABASES } from './databases'

const A = 'braze:8b922b25-dcc6-4e4d-b345-f7b06106046c'
const B = 'commanders-act:BBFAC450'
const OLDER = '2026-03-01T10:00:00.000Z'
const MIDDLE = '2026-03-03T00:00:00.000Z'
const NEWER = '2026-03-05T16:30:00.000Z'
const IMPORTED_AT = new Date('2026-04-01T00:00:00.000Z')

/** A review already in the audit: its verdict and note written by Ana at `at`. */
interface Held {
  key: string
  verdict: Verdict
  note: string
  at: string
}

function fromFile(fields: Partial<SessionEntry> = {}): SessionEntry {
  return { key: A, verdict: 'archive', note: 'Duplicate of spring', reviewer: 'Cleo', reviewedAt: NEWER, ...fields }
}

const none: ImportAnswer = { added: 0, updated: 0, unchanged: 0, keptNewer: 0, partlyKept: 0 }

interface Case {
  what: string
  held: Held[]
  file: SessionEntry[]
  answer: ImportAnswer
  /** The review of A afterwards: verdict, note, and who gave the latest of the two. */
  after: { verdict: Verdict; note: string; reviewer: string } | undefined
}

const CASES: Case[] = [
  { what: 'an empty file changes nothing', held: [], file: [], answer: none, after: undefined },
  {
    what: 'a segment the audit does not hold is added, under its reviewer',
    held: [{ key: B, verdict: 'keep', note: '', at: OLDER }],
    file: [fromFile()],
    answer: { ...none, added: 1 },
    after: { verdict: 'archive', note: 'Duplicate of spring', reviewer: 'Cleo' },
  },
  {
    what: 'a review newer than the audit’s replaces it',
    held: [{ key: A, verdict: 'keep', note: 'Mine', at: OLDER }],
    file: [fromFile({ reviewedAt: NEWER })],
    answer: { ...none, updated: 1 },
    after: { verdict: 'archive', note: 'Duplicate of spring', reviewer: 'Cleo' },
  },
  {
    what: 'a review older than the audit’s is not taken',
    held: [{ key: A, verdict: 'keep', note: 'Mine', at: NEWER }],
    file: [fromFile({ reviewedAt: OLDER })],
    answer: { ...none, keptNewer: 1 },
    after: { verdict: 'keep', note: 'Mine', reviewer: 'Ana' },
  },
  {
    what: 'the same review is unchanged',
    held: [{ key: A, verdict: 'archive', note: 'Duplicate of spring', at: NEWER }],
    file: [fromFile({ reviewedAt: NEWER })],
    answer: { ...none, unchanged: 1 },
    after: { verdict: 'archive', note: 'Duplicate of spring', reviewer: 'Ana' },
  },
  {
    what: 'another verdict at the same time: the audit’s wins the tie',
    held: [{ key: A, verdict: 'keep', note: 'Duplicate of spring', at: NEWER }],
    file: [fromFile({ verdict: 'fix', reviewedAt: NEWER })],
    answer: { ...none, keptNewer: 1 },
    after: { verdict: 'keep', note: 'Duplicate of spring', reviewer: 'Ana' },
  },
  {
    what: 'another note at the same time: the audit’s wins the tie',
    held: [{ key: A, verdict: 'archive', note: 'Mine', at: NEWER }],
    file: [fromFile({ note: 'Theirs', reviewedAt: NEWER })],
    answer: { ...none, keptNewer: 1 },
    after: { verdict: 'archive', note: 'Mine', reviewer: 'Ana' },
  },
  {
    what: 'a segment listed three times: only its newest review counts, wherever it is',
    held: [{ key: A, verdict: 'keep', note: '', at: MIDDLE }],
    file: [
      fromFile({ verdict: 'fix', note: 'Oldest', reviewedAt: OLDER }),
      fromFile({ verdict: 'archive', note: 'Newest', reviewer: 'Dora', reviewedAt: NEWER }),
      fromFile({ verdict: 'unreviewed', note: 'Middle', reviewedAt: '2026-03-02T00:00:00.000Z' }),
    ],
    answer: { ...none, updated: 1 },
    after: { verdict: 'archive', note: 'Newest', reviewer: 'Dora' },
  },
  {
    what: 'each field on its own: the audit’s newer verdict stays, a note it never had is taken',
    held: [{ key: A, verdict: 'keep', note: '', at: NEWER }],
    file: [fromFile({ verdict: 'fix', note: 'Theirs', reviewedAt: OLDER })],
    answer: { ...none, updated: 1, partlyKept: 1 },
    after: { verdict: 'keep', note: 'Theirs', reviewer: 'Ana' },
  },
  {
    what: 'a segment listed twice whose newest review is still older than the audit’s: not taken',
    held: [{ key: A, verdict: 'keep', note: '', at: NEWER }],
    file: [
      fromFile({ verdict: 'fix', note: '', reviewedAt: MIDDLE }),
      fromFile({ verdict: 'archive', note: '', reviewedAt: OLDER }),
    ],
    answer: { ...none, keptNewer: 1 },
    after: { verdict: 'keep', note: '', reviewer: 'Ana' },
  },
]

describe.each(TEST_DATABASES)('importing a session file on $name', (database) => {
  const closers: (() => Promise<void>)[] = []
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()))
  })

  it.each(CASES)('$what', async ({ held, file, answer, after }) => {
    const opened = await openTestStore(await database.create())
    closers.push(opened.close)
    const { store } = opened
    for (const { key, verdict, note, at } of held) {
      await store.write({ key, field: 'verdict', value: verdict, baseVersion: 0 }, 'Ana', new Date(at))
      await store.write({ key, field: 'note', value: note, baseVersion: 0 }, 'Ana', new Date(at))
    }

    expect(await store.importEntries(file, 'Dan', 'import', IMPORTED_AT)).toEqual(answer)

    const entries = new Map((await store.listEntries()).entries.map((entry) => [entry.key, entry]))
    const a = entries.get(A)
    expect(a && { verdict: a.verdict, note: a.note, reviewer: a.reviewer }).toEqual(after)
  })

  it('counts every segment of a file once, whatever it did to it', async () => {
    const opened = await openTestStore(await database.create())
    closers.push(opened.close)
    const { store } = opened
    await store.write({ key: A, field: 'verdict', value: 'keep', baseVersion: 0 }, 'Ana', new Date(NEWER))
    const file = [
      fromFile({ note: '', reviewedAt: OLDER }),
      fromFile({ key: B }),
      fromFile({ key: B, reviewedAt: OLDER }),
    ]
    const counted = await store.importEntries(file, 'Dan', 'import', IMPORTED_AT)
    expect(counted).toEqual({ added: 1, updated: 0, unchanged: 0, keptNewer: 1, partlyKept: 0 })
    expect((await store.listEntries()).entries.map((entry) => entry.key).sort()).toEqual([A, B].sort())
  })
})

/** Each field of A as the audit holds it, with who set it and when. */
async function fieldsOfA(store: AuditStore) {
  const a = (await store.listEntries()).entries.find((entry) => entry.key === A)
  if (!a) return undefined
  const { verdict, verdictBy, verdictAt, note, noteBy, noteAt } = a
  return { verdict, verdictBy, verdictAt, note, noteBy, noteAt }
}

describe.each(TEST_DATABASES)('each field of a session file under its own author and time, on $name', (database) => {
  const closers: (() => Promise<void>)[] = []
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()))
  })

  async function emptyStore(): Promise<AuditStore> {
    const opened = await openTestStore(await database.create())
    closers.push(opened.close)
    return opened.store
  }

  /** Ana's verdict and note, both written at `at`. */
  async function heldByAna(store: AuditStore, verdict: Verdict, note: string, at: string): Promise<void> {
    await store.write({ key: A, field: 'verdict', value: verdict, baseVersion: 0 }, 'Ana', new Date(at))
    await store.write({ key: A, field: 'note', value: note, baseVersion: 0 }, 'Ana', new Date(at))
  }

  it('exported from one audit into an empty one, a verdict stays Bob’s and a later note Alice’s', async () => {
    const first = await emptyStore()
    await first.write({ key: A, field: 'verdict', value: 'archive', baseVersion: 0 }, 'Bob', new Date(OLDER))
    await first.write({ key: A, field: 'note', value: 'Still used?', baseVersion: 0 }, 'Alice', new Date(NEWER))
    const text = JSON.stringify(buildSessionFile((await first.listEntries()).entries, [], [], IMPORTED_AT))

    const second = await emptyStore()
    const { entries } = parseSessionFile(text, IMPORTED_AT)
    expect(await second.importEntries(entries, 'Dan', 'import', IMPORTED_AT)).toEqual({ ...none, added: 1 })
    expect(await fieldsOfA(second)).toEqual({
      verdict: 'archive',
      verdictBy: 'Bob',
      verdictAt: OLDER,
      note: 'Still used?',
      noteBy: 'Alice',
      noteAt: NEWER,
    })
  })

  it('takes a note newer than the audit’s and keeps the audit’s verdict, newer than the file’s', async () => {
    const store = await emptyStore()
    await heldByAna(store, 'keep', 'Mine', MIDDLE)
    const file = fromFile({
      verdict: 'fix',
      verdictBy: 'Bob',
      verdictAt: OLDER,
      note: 'Theirs',
      noteBy: 'Alice',
      noteAt: NEWER,
      reviewer: 'Alice',
      reviewedAt: NEWER,
    })

    expect(await store.importEntries([file], 'Dan', 'import', IMPORTED_AT)).toEqual({
      ...none,
      updated: 1,
      partlyKept: 1,
    })
    expect(await fieldsOfA(store)).toEqual({
      verdict: 'keep',
      verdictBy: 'Ana',
      verdictAt: MIDDLE,
      note: 'Theirs',
      noteBy: 'Alice',
      noteAt: NEWER,
    })
  })

  it('leaves alone a field the file says was never set, however recent its other field', async () => {
    const store = await emptyStore()
    await heldByAna(store, 'keep', '', OLDER)
    const file = fromFile({
      verdict: 'unreviewed',
      verdictBy: null,
      verdictAt: null,
      note: 'Theirs',
      noteBy: 'Alice',
      noteAt: NEWER,
      reviewer: 'Alice',
      reviewedAt: NEWER,
    })

    expect(await store.importEntries([file], 'Dan', 'import', IMPORTED_AT)).toEqual({ ...none, updated: 1 })
    expect(await fieldsOfA(store)).toMatchObject({ verdict: 'keep', verdictBy: 'Ana', note: 'Theirs', noteBy: 'Alice' })
  })

  it('of a segment listed twice, takes each field’s newest review, from whichever entry has it', async () => {
    const store = await emptyStore()
    const file = [
      fromFile({ verdict: 'fix', verdictBy: 'Bob', verdictAt: NEWER, note: 'Old', noteBy: 'Bob', noteAt: OLDER }),
      fromFile({ verdict: 'keep', verdictBy: 'Eve', verdictAt: OLDER, note: 'New', noteBy: 'Eve', noteAt: NEWER }),
    ]

    expect(await store.importEntries(file, 'Dan', 'import', IMPORTED_AT)).toEqual({ ...none, added: 1 })
    expect(await fieldsOfA(store)).toMatchObject({ verdict: 'fix', verdictBy: 'Bob', note: 'New', noteBy: 'Eve' })
  })

  it('credits both fields of a file written before fields had their own author and time to its reviewer', async () => {
    const store = await emptyStore()
    await heldByAna(store, 'keep', '', NEWER)
    const file = JSON.stringify({
      ...buildSessionFile([], [], [], IMPORTED_AT),
      entries: [{ key: A, verdict: 'fix', note: 'Duplicate', reviewer: 'Cleo', reviewedAt: MIDDLE }],
    })

    const { entries } = parseSessionFile(file, IMPORTED_AT)
    expect(await store.importEntries(entries, 'Dan', 'import', IMPORTED_AT)).toEqual({
      ...none,
      updated: 1,
      partlyKept: 1,
    })
    expect(await fieldsOfA(store)).toEqual({
      verdict: 'keep',
      verdictBy: 'Ana',
      verdictAt: NEWER,
      note: 'Duplicate',
      noteBy: 'Cleo',
      noteAt: MIDDLE,
    })
  })
})
