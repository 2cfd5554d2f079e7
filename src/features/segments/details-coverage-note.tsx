// Under a filter that needs Braze details (description, size, last update), says how many segments it could check.
import { Link } from 'react-router'
import { Alert } from '../../components/alert'
import type { SegmentFindings } from '../../findings/findings'
import { formatNumber } from '../../lib/format'
import type { BrazeSegmentDetails } from '../../providers/braze/schemas'
import type { Segment } from '../../providers/segment'
import type { SegmentListFilters } from './list-state'

interface DetailsCoverageNoteProps {
  filters: SegmentListFilters
  segments: readonly Segment[]
  details: ReadonlyMap<string, BrazeSegmentDetails>
  findings: SegmentFindings
}

function coverageOf({ filters, segments, details, findings }: DetailsCoverageNoteProps): { checked: number; of: number } | null {
  if (filters.finding === 'no-description' || filters.finding === 'size-zero') {
    const count = findings.counts[filters.finding]
    return { checked: count.checked, of: count.applicable }
  }
  if (filters.updatedBefore) {
    const braze = segments.filter((segment) => segment.provider === 'braze')
    return { checked: braze.filter((segment) => details.has(segment.id)).length, of: braze.length }
  }
  return null
}

export function DetailsCoverageNote(props: DetailsCoverageNoteProps) {
  const coverage = coverageOf(props)
  if (!coverage || coverage.checked >= coverage.of) return null
  return (
    <Alert tone="info" title={`Only ${formatNumber(coverage.checked)} of ${formatNumber(coverage.of)} Braze segments could be checked`}>
      This filter needs each segment’s details. <Link to="/audit">Run the details scan</Link> on the Audit page to check them all.
    </Alert>
  )
}
