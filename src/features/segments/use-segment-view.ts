// The rows of a list view: built from both providers and cached details, sorted once, then filtered.
import { useMemo, useState } from 'react'
import type { SegmentListFilters, SegmentListSort } from './list-state'
import { buildSegmentRows } from './segment-rows'
import { filterRows, sortRowsFrom } from './segment-view'
import { NAME_COLLATOR } from '../../lib/name-order'
import { useCachedBrazeDetails, useCachedBrazeSizes } from '../../providers/braze/cached-queries'
import { useSegmentList } from '../../providers/segment-lists'
import { useVerdicts } from '../../stores/use-verdicts'
import { useFindings, useFindingsOnDemand } from '../../findings/use-findings'
import type { Segment } from '../../providers/segment'

const NO_SEGMENTS: readonly Segment[] = []

/** `showFindings`: the Findings column is shown, so every row needs its findings. */
export function useSegmentView(filters: SegmentListFilters, sort: SegmentListSort, showFindings = false) {
  const list = useSegmentList()
  const details = useCachedBrazeDetails()
  const sizes = useCachedBrazeSizes()
  const verdicts = useVerdicts()
  // Findings compare every name with every other: only worked out when the list is filtered by one or shows them.
  const findings = useFindings(filters.finding || showFindings ? list.segments : NO_SEGMENTS)
  const findingsNow = useFindingsOnDemand(list.segments)
  const rows = useMemo(
    () => buildSegmentRows(list.segments, { details, sizes, verdicts, findings: findings.bySegment }),
    [list.segments, details, sizes, verdicts, findings.bySegment],
  )
  // The previous order, kept in state: a growing list (pages streaming in) is merged into it, not sorted again.
  const [kept, setKept] = useState(() => sortRowsFrom(undefined, rows, sort, NAME_COLLATOR))
  const current = sortRowsFrom(kept, rows, sort, NAME_COLLATOR)
  if (current !== kept) setKept(current)
  const sorted = current.sorted
  const visible = useMemo(() => filterRows(sorted, filters), [sorted, filters])
  return { list, collator: NAME_COLLATOR, rows, sorted, visible, details, findings, findingsNow }
}
