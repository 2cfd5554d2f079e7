// The findings of the segments at hand, recomputed when the list, the cached details or the settings change; or worked
// out once when asked (an export), for a page that does not show them.
import { useCallback, useMemo } from 'react'
import { useCachedBrazeDetails, useCachedBrazeSizes } from '../providers/braze/cached-queries'
import type { Segment } from '../providers/segment'
import { useFindingSettings } from '../stores/finding-settings'
import { computeFindings, type SegmentFindings } from './findings'
import { compileNamingPattern } from './naming-pattern'

function useFindingsOf(segments: readonly Segment[]): () => SegmentFindings {
  const details = useCachedBrazeDetails()
  const sizes = useCachedBrazeSizes()
  const { staleMonths, namingPattern } = useFindingSettings()
  const pattern = useMemo(() => compileNamingPattern(namingPattern), [namingPattern])
  return useCallback(
    () =>
      computeFindings(
        { segments, details, sizes },
        { staleMonths, namingPattern: pattern.ok ? pattern.pattern : null },
        new Date(),
      ),
    [segments, details, sizes, staleMonths, pattern],
  )
}

export function useFindings(segments: readonly Segment[]): SegmentFindings {
  const findingsOf = useFindingsOf(segments)
  return useMemo(() => findingsOf(), [findingsOf])
}

/** The findings worked out when called, not at each render: name comparisons cost too much for a page that hides them. */
export function useFindingsOnDemand(segments: readonly Segment[]): () => SegmentFindings {
  return useFindingsOf(segments)
}
