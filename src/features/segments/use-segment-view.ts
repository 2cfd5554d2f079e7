// The rows of a list view: built from both providers and cached details, sorted once, then filtered.
import { useMemo } from 'react'
import type { SegmentListFilters, SegmentListSort } from './list-state'
import { buildSegmentRows, type SegmentRow } from './segment-rows'
import { filterRows, sortRowsFrom, type SortedRows } from './segment-view'
import { NAME_COLLATOR } from '../../lib/name-order'
import { useCachedBrazeDetails } from '../../providers/braze/cached-queries'
import { useSegmentList } from '../../providers/segment-lists'
import { useVerdicts } from '../../stores/use-verdicts'
import { useFindings } from '../../findings/use-findings'
import type { Segment } from '../../providers/segment'

const NO_SEGMENTS: readonly Segment[] = []

/** One collator for the app's lifetime: kept sorts stay valid across visits to the list. */
const collator = NAME_COLLATOR

/**
 * The last few orders the list was shown in, kept across renders and visits: a growing or lightly changed list is
 * then merged into its previous order instead of sorted again (see sortRowsFrom), and going back to the list from a
 * segment re-sorts nothing.
 */
const keptSorts = new Map<string, SortedRows>()
const KEPT_SORTS = 3

function sortedView(rows: readonly SegmentRow[], sort: SegmentListSort): readonly SegmentRow[] {
  const id = `${sort.column}:${sort.desc ? 'desc' : 'asc'}`
  const result = sortRowsFrom(keptSorts.get(id), rows, sort, collator)
  keptSorts.delete(id)
  keptSorts.set(id, result)
  for (const oldest of keptSorts.keys()) {
    if (keptSorts.size <= KEPT_SORTS) break
    keptSorts.delete(oldest)
  }
  return result.sorted
}

export function useSegmentView(filters: SegmentListFilters, sort: SegmentListSort) {
  const list = useSegmentList()
  const details = useCachedBrazeDetails()
  const verdicts = useVerdicts()
  // Findings compare every name with every other: only worked out when the list is filtered by one.
  const findings = useFindings(filters.finding ? list.segments : NO_SEGMENTS)
  const rows = useMemo(
    () => buildSegmentRows(list.segments, details, verdicts, findings.bySegment),
    [list.segments, details, verdicts, findings.bySegment],
  )
  const sorted = useMemo(() => sortedView(rows, sort), [rows, sort])
  const visible = useMemo(() => filterRows(sorted, filters), [sorted, filters])
  return { list, collator, rows, sorted, visible, details, findings }
}
