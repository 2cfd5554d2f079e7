// Sorting and filtering of the rows: sorted once when the data or the order changes, then filtered per keystroke.
import { isUpdatedBefore, parseDateParam } from '../../findings/staleness'
import { compareByName } from '../../lib/name-order'
import { matchesSearch, searchWords } from '../../lib/search-text'
import { NOT_PROVIDED } from '../../providers/segment'
import type { ProviderId } from '../../providers/provider-id'
import { COLUMN_BY_ID, FACETS, type ColumnId, type Facet, type SortValue } from './columns'
import { CHOICE_FILTERS, type SegmentListFilters, type SegmentListSort } from './list-state'
import { fromDetails, searchKeyOf, type SegmentRow } from './segment-rows'

interface Keyed {
  row: SegmentRow
  value: SortValue
}

/** Values first, then the unreadable ones (NaN), then the unknown (null), in both directions. */
const tier = (value: SortValue) => (value === null ? 2 : Number.isNaN(value) ? 1 : 0)

function keyedComparator(sort: SegmentListSort, collator: Intl.Collator): (a: Keyed, b: Keyed) => number {
  const direction = sort.desc ? -1 : 1
  const byName = compareByName(collator)
  return (a, b) => {
    const tiers = tier(a.value) - tier(b.value)
    if (tiers !== 0) return tiers
    if (a.value !== null && b.value !== null && a.value !== b.value && tier(a.value) === 0) {
      const order =
        typeof a.value === 'string' && typeof b.value === 'string'
          ? collator.compare(a.value, b.value)
          : a.value < b.value
            ? -1
            : 1
      if (order !== 0) return order * direction
    }
    // Ties keep a predictable order: by name, then by provider and id (unique), so the order is total.
    return byName(a.row, b.row)
  }
}

/**
 * A sort's result kept for the next one. Rows are immutable (a changed segment, verdict or details gives a new row
 * object), so when the next rows are mostly the same objects under the same order, only the new ones need sorting:
 * they are merged into what is kept. A streaming list then costs a merge per batch instead of a sort of everything.
 */
export interface SortedRows {
  readonly rows: readonly SegmentRow[]
  readonly sort: SegmentListSort
  readonly collator: Intl.Collator
  readonly sorted: readonly SegmentRow[]
  /** `sorted` with each row's sort value. */
  readonly keyed: readonly Keyed[]
}

/** `rows` in `sort` order; `previous` (any earlier result) only saves work, never changes the order. */
export function sortRowsFrom(
  previous: SortedRows | undefined,
  rows: readonly SegmentRow[],
  sort: SegmentListSort,
  collator: Intl.Collator,
): SortedRows {
  if (previous && previous.rows === rows && sameSort(previous, sort, collator)) return previous
  const accessor = COLUMN_BY_ID.get(sort.column)?.accessorFn
  const valueOf = (row: SegmentRow): SortValue => (accessor ? accessor(row) : null)
  const compare = keyedComparator(sort, collator)
  let keyed: Keyed[]
  if (previous && sameSort(previous, sort, collator) && previous.keyed.length > 0) {
    const current = new Set(rows)
    const before = new Set(previous.rows)
    const kept = previous.keyed.filter((entry) => current.has(entry.row))
    const added = rows.filter((row) => !before.has(row)).map((row) => ({ row, value: valueOf(row) }))
    keyed = kept.length === 0 ? added.sort(compare) : merge(kept, added.sort(compare), compare)
  } else {
    keyed = rows.map((row) => ({ row, value: valueOf(row) })).sort(compare)
  }
  return { rows, sort, collator, keyed, sorted: keyed.map((entry) => entry.row) }
}

function sameSort(previous: SortedRows, sort: SegmentListSort, collator: Intl.Collator): boolean {
  return previous.sort.column === sort.column && previous.sort.desc === sort.desc && previous.collator === collator
}

