// The findings: each a count that opens the list filtered to it, with how much could be checked, and their settings.
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormat } from '../../components/use-format'
import {
  FINDING_IDS,
  FINDING_NEEDS,
  type FindingCount,
  type FindingId,
  type SegmentFindings,
} from '../../findings/findings'
import { compileNamingPattern } from '../../findings/naming-pattern'
import { toDateParam } from '../../findings/staleness'
import { providerLabel, type ProviderId } from '../../providers/provider-id'
import type { Segment } from '../../providers/segment'
import { STALE_MONTHS_CHOICES, updateFindingSettings, useFindingSettings } from '../../stores/finding-settings'
import type { AuditT } from './audit-t'

function listUrl(id: FindingId, findings: SegmentFindings): string {
  return id === 'stale' ? `/?updatedBefore=${toDateParam(findings.staleCutoff)}` : `/?finding=${id}`
}

/**
 * The findings that read a field a list row may lack, and the segments they are about: a row without it is not checked,
 * and the line says how many were left out and why, where "All 2,869 checked" beside 3,000 segments would not.
 */
const READS_LISTED_FIELD = { 'no-tags': 'braze', 'tracking-off': 'braze', naming: 'all' } as const
type ReadsListedField = keyof typeof READS_LISTED_FIELD
const readsListedField = (id: FindingId): id is ReadsListedField => id in READS_LISTED_FIELD

function leftOut(id: ReadsListedField, count: FindingCount, segments: readonly Segment[]): number {
  const about = READS_LISTED_FIELD[id]
  const of = about === 'all' ? segments : segments.filter((segment) => segment.provider === about)
  return of.length - count.applicable
}

function coverage(
  t: AuditT,
  id: FindingId,
  count: FindingCount,
  patternBroken: boolean,
  segments: readonly Segment[],
): string {
  if (id === 'naming' && patternBroken) return t('findings.coverage.invalidPattern')
  if (count.applicable === 0)
    return id === 'naming' ? t('findings.coverage.setPattern') : t('findings.coverage.nothing')
  if (readsListedField(id)) {
    const left = leftOut(id, count, segments)
    if (left > 0) return t(`findings.coverage.leftOut.${id}`, { count: count.applicable, left })
  }
  if (count.checked === count.applicable) return t('findings.coverage.all', { count: count.applicable })
  return t('findings.coverage.notScanned', { count: count.checked, total: count.applicable })
}

/** Nothing checked yet is not "none found", and a part checked is not the whole: no bare number until it is final. */
function countText(t: AuditT, count: FindingCount, number: (value: number) => string): string {
  if (count.checked === 0) return '—'
  return count.checked < count.applicable ? t('findings.soFar', { count: count.count }) : number(count.count)
}

function FindingSettingsForm() {
  const { t } = useTranslation(['audit', 'common'])
  const { staleMonths, namingPattern } = useFindingSettings()
  const compiled = compileNamingPattern(namingPattern)
  return (
    <div className="findings-settings">
      <label className="select-field">
        <span>{t('findings.staleMonths')}</span>
        <select
          value={staleMonths}
          onChange={(event) => updateFindingSettings({ staleMonths: Number(event.target.value) })}
        >
          {STALE_MONTHS_CHOICES.map((months) => (
            <option key={months} value={months}>
              {t('findings.months', { count: months })}
            </option>
          ))}
        </select>
      </label>
      <label className="select-field naming-field">
        <span>{t('findings.namingPattern')}</span>
        <input
          className="input mono"
          type="text"
          value={namingPattern}
          placeholder={t('findings.namingPlaceholder')}
          spellCheck={false}
          autoComplete="off"
          aria-describedby="naming-help"
          aria-invalid={!compiled.ok}
          onChange={(event) => updateFindingSettings({ namingPattern: event.target.value })}
        />
      </label>
      <p id="naming-help" className={compiled.ok ? 'muted small-print' : 'field-problem small-print'}>
        {compiled.ok ? t('findings.namingHelp') : t('findings.namingInvalid', { problem: compiled.problem })}
      </p>
    </div>
  )
}

interface FindingsPanelProps {
  findings: SegmentFindings | null
  /** The segments listed: a finding that checked fewer of them says how many it left out and why. */
  segments: readonly Segment[]
  staleMonths: number
  /** Providers whose list failed: a finding that needs one says so rather than count on what is missing. */
  failed: readonly ProviderId[]
  /** Of those, the ones the server has no variables for: said as such (the progress card says what to set). */
  notConfigured?: readonly ProviderId[]
}

export function FindingsPanel({ findings, segments, staleMonths, failed, notConfigured = [] }: FindingsPanelProps) {
  const { t } = useTranslation(['audit', 'common'])
  const format = useFormat()
  const patternBroken = !compileNamingPattern(useFindingSettings().namingPattern).ok
  return (
    <section className="card card-wide" aria-labelledby="findings-heading">
      <h2 id="findings-heading">{t('findings.heading')}</h2>
      <p className="muted">{t('findings.intro')}</p>
      <FindingSettingsForm />
      {findings ? (
        <table className="findings-table">
          <caption className="visually-hidden">{t('findings.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('findings.finding')}</th>
              <th scope="col" className="numeric">
                {t('findings.segments')}
              </th>
              <th scope="col">{t('findings.checked')}</th>
            </tr>
          </thead>
          <tbody>
            {FINDING_IDS.map((id) => {
              const count = findings.counts[id]
              const label = t(`common:finding.${id}.label`, { count: staleMonths })
              const missing = FINDING_NEEDS[id].find((provider) => failed.includes(provider))
              return (
                <tr key={id}>
                  <th scope="row">
                    {count.applicable > 0 && !missing ? <Link to={listUrl(id, findings)}>{label}</Link> : label}
                    <span className="finding-hint">{t(`common:finding.${id}.hint`)}</span>
                  </th>
                  <td className="numeric finding-count">{missing ? '—' : countText(t, count, format.number)}</td>
                  <td className="muted">
                    {missing
                      ? t(`findings.coverage.${notConfigured.includes(missing) ? 'notConfigured' : 'listFailed'}`, {
                          provider: providerLabel[missing],
                        })
                      : coverage(t, id, count, patternBroken, segments)}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : (
        <p role="status" className="muted">
          {t('findings.waiting')}
        </p>
      )}
    </section>
  )
}
