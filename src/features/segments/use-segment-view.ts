// The rows of a list view: built from both providers and cached details, sorted once, then filtered.
import { useMemo, useState } from 'react'
import type { SegmentListFilters, SegmentListSort } from './list-state'
import { buildSegmentRows } from './segment-rows'
import { filterRows, sortRowsFrom } from './segment-view'
import { useListFindings } from './use-list-findings'
import { NAME_COLLATOR } from '../../lib/name-order'
import { useCachedBrazeDetails, useCachedBrazeSizes } from '../../providers/braze/cached-queries'
import { useSegmentList } from '../../providers/segment-lists'
import { useVerdicts } from '../../stores/use-verdicts'

/**
 * `showFindings`: the Findings column is shown, so every row needs its findings. `findingsPending`: the view needs the
 * findings and their code is still loading: its rows are not yet the view's (a finding filter would keep none).
 */
export function useSegmentView(filters: SegmentListFilters, sort: SegmentListSort, showFindings = false) {
  const list = useSegmentList()
  const details = useCachedBrazeDetails()
  const sizes = useCachedBrazeSizes()
  const verdicts = useVerdicts()
  // Findings compare every name with every other: only worked out when the list is filtered by one or shows them.
  const { findings, pending, findingsNow } = useListFindings(
    list.segments,
    details,
    sizes,
    filters.finding !== null || showFindings,
  )
  const rows = useMemo(
    () => buildSegmentRows(list.segments, { details, sizes, verdicts, findings: findings?.bySegment }),
    [list.segments, details, sizes, verdicts, findings],
  )
  // The previous order, kept in state: a growing list (pages streaming in) is merged into it, not sorted again.
  const [kept, setKept] = useState(() => sortRowsFrom(undefined, rows, sort, NAME_COLLATOR))
  const current = sortRowsFrom(kept, rows, sort, NAME_COLLATOR)
  if (current !== kept) setKept(current)
  const sorted = current.sorted
  const visible = useMemo(() => filterRows(sorted, filters), [sorted, filters])
  return { list, rows, sorted, visible, details, findings, findingsPending: pending, findingsNow }
}
