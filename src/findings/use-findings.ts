// The findings of the segments at hand, recomputed when the list, the cached details or the settings change.
import { useMemo } from 'react'
import { useCachedBrazeDetails, useCachedBrazeSizes } from '../providers/braze/cached-queries'
import type { Segment } from '../providers/segment'
import { useFindingSettings } from '../stores/finding-settings'
import { computeFindings, type SegmentFindings } from './findings'
import { compileNamingPattern } from './naming-pattern'

export function useFindings(segments: readonly Segment[]): SegmentFindings {
  const details = useCachedBrazeDetails()
  const sizes = useCachedBrazeSizes()
  const { staleMonths, namingPattern } = useFindingSettings()
  const pattern = useMemo(() => compileNamingPattern(namingPattern), [namingPattern])
  return useMemo(
    () =>
      computeFindings(
        { segments, details, sizes },
        { staleMonths, namingPattern: pattern.ok ? pattern.pattern : null },
        new Date(),
      ),
    [segments, details, sizes, staleMonths, pattern],
  )
}
