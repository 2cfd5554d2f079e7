// Under a filter that needs Braze details (description, size, last update), says how many segments it could check.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { RichText } from '../../components/rich-text'
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
  /** Undefined while their code loads (the list then shows no row either). */
  findings: SegmentFindings | undefined
}

export function DetailsCoverageNote({ filters, segments, details, findings }: DetailsCoverageNoteProps) {
  const { t } = useTranslation('segments')
  const byDate = filters.updatedBefore !== null
  // Braze segments with their details loaded, of all Braze segments: counted per list and details, not per keystroke.
  const detailsCoverage = useMemo(() => {
    if (!byDate) return null
    const braze = segments.filter((segment) => segment.provider === 'braze')
    return { checked: braze.filter((segment) => details.has(segment.id)).length, of: braze.length }
  }, [segments, details, byDate])
  const finding =
    filters.finding === 'no-description' || filters.finding === 'size-zero' ? findings?.counts[filters.finding] : null
  const coverage = finding ? { checked: finding.checked, of: finding.applicable } : detailsCoverage
  if (!coverage || coverage.checked >= coverage.of) return null
  return (
    <Alert tone="info" title={t('coverage.title', { count: coverage.checked, total: coverage.of })}>
      <RichText text={t('coverage.body')} components={{ link: <Link to="/audit" /> }} />
    </Alert>
  )
}
