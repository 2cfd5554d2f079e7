// The review's progress: how many segments are reviewed, by verdict overall and per provider (a chart that is a table).
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { RetryAlert } from '../../components/alert'
import { formatNumber } from '../../lib/format'
import { adviceForError } from '../../providers/error-advice'
import { providerLabel, type ProviderId } from '../../providers/provider-error'
import { VERDICT_LABELS } from '../../stores/verdict-labels'
import { VERDICTS, type AuditEntry, type Verdict } from '../../stores/verdict-store'
import type { ListedSegments } from './use-listed-segments'

type VerdictCounts = Record<Verdict, number>

const PROVIDERS: readonly ProviderId[] = ['braze', 'commanders-act']

const zeroCounts = (): VerdictCounts => ({ keep: 0, fix: 0, archive: 0, unreviewed: 0 })
const totalOf = (counts: VerdictCounts) => VERDICTS.reduce((sum, verdict) => sum + counts[verdict], 0)

function VerdictBar({ counts, label }: { counts: VerdictCounts; label?: string }) {
  const bars = VERDICTS.map((verdict) =>
    counts[verdict] > 0 ? <span key={verdict} className={`bar-${verdict}`} style={{ flexGrow: counts[verdict] }} /> : null,
  )
  return label ? (
    <div className="verdict-bar" role="img" aria-label={label}>
      {bars}
    </div>
  ) : (
    <div className="verdict-bar" aria-hidden="true">
      {bars}
    </div>
  )
}

export function ProgressPanel({ listed, verdicts }: { listed: ListedSegments; verdicts: ReadonlyMap<string, AuditEntry> }) {
  const { t } = useTranslation()
  const overall = zeroCounts()
  const perProvider: Record<ProviderId, VerdictCounts> = { braze: zeroCounts(), 'commanders-act': zeroCounts() }
  for (const segment of listed.segments) {
    const verdict = verdicts.get(segment.key)?.verdict ?? 'unreviewed'
    overall[verdict] += 1
    perProvider[segment.provider][verdict] += 1
  }
  const total = listed.segments.length
  return (
    <section className="card" aria-labelledby="progress-heading">
      <h2 id="progress-heading">Progress</h2>
      {listed.failures.map((failure) => (
        <RetryAlert key={failure.provider} {...adviceForError(failure.error, failure.provider, t)} onRetry={failure.retry}>
          {' '}Counts and exports cover the other provider only.
        </RetryAlert>
      ))}
      <p role="status">
        {listed.loading ? 'Loading the segment lists… ' : ''}Reviewed <strong>{formatNumber(total - overall.unreviewed)}</strong> of {formatNumber(total)} segments
      </p>
      <VerdictBar counts={overall} label={VERDICTS.map((verdict) => `${VERDICT_LABELS[verdict]}: ${overall[verdict]}`).join(', ')} />
      <ul className="verdict-legend">
        {VERDICTS.map((verdict) => (
          <li key={verdict}>
            <span className={`dot bar-${verdict}`} aria-hidden="true" />
            <Link to={`/?verdict=${verdict}`}>{VERDICT_LABELS[verdict]}</Link> {formatNumber(overall[verdict])}
          </li>
        ))}
      </ul>
      <table className="chart-table verdicts-per-provider">
        <caption>Verdicts per provider</caption>
        <thead>
          <tr>
            <th scope="col">Provider</th>
            {VERDICTS.map((verdict) => (
              <th key={verdict} scope="col" className="numeric">
                {VERDICT_LABELS[verdict]}
              </th>
            ))}
            <th scope="col" className="chart-cell">
              <span className="visually-hidden">Share</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {PROVIDERS.map((provider) => (
            <tr key={provider}>
              <th scope="row">{providerLabel[provider]}</th>
              {VERDICTS.map((verdict) => (
                <td key={verdict} className="numeric">
                  {formatNumber(perProvider[provider][verdict])}
                </td>
              ))}
              <td className="chart-cell">{totalOf(perProvider[provider]) > 0 ? <VerdictBar counts={perProvider[provider]} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
