// The verdict store: durable in IndexedDB, read back by a new store, changed in memory only after the write, strict on input.
import { createStore, set } from 'idb-keyval'
import { describe, expect, it, vi } from 'vitest'
import { VerdictStore, type AuditEntry } from '../../src/stores/verdict-store'

let databases = 0

/** A database of its own for each store test, so a second store can open the same one. */
function databaseName(): string {
  databases += 1
  return `verdict-store-test-${databases}`
}

function entry(fields: Partial<AuditEntry> = {}): AuditEntry {
  return { key: 'braze:b-1', verdict: 'archive', note: 'Duplicate of spring', reviewer: 'Camille', reviewedAt: '2025-03-01T10:00:00.000Z', ...fields }
}

describe('VerdictStore', () => {
  it('keeps a saved entry: a new store on the same database reads it back once ready', async () => {
    const name = databaseName()
    const first = new VerdictStore(name)
    await first.ready
    await first.save(entry())
    await first.save(entry({ key: 'commanders-act:b-1', verdict: 'fix', note: '' }))

    const second = new VerdictStore(name)
    expect(second.getSnapshot().size).toBe(0)
    await second.ready
    expect(second.getSnapshot()).toEqual(
      new Map([
        ['braze:b-1', entry()],
        ['commanders-act:b-1', entry({ key: 'commanders-act:b-1', verdict: 'fix', note: '' })],
      ]),
    )
  })

  it('replaces the entry of a segment saved again, in memory and on disk', async () => {
    const name = databaseName()
    const store = new VerdictStore(name)
    await store.ready
    await store.save(entry())
    await store.save(entry({ verdict: 'keep', note: 'Still used by the welcome flow', reviewedAt: '2025-03-02T09:00:00.000Z' }))
    const expected = entry({ verdict: 'keep', note: 'Still used by the welcome flow', reviewedAt: '2025-03-02T09:00:00.000Z' })
    expect([...store.getSnapshot().values()]).toEqual([expected])

    const reopened = new VerdictStore(name)
    await reopened.ready
    expect([...reopened.getSnapshot().values()]).toEqual([expected])
  })

  it('notifies subscribers after a save with a new snapshot, and no longer after unsubscribing', async () => {
    const store = new VerdictStore(databaseName())
    await store.ready
    const before = store.getSnapshot()
    const listener = vi.fn(() => expect(store.getSnapshot().get('braze:b-1')).toEqual(entry()))
    const unsubscribe = store.subscribe(listener)

    await store.save(entry())
    expect(listener).toHaveBeenCalledTimes(1)
    // useSyncExternalStore re-renders only when the snapshot is a new object.
    expect(store.getSnapshot()).not.toBe(before)

    unsubscribe()
    await store.save(entry({ verdict: 'keep' }))
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('leaves the snapshot unchanged until the write has resolved', async () => {
    const store = new VerdictStore(databaseName())
    await store.ready
    const listener = vi.fn()
    store.subscribe(listener)
    const before = store.getSnapshot()

    const saving = store.save(entry())
    expect(store.getSnapshot()).toBe(before)
    expect(store.getSnapshot().has('braze:b-1')).toBe(false)
    expect(listener).not.toHaveBeenCalled()

    await saving
    expect(store.getSnapshot().get('braze:b-1')).toEqual(entry())
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('notifies subscribers when the stored entries have loaded', async () => {
    const name = databaseName()
    const seed = new VerdictStore(name)
    await seed.save(entry())

    const store = new VerdictStore(name)
    const listener = vi.fn()
    store.subscribe(listener)
    await store.ready
    expect(listener).toHaveBeenCalled()
    expect(store.getSnapshot().get('braze:b-1')).toEqual(entry())
  })

  it.each([
    { what: 'an unknown verdict', bad: { verdict: 'delete' } },
    { what: 'an empty key', bad: { key: '' } },
    { what: 'a missing note', bad: { note: undefined } },
    { what: 'a reviewer that is not text', bad: { reviewer: 42 } },
    { what: 'a missing date', bad: { reviewedAt: undefined } },
  ])('rejects $what without writing or notifying', async ({ bad }) => {
    const name = databaseName()
    const store = new VerdictStore(name)
    await store.ready
    const listener = vi.fn()
    store.subscribe(listener)

    await expect(store.save({ ...entry(), ...bad } as unknown as AuditEntry)).rejects.toThrow()
    expect(store.getSnapshot().size).toBe(0)
    expect(listener).not.toHaveBeenCalled()

    const reopened = new VerdictStore(name)
    await reopened.ready
    expect(reopened.getSnapshot().size).toBe(0)
  })

  it('skips stored records that are not valid entries and loads the others', async () => {
    const name = databaseName()
    const verdicts = createStore(name, 'verdicts')
    await set('braze:good', entry({ key: 'braze:good' }), verdicts)
    await set('braze:bad-verdict', entry({ key: 'braze:bad-verdict', verdict: 'maybe' as AuditEntry['verdict'] }), verdicts)
    await set('braze:no-note', { key: 'braze:no-note', verdict: 'keep', reviewer: 'Camille', reviewedAt: '2025-03-01T10:00:00.000Z' }, verdicts)
    await set('braze:text', 'keep', verdicts)
    await set('braze:null', null, verdicts)

    const store = new VerdictStore(name)
    await store.ready
    expect([...store.getSnapshot().keys()]).toEqual(['braze:good'])
    expect(store.getSnapshot().get('braze:good')).toEqual(entry({ key: 'braze:good' }))
  })
})
