// A segment's findings as words: "Not updated in 12 months; Duplicate name", in the table's Findings column and its CSV.
import { useTranslation } from 'react-i18next'
import type { FindingId } from '../../findings/findings'
import { useFindingSettings } from '../../stores/finding-settings'
import type { SegmentsT } from './columns'

export function findingNames(findings: readonly FindingId[], t: SegmentsT, staleMonths: number): string {
  return findings.map((id) => t(`common:finding.${id}.label`, { count: staleMonths })).join('; ')
}

export function FindingsCell({ findings }: { findings: readonly FindingId[] }) {
  const { t } = useTranslation(['segments', 'common'])
  const { staleMonths } = useFindingSettings()
  return findingNames(findings, t, staleMonths)
}
