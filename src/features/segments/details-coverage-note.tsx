// Under a filter that needs Braze details (description, size, last update), says how many segments it could check.
import { Trans, useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Alert } from '../../components/alert'
import type { SegmentFindings } from '../../findings/findings'
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
  const { t } = useTranslation('segments')
  const coverage = coverageOf(props)
  if (!coverage || coverage.checked >= coverage.of) return null
  return (
    <Alert tone="info" title={t('coverage.title', { count: coverage.checked, total: coverage.of })}>
      <Trans t={t} i18nKey="coverage.body" components={{ link: <Link to="/audit" /> }} />
    </Alert>
  )
}
