// The rows of a list view: built from both providers and cached details, sorted once, then filtered.
import { useMemo } from 'react'
import type { SegmentListFilters, SegmentListSort } from './list-state'
import { buildSegmentRows } from './segment-rows'
import { filterRows, sortRows } from './segment-view'
import { useCachedBrazeDetails } from '../../providers/braze/cached-queries'
import { useSegmentList } from '../../providers/segment-lists'
import { useVerdicts } from '../../stores/use-verdicts'
import { useFindings } from '../../findings/use-findings'
import type { Segment } from '../../providers/segment'

const NO_SEGMENTS: readonly Segment[] = []

export function useSegmentView(filters: SegmentListFilters, sort: SegmentListSort) {
  const list = useSegmentList()
  const details = useCachedBrazeDetails()
  const collator = useMemo(() => new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }), [])
  const verdicts = useVerdicts()
  // Findings compare every name with every other: only worked out when the list is filtered by one.
  const findings = useFindings(filters.finding ? list.segments : NO_SEGMENTS)
  const rows = useMemo(
    () => buildSegmentRows(list.segments, details, verdicts, findings.bySegment),
    [list.segments, details, verdicts, findings.bySegment],
  )
  const sorted = useMemo(() => sortRows(rows, sort, collator), [rows, sort, collator])
  const visible = useMemo(() => filterRows(sorted, filters), [sorted, filters])
  return { list, collator, rows, sorted, visible, details, findings }
}
