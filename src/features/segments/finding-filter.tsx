// The "Finding" filter: the list narrowed to one of the audit's findings (the audit page links here with it set).
import { useTranslation } from 'react-i18next'
import { FINDING_IDS } from '../../findings/findings'
import { useFindingSettings } from '../../stores/finding-settings'
import type { ListFinding } from './list-state'

const LIST_FINDINGS = FINDING_IDS.filter((id): id is ListFinding => id !== 'stale')

interface FindingFilterProps {
  finding: ListFinding | null
  onChange: (finding: ListFinding | null) => void
}

export function FindingFilter({ finding, onChange }: FindingFilterProps) {
  const { t } = useTranslation(['segments', 'common'])
  const { namingPattern } = useFindingSettings()
  return (
    <label className="select-field">
      <span>{t('toolbar.finding')}</span>
      <select
        value={finding ?? ''}
        onChange={(event) => onChange(LIST_FINDINGS.find((id) => id === event.target.value) ?? null)}
      >
        <option value="">{t('toolbar.any')}</option>
        {LIST_FINDINGS.map((id) => {
          const label = t(`common:finding.${id}.label`)
          const waiting = id === 'naming' && namingPattern === ''
          return (
            <option key={id} value={id} disabled={waiting && finding !== 'naming'}>
              {waiting ? t('toolbar.noPattern', { finding: label }) : label}
            </option>
          )
        })}
      </select>
    </label>
  )
}
