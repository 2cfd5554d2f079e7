// The findings of the segments at hand, recomputed when the list, the cached details or the settings change (the Audit
// page; the list loads the same code on demand: src/features/segments/use-list-findings.ts).
import { useMemo } from 'react'
import { useCachedBrazeDetails, useCachedBrazeSizes } from '../providers/braze/cached-queries'
import type { Segment } from '../providers/segment'
import { useFindingSettings } from '../stores/finding-settings'
import type { SegmentFindings } from './findings'
import { findingsNow } from './findings-now'

export function useFindings(segments: readonly Segment[]): SegmentFindings {
  const details = useCachedBrazeDetails()
  const sizes = useCachedBrazeSizes()
  const settings = useFindingSettings()
  return useMemo(
    () => findingsNow({ segments, details, sizes }, settings, new Date()),
    [segments, details, sizes, settings],
  )
}
