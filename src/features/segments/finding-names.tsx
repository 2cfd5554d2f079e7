// A segment's findings as words: "Not updated in 12 months; Duplicate name", in the table's Findings column and CSV
// (in French, "Pas mis à jour depuis 12 mois ; Nom en double", a narrow no-break space before the semicolon).
import type { FindingId } from '../../findings/findings'
import { useFindingSettings } from '../../stores/finding-settings'
import type { SegmentsT } from './columns'
import { useFixedT } from '../../components/use-fixed-t'

export function findingNames(findings: readonly FindingId[], t: SegmentsT, staleMonths: number): string {
  return findings.map((id) => t(`common:finding.${id}.label`, { count: staleMonths })).join(t('common:listJoin'))
}

export function FindingsCell({ findings }: { findings: readonly FindingId[] }) {
  const t = useFixedT(['segments', 'common'])
  const { staleMonths } = useFindingSettings()
  return findingNames(findings, t, staleMonths)
}
