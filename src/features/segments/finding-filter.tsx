// The "Finding" filter: the list narrowed to one of the audit's findings (the audit page links here with it set).
import { FINDING_LABELS } from '../../findings/finding-labels'
import { FINDING_IDS } from '../../findings/findings'
import { useFindingSettings } from '../../stores/finding-settings'
import type { ListFinding } from './list-state'

const LIST_FINDINGS = FINDING_IDS.filter((id): id is ListFinding => id !== 'stale')

interface FindingFilterProps {
  finding: ListFinding | null
  onChange: (finding: ListFinding | null) => void
}

export function FindingFilter({ finding, onChange }: FindingFilterProps) {
  const { namingPattern } = useFindingSettings()
  return (
    <label className="select-field">
      <span>Finding</span>
      <select value={finding ?? ''} onChange={(event) => onChange(LIST_FINDINGS.find((id) => id === event.target.value) ?? null)}>
        <option value="">Any</option>
        {LIST_FINDINGS.map((id) => (
          <option key={id} value={id} disabled={id === 'naming' && namingPattern === '' && finding !== 'naming'}>
            {id === 'naming' && namingPattern === '' ? `${FINDING_LABELS[id]} (no pattern set)` : FINDING_LABELS[id]}
          </option>
        ))}
      </select>
    </label>
  )
}
