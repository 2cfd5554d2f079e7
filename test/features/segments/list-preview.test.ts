// The list's kept first screen: what comes back after a reopen, and everything that must not (another server
// configuration, too old, another version, anything malformed) — read as "no preview", never as a crash.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { PREVIEW_ROWS, readListPreview, resetListPreviewForTests, writeListPreview, type ListPreviewSource } from '../../../src/features/segments/list-preview'
import { toSegmentRow, type SegmentRow } from '../../../src/features/segments/segment-rows'
import { CACHE_MAX_AGE_MS } from '../../../src/providers/cache-policy'
import { NOT_PROVIDED, segmentKey, type Segment } from '../../../src/providers/segment'
import type { AuditEntry, Verdict } from '../../../src/stores/audit-contract'

const STORAGE_KEY = 'segment-audit:list-preview'
const CONNECTION = JSON.stringify(['demo', 'rest.demo-braze.test', ['api.demo-commanders-act.test', '1234']])
const NOW = Date.UTC(2025, 0, 15, 9, 30)

/** localStorage as the browser has it, in memory. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>()
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  setItem(key: string, value: string) {
    this.items.set(key, value)
  }
}

/** Storage the browser refuses (a privacy setting, a full quota): every access throws. */
class RefusingStorage extends MemoryStorage {
  override getItem(): string | null {
    throw new DOMException('The operation is insecure.', 'SecurityError')
  }
  override setItem(): void {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
  }
}

function audit(key: string, verdict: Verdict): AuditEntry {
  return { key, verdict, note: '', reviewer: 'Camille', reviewedAt: '2025-01-14T16:00:00.000Z' }
}

function brazeSegment(id: string, name: string, tags: string[] = []): Segment {
  return { key: segmentKey('braze', id), provider: 'braze', id, name, tags, analyticsTracking: true }
}

const brazeWithDetails = toSegmentRow(
  brazeSegment('b-1', 'Newsletter subscribers', ['newsletter', 'fr']),
  { id: 'b-1', createdAt: '2023-04-01T08:00:00Z', updatedAt: '2024-11-20T10:15:00Z', textDescription: 'Opted in this year', tags: [] },
  audit('braze:b-1', 'keep'),
)
const brazeWithoutDetails = toSegmentRow(
  { ...brazeSegment('b-2', 'Lapsed buyers'), analyticsTracking: false },
  undefined,
  audit('braze:b-2', 'archive'),
)
const commandersAct = toSegmentRow(
  { key: segmentKey('commanders-act', '42'), provider: 'commanders-act', id: '42', name: 'Visitors from Lyon', tags: NOT_PROVIDED, analyticsTracking: NOT_PROVIDED },
  undefined,
)

/** What a person sees of a row in the table. */
const seen = ({ provider, id, key, name, tags, analyticsTracking, createdAt, updatedAt, hasDescription, verdict }: SegmentRow) => ({
  provider,
  id,
  key,
  name,
  tags,
  analyticsTracking,
  createdAt,
  updatedAt,
  hasDescription,
  verdict,
})

function source(overrides: Partial<ListPreviewSource> = {}): ListPreviewSource {
  return {
    connection: CONNECTION,
    asOf: NOW - 60_000,
    rows: [brazeWithDetails, brazeWithoutDetails, commandersAct],
    perProvider: { braze: 10_000, 'commanders-act': 2_000 },
    reviewed: 250,
    ...overrides,
  }
}

let storage: MemoryStorage
const read = (connection = CONNECTION, verdicts: ReadonlyMap<string, AuditEntry> = new Map()) => readListPreview(connection, verdicts, { now: NOW, storage })

/** Writes a valid preview, then changes its stored JSON. */
function storeAltered(alter: (stored: Record<string, unknown> & { rows: Record<string, unknown>[] }) => void) {
  writeListPreview(source(), storage)
  const stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null')
  alter(stored)
  storage.setItem(STORAGE_KEY, JSON.stringify(stored))
}

beforeEach(() => {
  storage = new MemoryStorage()
  resetListPreviewForTests()
})

