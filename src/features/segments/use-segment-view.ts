// The rows of a list view: built from both providers and cached details, sorted once, then filtered.
import { useMemo } from 'react'
import type { SegmentListFilters, SegmentListSort } from './list-state'
import { buildSegmentRows } from './segment-rows'
import { filterRows, sortRows } from './segment-view'
import { useCachedBrazeDetails } from './use-cached-details'
import { useSegmentList } from '../../providers/segment-lists'
import { useVerdicts } from '../../stores/use-verdicts'

export function useSegmentView(filters: SegmentListFilters, sort: SegmentListSort) {
  const list = useSegmentList()
  const details = useCachedBrazeDetails()
  const collator = useMemo(() => new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }), [])
  const verdicts = useVerdicts()
  const rows = useMemo(() => buildSegmentRows(list.segments, details, verdicts), [list.segments, details, verdicts])
  const sorted = useMemo(() => sortRows(rows, sort, collator), [rows, sort, collator])
  const visible = useMemo(() => filterRows(sorted, filters), [sorted, filters])
  return { list, collator, rows, visible }
}
