// The audit session page (/audit): review progress, and the session exported for people and machines, or imported.
import { Link } from 'react-router'
import { RetryAlert } from '../../components/alert'
import { adviceForError } from '../../providers/error-advice'
import { useDocumentTitle } from '../../components/use-document-title'
import { datedFilename, downloadText } from '../../lib/download'
import { formatNumber } from '../../lib/format'
import { useVerdicts } from '../../stores/use-verdicts'
import { VERDICT_LABELS } from '../../stores/verdict-labels'
import { VERDICTS } from '../../stores/verdict-store'
import { sessionCsv, sessionJson } from './session-export'
import { ScanPanel } from './scan-panel'
import { SessionImport } from './session-import'
import { useListedSegments } from './use-listed-segments'

export function AuditPage() {
  useDocumentTitle('Audit')
  const verdicts = useVerdicts()
  const listed = useListedSegments()
  const counts = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<(typeof VERDICTS)[number], number>
  for (const key of listed.byKey.keys()) counts[verdicts.get(key)?.verdict ?? 'unreviewed'] += 1
  const total = listed.byKey.size
  const reviewed = total - counts.unreviewed
  const entries = [...verdicts.values()].filter((entry) => entry.verdict !== 'unreviewed' || entry.note !== '')
  const now = () => new Date()

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Audit session</h1>
          <p>Progress of the review, and the session to share or keep.</p>
        </div>
      </div>
      <div className="card-grid">
        <section className="card" aria-labelledby="progress-heading">
          <h2 id="progress-heading">Progress</h2>
          {listed.failures.map((failure) => (
            <RetryAlert key={failure.provider} {...adviceForError(failure.error, failure.provider)} onRetry={failure.retry}>
              {' '}Counts and exports cover the other provider only.
            </RetryAlert>
          ))}
          <p role="status">
            {listed.loading ? 'Loading the segment lists… ' : ''}Reviewed <strong>{formatNumber(reviewed)}</strong> of {formatNumber(total)} segments
          </p>
          <div className="verdict-bar" role="img" aria-label={VERDICTS.map((v) => `${VERDICT_LABELS[v]}: ${counts[v]}`).join(', ')}>
            {VERDICTS.map((verdict) =>
              counts[verdict] > 0 ? <span key={verdict} className={`bar-${verdict}`} style={{ flexGrow: counts[verdict] }} /> : null,
            )}
          </div>
          <ul className="verdict-legend">
            {VERDICTS.map((verdict) => (
              <li key={verdict}>
                <span className={`dot bar-${verdict}`} aria-hidden="true" />
                <Link to={`/?verdict=${verdict}`}>{VERDICT_LABELS[verdict]}</Link> {formatNumber(counts[verdict])}
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="export-heading">
          <h2 id="export-heading">Export the session</h2>
          <p className="muted">
            {formatNumber(entries.length)} reviewed or annotated segments. The CSV is for people; the JSON can be imported
            here or by a colleague.
          </p>
          {listed.loading ? <p className="muted">Export is available once the segment lists have loaded.</p> : null}
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={entries.length === 0 || listed.loading}
              onClick={() => downloadText(sessionCsv(entries, listed.byKey), datedFilename('audit-session', 'csv', now()), 'text/csv;charset=utf-8')}
            >
              Export CSV
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={listed.loading}
              onClick={() => downloadText(sessionJson(entries, listed.byKey, listed.completeProviders, now()), datedFilename('audit-session', 'json', now()), 'application/json')}
            >
              Export JSON
            </button>
          </div>
        </section>
        <SessionImport />
        <ScanPanel />
      </div>
      <p className="muted not-yet">
        Not in this version yet: findings (no description, stale, duplicates…), charts by age, and changes since the last
        audit.
      </p>
    </>
  )
}
