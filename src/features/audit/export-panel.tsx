// Export of the session: a CSV report for people, and the JSON that can be imported here or by a colleague. A backup
// changes nothing here: what "Changed since the last audit" compares with changes only with "Start a new audit".
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { SegmentFindings } from '../../findings/findings'
import { datedFilename, downloadText } from '../../lib/download'
import type { BrazeSegmentDetails } from '../../providers/braze/schemas'
import type { AuditEntry } from '../../stores/audit-contract'
import { useAuditBaseline } from '../../stores/audit-baseline'
import { sessionOriginQuery } from '../../stores/session-origin'
import { useAuditRead } from '../../stores/use-verdicts'
import { sessionCsv, sessionFile } from './session-export'
import type { ListedSegments } from './use-listed-segments'
import { csvSeparatorFor } from '../../lib/csv'
import { useFormat } from '../../components/use-format'
import { holdsReview, type ReviewStanding } from './review-standing'

const PARTS = ['reviewed', 'noteOnly', 'notListed', 'notLoaded'] as const

/**
 * What the files hold, in the terms of the Progress card: its "Reviewed" counts listed segments with a verdict, where
 * the files hold every review, a note without a verdict and a segment no longer listed (or not loaded) included.
 */
function HeldReviews({ entries, standing }: { entries: readonly AuditEntry[]; standing: ReviewStanding }) {
  const { t } = useTranslation('audit')
  const format = useFormat()
  if (entries.length === 0) return <>{t('export.holdsNone')}</>
  const counts = { ...standing, notListed: standing.notListed.length, notLoaded: standing.notLoaded.length }
  const parts = PARTS.filter((part) => counts[part] > 0).map((part) =>
    t(`export.part.${part}`, { count: counts[part] }),
  )
  return (
    <>
      {t('export.holds', {
        count: entries.length,
        parts: new Intl.ListFormat(format.locale, { type: 'conjunction' }).format(parts),
      })}
    </>
  )
}

interface ExportPanelProps {
  listed: ListedSegments
  verdicts: ReadonlyMap<string, AuditEntry>
  /** The reviews by where their segment stands, as Progress counts them. */
  standing: ReviewStanding
  details: ReadonlyMap<string, BrazeSegmentDetails>
  findings: SegmentFindings | null
  staleMonths: number
}

export function ExportPanel({ listed, verdicts, standing, details, findings, staleMonths }: ExportPanelProps) {
  const { t, i18n } = useTranslation(['audit', 'common'])
  // Until the team's audit has answered once, every review would be missing from both files.
  const auditRead = useAuditRead()
  const entries = [...verdicts.values()].filter(holdsReview)
  const baseline = useAuditBaseline()
  // The JSON says which Braze workspace and Commanders Act site it is of, so that no other's audit takes it in. A
  // server that cannot say leaves it without, as files were before: importable anywhere, and not held back.
  const origin = useQuery(sessionOriginQuery())
  const exportCsv = () => {
    if (!findings) return
    const kept = baseline.status === 'ready' ? (baseline.baseline?.segments ?? []) : []
    const formerNames = new Map(kept.map((segment) => [segment.key, segment.name]))
    const report = { segments: listed.segments, entries: verdicts, details, findings, staleMonths, formerNames }
    const csv = sessionCsv(report, t, csvSeparatorFor(i18n.resolvedLanguage ?? i18n.language))
    downloadText(csv, datedFilename('audit-report', 'csv', new Date()), 'text/csv;charset=utf-8')
  }
  const exportJson = () => {
    const now = new Date()
    const session = sessionFile(entries, listed.segments, listed.completeProviders, now, origin.data)
    downloadText(JSON.stringify(session, null, 2), datedFilename('audit-session', 'json', now), 'application/json')
  }
  return (
    <section className="card" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('export.heading')}</h2>
      <p className="muted">
        {t('export.intro')} <HeldReviews entries={entries} standing={standing} />
      </p>
      {listed.loading ? <p className="muted">{t('export.waiting')}</p> : null}
      {auditRead ? null : <p className="muted">{t('export.waitingAudit')}</p>}
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={listed.loading || !auditRead || !findings || listed.segments.length === 0}
          onClick={exportCsv}
        >
          {t('export.csv')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={listed.loading || !auditRead || origin.isLoading}
          onClick={exportJson}
        >
          {t('export.json')}
        </button>
      </div>
    </section>
  )
}