describe('writing then reading the list preview', () => {
  it('gives back the rows as a person saw them, with the counts above them', () => {
    writeListPreview(source(), storage)

    const preview = read()

    expect(preview?.rows.map(seen)).toEqual([brazeWithDetails, brazeWithoutDetails, commandersAct].map(seen))
    expect(preview?.rows.map((row) => row.createdAt)).toEqual(['2023-04-01T08:00:00Z', undefined, NOT_PROVIDED])
    expect(preview?.rows.map((row) => row.hasDescription)).toEqual([true, undefined, NOT_PROVIDED])
    expect(preview?.perProvider).toEqual({ braze: 10_000, 'commanders-act': 2_000 })
    expect(preview?.total).toBe(12_000)
    expect(preview?.reviewed).toBe(250)
  })

  it('keeps only the first PREVIEW_ROWS rows, in order', () => {
    const rows = Array.from({ length: PREVIEW_ROWS + 15 }, (_, index) => toSegmentRow(brazeSegment(`b-${index}`, `Segment ${index}`), undefined))
    writeListPreview(source({ rows }), storage)

    expect(read()?.rows.map((row) => row.id)).toEqual(rows.slice(0, PREVIEW_ROWS).map((row) => row.id))
  })

  it('shows each row with its verdict as the verdict store now has it', () => {
    writeListPreview(source(), storage)
    const verdicts = new Map([['braze:b-1', audit('braze:b-1', 'fix')], ['commanders-act:42', audit('commanders-act:42', 'keep')]])

    expect(read(CONNECTION, verdicts)?.rows.map((row) => row.verdict)).toEqual(['fix', 'archive', 'keep'])
  })
})

describe('a preview that must not be shown', () => {
  it('is refused under another server configuration', () => {
    writeListPreview(source(), storage)

    expect(read(JSON.stringify(['real', 'rest.iad-01.braze.com', null]))).toBeNull()
  })

  it.each([
    { when: 'exactly as old as the cache may be', asOf: NOW - CACHE_MAX_AGE_MS, shown: true },
    { when: 'older than the cache may be', asOf: NOW - CACHE_MAX_AGE_MS - 1, shown: false },
    { when: 'dated in the future', asOf: NOW + 1, shown: false },
  ])('is shown only while young enough: $when → $shown', ({ asOf, shown }) => {
    writeListPreview(source({ asOf }), storage)

    expect(read() !== null).toBe(shown)
  })

  it('is refused, without throwing, when the stored text is not JSON', () => {
    storage.setItem(STORAGE_KEY, '{"version": "segment-audit-cache-1/preview-1", "rows": [')

    expect(read()).toBeNull()
  })

  it.each([
    { what: 'another version', alter: (stored: Record<string, unknown>) => (stored.version = 'segment-audit-cache-0/preview-1') },
    { what: 'a row of an unknown provider', alter: (stored: { rows: Record<string, unknown>[] }) => (stored.rows[0] = { ...stored.rows[0], provider: 'x' }) },
    { what: 'a row without a name', alter: (stored: { rows: Record<string, unknown>[] }) => delete stored.rows[1]?.name },
    { what: 'a row with an unknown verdict', alter: (stored: { rows: Record<string, unknown>[] }) => (stored.rows[2] = { ...stored.rows[2], verdict: 'maybe' }) },
    { what: 'no counts', alter: (stored: Record<string, unknown>) => delete stored.perProvider },
  ])('is refused, without throwing, when it holds $what', ({ alter }) => {
    storeAltered(alter)

    expect(read()).toBeNull()
  })

  it('is absent when nothing was kept', () => {
    expect(read()).toBeNull()
  })
})

describe('storage the browser refuses', () => {
  it('reads as no preview and writes nothing, without throwing', () => {
    const refusing = new RefusingStorage()

    expect(() => writeListPreview(source(), refusing)).not.toThrow()
    expect(readListPreview(CONNECTION, new Map(), { now: NOW, storage: refusing })).toBeNull()
  })
})

describe('writing again in the same visit', () => {
  it('skips an unchanged preview and writes a changed one', () => {
    const setItem = vi.spyOn(storage, 'setItem')

    writeListPreview(source(), storage)
    writeListPreview(source(), storage)
    expect(setItem).toHaveBeenCalledTimes(1)

    writeListPreview(source({ reviewed: 251 }), storage)
    expect(setItem).toHaveBeenCalledTimes(2)
    expect(read()?.reviewed).toBe(251)
  })
})