/** Two sorted runs as one (on a tie, `a` first: both orders are total, so ties never happen between distinct rows). */
function merge(a: readonly Keyed[], b: readonly Keyed[], compare: (a: Keyed, b: Keyed) => number): Keyed[] {
  const out: Keyed[] = []
  let i = 0
  let j = 0
  for (let left = a[0], right = b[0]; left !== undefined && right !== undefined; left = a[i], right = b[j]) {
    if (compare(left, right) <= 0) {
      out.push(left)
      i += 1
    } else {
      out.push(right)
      j += 1
    }
  }
  for (; i < a.length; i++) out.push(a[i] as Keyed)
  for (; j < b.length; j++) out.push(b[j] as Keyed)
  return out
}

type RowPredicate = (row: SegmentRow) => boolean

/** One predicate per active filter but the search; `except` omits a facet (its counts reflect every other filter). */
function rowPredicates(filters: SegmentListFilters, except?: ColumnId): RowPredicate[] {
  const predicates: RowPredicate[] = []
  for (const filter of CHOICE_FILTERS) {
    const value = filters[filter.param]
    if (value !== null) predicates.push((row) => filter.keeps(row, value))
  }
  for (const { id, values } of FACETS) {
    const wanted = filters.facets[id] ?? []
    if (wanted.length === 0 || except === id) continue
    predicates.push((row) => {
      const carried = values(row)
      return typeof carried === 'object' && wanted.every((value) => carried.includes(value))
    })
  }
  const updatedBefore = parseDateParam(filters.updatedBefore)
  if (updatedBefore) {
    predicates.push((row) => {
      const updatedAt = fromDetails(row, (details) => details.updatedAt)
      return updatedAt !== undefined && updatedAt !== NOT_PROVIDED && isUpdatedBefore(updatedAt, updatedBefore)
    })
  }
  return predicates
}

/**
 * Each sorted list's search keys in its order, gathered at its first search: a keystroke reads them from one array.
 * Looking each row's key up by its segment took 5–15 ms of each keystroke at 12,000 rows in Chromium, the array ~2 ms.
 */
const searchKeysBySorted = new WeakMap<readonly SegmentRow[], readonly string[]>()

function searchKeysOf(sorted: readonly SegmentRow[]): readonly string[] {
  let keys = searchKeysBySorted.get(sorted)
  if (keys === undefined) {
    keys = sorted.map((row) => searchKeyOf(row.segment))
    searchKeysBySorted.set(sorted, keys)
  }
  return keys
}

/** The rows that pass every filter, in the order of `sorted`: one pass over precomputed search keys. */
export function filterRows(sorted: readonly SegmentRow[], filters: SegmentListFilters): readonly SegmentRow[] {
  const words = searchWords(filters.query)
  const predicates = rowPredicates(filters)
  if (words.length === 0 && predicates.length === 0) return sorted
  const keys = words.length > 0 ? searchKeysOf(sorted) : undefined
  return sorted.filter(
    (row, index) =>
      (keys === undefined || matchesSearch(keys[index] ?? '', words)) && predicates.every((matches) => matches(row)),
  )
}

export function countByProvider(rows: readonly SegmentRow[]): Record<ProviderId, number> {
  const counts: Record<ProviderId, number> = { braze: 0, 'commanders-act': 0 }
  for (const row of rows) counts[row.provider] += 1
  return counts
}

/** Each facet value (a tag, a team) with how many rows would carry it under all the other filters; most used first. */
export function facetCounts(
  rows: readonly SegmentRow[],
  filters: SegmentListFilters,
  facet: Facet,
  collator: Intl.Collator,
): { value: string; count: number }[] {
  const words = searchWords(filters.query)
  const predicates = rowPredicates(filters, facet.id)
  const counts = new Map<string, number>()
  for (const row of rows) {
    const carried = facet.values(row)
    if (typeof carried !== 'object' || !predicates.every((matches) => matches(row))) continue
    if (words.length > 0 && !matchesSearch(searchKeyOf(row.segment), words)) continue
    for (const value of carried) counts.set(value, (counts.get(value) ?? 0) + 1)
  }
  for (const value of filters.facets[facet.id] ?? []) if (!counts.has(value)) counts.set(value, 0)
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.value, b.value))
}
