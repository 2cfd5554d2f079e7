// The audit store against every database it supports: separate versioned fields, conflicts, history, polling by
// revision, imports, the provider cache, and what survives a restart.
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import type { AuditStore } from '../../../src/server/audit/store'
import type { SessionEntry } from '../../../src/stores/session-file'
import { openTestStore, TEST_DATABASES } from './databases'

const A = 'braze:8b922b25-dcc6-4e4d-b345-f7b06106046c'
const B = 'commanders-act:BBFAC450'
const T0 = new Date('2026-11-01T10:00:00.000Z')
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

describe.each(TEST_DATABASES)('the audit store on $name', (database) => {
  const closers: (() => Promise<void>)[] = []
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()))
  })
  const open = async (url?: string): Promise<{ store: AuditStore; url: string }> => {
    const databaseUrl = url ?? (await database.create())
    const opened = await openTestStore(databaseUrl)
    closers.push(opened.close)
    return { store: opened.store, url: databaseUrl }
  }

  it('keeps the verdict and the note as separate writes: one never resets the other', async () => {
    const { store } = await open()
    await store.write({ key: A, field: 'verdict', value: 'fix', baseVersion: 0 }, 'Ana', T0)
    const outcome = await store.write({ key: A, field: 'note', value: 'Rename it', baseVersion: 0 }, 'Ben', later(1))
    expect(outcome).toMatchObject({
      ok: true,
      entry: {
        verdict: 'fix',
        verdictBy: 'Ana',
        note: 'Rename it',
        noteBy: 'Ben',
        reviewer: 'Ben',
        reviewedAt: later(1).toISOString(),
      },
    })
  })

  it('refuses a write based on an old version and answers with what is there now', async () => {
    const { store } = await open()
    await store.write({ key: A, field: 'note', value: 'first', baseVersion: 0 }, 'Ana', T0)
    const stale = await store.write({ key: A, field: 'note', value: 'mine', baseVersion: 0 }, 'Ben', later(1))
    expect(stale).toMatchObject({
      ok: false,
      entry: { note: 'first', noteVersion: 1, noteBy: 'Ana', noteAt: T0.toISOString() },
    })
    const based = await store.write({ key: A, field: 'note', value: 'mine', baseVersion: 1 }, 'Ben', later(2))
    expect(based).toMatchObject({ ok: true, entry: { note: 'mine', noteVersion: 2 } })
  })

  it('takes a stale write of the value already there as saved, changing nothing (a note sent twice on leaving)', async () => {
    const { store } = await open()
    await store.write({ key: A, field: 'note', value: 'same text', baseVersion: 0 }, 'Ana', T0)
    const again = await store.write({ key: A, field: 'note', value: 'same text', baseVersion: 0 }, 'Ana', later(1))
    expect(again).toMatchObject({ ok: true, entry: { note: 'same text', noteVersion: 1, noteAt: T0.toISOString() } })
    expect(await store.history(A)).toHaveLength(1)
  })

  it('refuses a write whose base value is no longer the field’s value, and takes it when it still is', async () => {
    const { store } = await open()
    await store.write({ key: A, field: 'note', value: 'Bob original', baseVersion: 0 }, 'Bob', T0)
    // Version 2 is Bob's edit, not the write Ana's page counted on making it.
    await store.write({ key: A, field: 'note', value: 'Bob edited', baseVersion: 1 }, 'Bob', later(1))
    const guessed = { key: A, field: 'note' as const, value: 'Bob original A1 A2', baseVersion: 2 }
    const refused = await store.write({ ...guessed, baseValue: 'Bob original A1' }, 'Ana', later(2))
    expect(refused).toMatchObject({ ok: false, entry: { note: 'Bob edited', noteVersion: 2, noteBy: 'Bob' } })

    const taken = await store.write({ ...guessed, baseValue: 'Bob edited' }, 'Ana', later(3))
    expect(taken).toMatchObject({ ok: true, entry: { note: 'Bob original A1 A2', noteVersion: 3, noteBy: 'Ana' } })
    const verdict = { key: A, field: 'verdict' as const, value: 'fix' as const, baseVersion: 0 }
    expect(await store.write({ ...verdict, baseValue: 'keep' }, 'Ana', later(4))).toMatchObject({ ok: false })
    expect(await store.write({ ...verdict, baseValue: 'unreviewed' }, 'Ana', later(5))).toMatchObject({ ok: true })
  })

  it('lets exactly one of two writers based on the same version win', async () => {
    const { store } = await open()
    const outcomes = await Promise.all(
      ['Ana', 'Ben'].map((who) =>
        store.write({ key: A, field: 'verdict', value: who === 'Ana' ? 'keep' : 'archive', baseVersion: 0 }, who, T0),
      ),
    )
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1)
    const { entries } = await store.listEntries()
    expect(entries).toHaveLength(1)
    expect(entries[0]?.verdictVersion).toBe(1)
  })

  it('writes many segments in one go, each checked on its own version, each with its own history line', async () => {
    const { store } = await open()
    await store.write({ key: B, field: 'verdict', value: 'keep', baseVersion: 0 }, 'Ben', T0)
    const outcomes = await store.writeMany(
      [
        { key: A, field: 'verdict', value: 'archive', baseVersion: 0 },
        { key: A, field: 'note', value: 'old campaign', baseVersion: 0 },
        { key: B, field: 'verdict', value: 'archive', baseVersion: 0 },
      ],
      'Ana',
      later(1),
    )
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, false])
    expect(outcomes[2]?.entry).toMatchObject({ verdict: 'keep', verdictBy: 'Ben' })
    expect((await store.history(A)).map((item) => item.field)).toEqual(expect.arrayContaining(['verdict', 'note']))
    expect(await store.history(A)).toHaveLength(2)
  })

  it.each([
    { changed: 'verdict' as const, by: 'Ben' },
    { changed: 'note' as const, by: 'Cléo' },
  ])(
    'refuses both fields of a segment written together when its $changed changed meanwhile, the others going through',
    async ({ changed, by }) => {
      const { store } = await open()
      const other = changed === 'verdict' ? 'note' : 'verdict'
      await store.write(
        changed === 'verdict'
          ? { key: A, field: 'verdict', value: 'keep', baseVersion: 0 }
          : { key: A, field: 'note', value: 'Keep for Q1', baseVersion: 0 },
        by,
        T0,
      )
      const outcomes = await store.writeMany(
        [
          { key: A, field: 'verdict', value: 'fix', baseVersion: 0 },
          { key: A, field: 'note', value: 'Merge into one', baseVersion: 0 },
          { key: B, field: 'verdict', value: 'fix', baseVersion: 0 },
          { key: B, field: 'note', value: 'Merge into one', baseVersion: 0 },
        ],
        'Ana',
        later(1),
      )
      expect(outcomes.map((outcome) => outcome.ok)).toEqual([false, false, true, true])
      expect(outcomes[1]?.entry).toMatchObject({ reviewer: by, [`${other}By`]: null, [`${other}Version`]: 0 })
      const { entries } = await store.listEntries()
      expect(entries.find((entry) => entry.key === A)).toMatchObject({
        verdict: changed === 'verdict' ? 'keep' : 'unreviewed',
        note: changed === 'note' ? 'Keep for Q1' : '',
      })
      expect((await store.history(A)).map((item) => item.reviewer)).toEqual([by])
      expect(entries.find((entry) => entry.key === B)).toMatchObject({ verdict: 'fix', note: 'Merge into one' })
      expect(await store.history(B)).toHaveLength(2)
    },
  )

  it('keeps every change in the history, newest first', async () => {
    const { store } = await open()
    await store.write({ key: A, field: 'verdict', value: 'fix', baseVersion: 0 }, 'Ana', T0)
    await store.write({ key: A, field: 'verdict', value: 'keep', baseVersion: 1 }, 'Ben', later(5))
    await store.write({ key: B, field: 'note', value: 'other segment', baseVersion: 0 }, 'Ben', later(6))
    expect(await store.history(A)).toEqual([
      {
        field: 'verdict',
        oldValue: 'fix',
        newValue: 'keep',
        reviewer: 'Ben',
        at: later(5).toISOString(),
        source: 'review',
      },
      {
        field: 'verdict',
        oldValue: 'unreviewed',
        newValue: 'fix',
        reviewer: 'Ana',
        at: T0.toISOString(),
        source: 'review',
      },
    ])
  })

  it('answers only the entries changed since a revision, so pages can poll cheaply', async () => {
    const { store } = await open()
    await store.write({ key: A, field: 'verdict', value: 'fix', baseVersion: 0 }, 'Ana', T0)
    const first = await store.listEntries()
    await store.write({ key: B, field: 'verdict', value: 'keep', baseVersion: 0 }, 'Ben', later(1))
    const next = await store.listEntries(first.revision)
    expect(next.entries.map((entry) => entry.key)).toEqual([B])
    expect((await store.listEntries(next.revision)).entries).toEqual([])
  })

  it('merges an import in one go: the more recent review of each field wins, and the history says who imported it', async () => {
    const { store } = await open()
    await store.write({ key: A, field: 'verdict', value: 'fix', baseVersion: 0 }, 'Ana', later(10))
    const file: SessionEntry[] = [
      { key: A, verdict: 'archive', note: 'older note', reviewer: 'Cleo', reviewedAt: later(5).toISOString() },
      { key: B, verdict: 'keep', note: 'from the file', reviewer: 'Cleo', reviewedAt: later(7).toISOString() },
    ]
    const answer = await store.importEntries(file, 'Dan', 'import', later(20))
    expect(answer).toEqual({ added: 1, updated: 1, unchanged: 0, keptNewer: 0, partlyKept: 1 })
    const entries = new Map((await store.listEntries()).entries.map((entry) => [entry.key, entry]))
    // A's verdict is newer here and stays; its note was empty and takes the file's.
    expect(entries.get(A)).toMatchObject({ verdict: 'fix', verdictBy: 'Ana', note: 'older note', noteBy: 'Cleo' })
    expect(entries.get(B)).toMatchObject({ verdict: 'keep', verdictBy: 'Cleo', verdictAt: later(7).toISOString() })
    expect(await store.history(B)).toContainEqual(
      expect.objectContaining({ field: 'verdict', newValue: 'keep', reviewer: 'Dan', source: 'import' }),
    )
    expect(await store.importEntries(file, 'Dan', 'import', later(21))).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
      keptNewer: 1,
      partlyKept: 0,
    })
  })

  it('keeps what it wrote across a restart', async () => {
    const { store, url } = await open()
    await store.write({ key: A, field: 'note', value: 'still here', baseVersion: 0 }, 'Ana', T0)
    await closers.pop()?.()
    const reopened = await open(url)
    expect((await reopened.store.listEntries()).entries).toEqual([
      expect.objectContaining({ key: A, note: 'still here' }),
    ])
  })

  it('serves a provider answer while it is fresh, and not after', async () => {
    const { store } = await open()
    await store.answers.keepAnswer('braze details x', '{"message":"success"}', T0)
    expect(await store.answers.cachedAnswer('braze details x', 60_000, later(0.5))).toEqual({
      body: '{"message":"success"}',
      fetchedAt: T0.toISOString(),
    })
    expect(await store.answers.cachedAnswer('braze details x', 60_000, later(2))).toBeUndefined()
    expect(await store.answers.cacheSummary(60_000, later(0.5))).toEqual({
      count: 1,
      oldestFetchedAt: T0.toISOString(),
    })
  })
  it('answers every fresh provider answer with its key, for a browser that has fetched none, and no stale one', async () => {
    const { store } = await open()
    await store.answers.keepAnswer('braze details old', '{"message":"old"}', T0)
    await store.answers.keepAnswer('braze details new', '{"message":"new"}', later(1))
    expect(await store.answers.freshAnswers(60_000, later(1.5))).toEqual([
      { key: 'braze details new', body: '{"message":"new"}', fetchedAt: later(1).toISOString() },
    ])
    expect(await store.answers.freshAnswers(120_000, later(1.5))).toHaveLength(2)
  })

  // A PostgreSQL restarted (maintenance, a failover) cuts the connections the server keeps open between requests.
  it.runIf(database.name === 'PostgreSQL')('keeps serving after the database cut its idle connections', async () => {
    const { store, url } = await open()
    await store.write({ key: A, field: 'verdict', value: 'keep', baseVersion: 0 }, 'Ana', T0)
    const admin = new pg.Client(process.env.TEST_DATABASE_URL)
    await admin.connect()
    const connections = async () =>
      (await admin.query('select pid from pg_stat_activity where datname = $1', [new URL(url).pathname.slice(1)]))
        .rowCount
    try {
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
        new URL(url).pathname.slice(1),
      ])
      await expect.poll(connections).toBe(0)
    } finally {
      await admin.end()
    }
    // The cut reaches the idle connections (a request then may fail): the server is still there to answer after it.
    await expect
      .poll(() => store.listEntries().then(({ entries }) => entries.map((entry) => entry.verdict), String))
      .toEqual(['keep'])
  })
})
