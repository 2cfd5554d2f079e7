// The previous session's snapshot in IndexedDB: kept across reloads, refused when it compares nothing, read as absent
// when damaged, and announced to its subscribers.
import { createStore, set } from 'idb-keyval'
import { describe, expect, it, vi } from 'vitest'
import { BaselineStore, baselineFromSession, type AuditBaseline } from '../../src/stores/audit-baseline'
import { buildSessionFile } from '../../src/stores/session-file'

let databases = 0
/** A database of its own per test, so that "a reload" is a second store on the same name. */
const freshName = () => `audit-baseline-store-test-${(databases += 1)}`

const BASELINE: AuditBaseline = {
  takenAt: '2025-03-02T08:00:00.000Z',
  source: 'import',
  fileName: 'audit-session-2025-03-02.json',
  segments: [
    { key: 'braze:8b922b25-dcc6-4e4d-b345-f7b06106046c', name: 'Clients fidèles', tags: ['vip'] },
    { key: 'commanders-act:BBFAC450', name: 'Prospects', tags: null },
  ],
  providers: ['braze', 'commanders-act'],
}

async function readyStore(name: string): Promise<BaselineStore> {
  const store = new BaselineStore(name)
  await store.ready
  return store
}

/** What the store holds once loaded: no baseline, or the baseline. */
function baselineIn(store: BaselineStore): AuditBaseline | null | 'loading' {
  const state = store.getSnapshot()
  return state.status === 'ready' ? state.baseline : 'loading'
}

describe('BaselineStore', () => {
  it('starts loading, then has no baseline in an empty database', async () => {
    const store = new BaselineStore(freshName())
    expect(store.getSnapshot()).toEqual({ status: 'loading' })
    await store.ready
    expect(store.getSnapshot()).toEqual({ status: 'ready', baseline: null })
  })

  it('keeps a saved baseline: a new store on the same database (a reload) reads it back', async () => {
    const name = freshName()
    const store = await readyStore(name)
    await store.save(BASELINE)
    expect(baselineIn(store)).toEqual(BASELINE)

    expect(baselineIn(await readyStore(name))).toEqual(BASELINE)
    // Another database knows nothing of it.
    expect(baselineIn(await readyStore(freshName()))).toBeNull()
  })

  it('replaces the previous baseline with the next one saved', async () => {
    const name = freshName()
    const store = await readyStore(name)
    await store.save(BASELINE)
    const next: AuditBaseline = {
      takenAt: '2025-04-01T08:00:00.000Z',
      source: 'export',
      segments: [],
      providers: ['braze'],
    }
    await store.save(next)
    expect(baselineIn(store)).toEqual(next)
    expect(baselineIn(await readyStore(name))).toEqual(next)
  })

  it.each([
    { what: 'none kept yet', kept: null, offered: '2024-01-01T00:00:00.000Z', expected: '2024-01-01T00:00:00.000Z' },
    {
      what: 'an older one kept',
      kept: '2025-03-02T08:00:00.000Z',
      offered: '2025-06-01T00:00:00.000Z',
      expected: '2025-06-01T00:00:00.000Z',
    },
    {
      what: 'the same time',
      kept: '2025-03-02T08:00:00.000Z',
      offered: '2025-03-02T08:00:00.000Z',
      expected: '2025-03-02T08:00:00.000Z',
    },
    {
      what: 'a newer one kept (an old backup imported)',
      kept: '2025-03-02T08:00:00.000Z',
      offered: '2024-12-31T00:00:00.000Z',
      expected: '2025-03-02T08:00:00.000Z',
    },
  ])('takes an imported snapshot unless a newer one is kept: $what', async ({ kept, offered, expected }) => {
    const name = freshName()
    const store = await readyStore(name)
    if (kept) await store.save({ ...BASELINE, takenAt: kept })
    expect(await store.offer({ ...BASELINE, takenAt: offered })).toBe(expected === offered)
    expect((await readyStore(name)).getSnapshot()).toMatchObject({ baseline: { takenAt: expected } })
  })

  it('does not keep a snapshot with no complete provider: it would compare nothing', async () => {
    const name = freshName()
    const store = await readyStore(name)
    await store.save(BASELINE)
    await store.save({ ...BASELINE, takenAt: '2025-04-01T08:00:00.000Z', providers: [] })
    // The earlier one stays, here and after a reload.
    expect(baselineIn(store)).toEqual(BASELINE)
    expect(baselineIn(await readyStore(name))).toEqual(BASELINE)
  })

  it.each<{ what: string; stored: unknown }>([
    { what: 'a string', stored: 'not a baseline' },
    {
      what: 'a baseline missing its providers',
      stored: { takenAt: '2025-03-02T08:00:00.000Z', source: 'export', segments: [] },
    },
    { what: 'a baseline from an unknown source', stored: { ...BASELINE, source: 'email' } },
    { what: 'a baseline naming an unknown provider', stored: { ...BASELINE, providers: ['mailchimp'] } },
    {
      what: 'a baseline with a damaged segment',
      stored: { ...BASELINE, segments: [{ key: '', name: 'x', tags: null }] },
    },
  ])('reads $what in the database as no baseline', async ({ stored }) => {
    const name = freshName()
    await set('previous-session', stored, createStore(name, 'baseline'))
    expect(baselineIn(await readyStore(name))).toBeNull()
  })

  it('tells its subscribers when it has loaded and at each save, and no longer after they unsubscribe', async () => {
    const store = new BaselineStore(freshName())
    const listener = vi.fn(() => store.getSnapshot())
    const unsubscribe = store.subscribe(listener)
    await store.ready
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener).toHaveLastReturnedWith({ status: 'ready', baseline: null })

    await store.save(BASELINE)
    expect(listener).toHaveBeenCalledTimes(2)
    expect(listener).toHaveLastReturnedWith({ status: 'ready', baseline: BASELINE })

    // Nothing kept, nothing to tell.
    await store.save({ ...BASELINE, providers: [] })
    expect(listener).toHaveBeenCalledTimes(2)

    unsubscribe()
    await store.save({ ...BASELINE, source: 'export' })
    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('has no baseline, rather than reading forever, where the browser refuses IndexedDB (storage turned off)', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError')
    })
    const store = new BaselineStore(freshName())
    await store.ready
    expect(store.getSnapshot()).toEqual({ status: 'ready', baseline: null })
  })
})

describe('baselineFromSession', () => {
  it('takes the exported session’s time, snapshot and providers, with where it came from', () => {
    const session = buildSessionFile(
      [
        {
          key: 'braze:8b922b25-dcc6-4e4d-b345-f7b06106046c',
          verdict: 'keep',
          note: '',
          reviewer: 'Camille',
          reviewedAt: '2025-03-01T10:00:00.000Z',
        },
      ],
      BASELINE.segments,
      ['braze'],
      new Date('2025-03-02T08:00:00.000Z'),
    )
    expect(baselineFromSession(session, 'import', 'team.json')).toEqual({
      takenAt: '2025-03-02T08:00:00.000Z',
      source: 'import',
      fileName: 'team.json',
      segments: BASELINE.segments,
      providers: ['braze'],
    })
    expect(baselineFromSession(session, 'export')).toMatchObject({ source: 'export', fileName: undefined })
  })
})
