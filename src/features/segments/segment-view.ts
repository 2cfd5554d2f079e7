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

function keyedComparator(sort: SegmentListSort, collator: Intl.Collator): (a: Keyed, b: Keyed) => number {
  const direction = sort.desc ? -1 : 1
  const byName = compareByName(collator)
  return (a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1
    } else if (a.value !== b.value) {
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
 * `rows` in `sort` order: each row's sort value worked out once, then one sort. Measured on the cold list: merging each
 * batch of streamed pages into the previous order instead bought nothing, so there is none.
 */
export function sortRows(
  rows: readonly SegmentRow[],
  sort: SegmentListSort,
  collator: Intl.Collator,
): readonly SegmentRow[] {
  const accessor = COLUMN_BY_ID.get(sort.column)?.accessorFn
  return rows
    .map((row): Keyed => ({ row, value: accessor ? accessor(row) : null }))
    .sort(keyedComparator(sort, collator))
    .map((entry) => entry.row)
}

type RowPredicate = (row: SegmentRow) => boolean

/** One predicate per active filter; `except` leaves a facet out (its counts reflect every other filter). */
function rowPredicates(filters: SegmentListFilters, except?: ColumnId): RowPredicate[] {
  const predicates: RowPredicate[] = []
  const words = searchWords(filters.query)
  if (words.length > 0) predicates.push((row) => matchesSearch(searchKeyOf(row.segment), words))
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

/** The rows that pass every filter, in the order of `sorted`: one pass over precomputed search keys (~0.4 ms at 12,000). */
export function filterRows(sorted: readonly SegmentRow[], filters: SegmentListFilters): readonly SegmentRow[] {
  const predicates = rowPredicates(filters)
  return predicates.length === 0 ? sorted : sorted.filter((row) => predicates.every((matches) => matches(row)))
}

export function countByProvider(rows: readonly SegmentRow[]): Record<ProviderId, number> {
  const counts: Record<ProviderId, number> = { braze: 0, 'commanders-act': 0 }
  for (const row of rows) counts[row.provider] += 1
  return counts
}

/** Each value of a facet (a tag, a team) with how many rows would carry it under all the other filters; most used first. */
export function facetCounts(
  rows: readonly SegmentRow[],
  filters: SegmentListFilters,
  facet: Facet,
  collator: Intl.Collator,
): { value: string; count: number }[] {
  const predicates = rowPredicates(filters, facet.id)
  const counts = new Map<string, number>()
  for (const row of rows) {
    const carried = facet.values(row)
    if (typeof carried !== 'object' || !predicates.every((matches) => matches(row))) continue
    for (const value of carried) counts.set(value, (counts.get(value) ?? 0) + 1)
  }
  for (const value of filters.facets[facet.id] ?? []) if (!counts.has(value)) counts.set(value, 0)
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.value, b.value))
}
