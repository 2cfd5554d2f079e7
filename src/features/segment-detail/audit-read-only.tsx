// A segment's Audit card before the reviewer has given a name: what the team's audit says about the segment (verdict,
// who set it, the note, the history) as text, with the form asking for the name where the controls will be.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuditRead } from './use-audit-read'
import { useVerdict } from '../../stores/use-verdicts'
import { hasAuthor, ReviewByline } from './review-byline'
import { ReviewHistory } from './review-history'

export function AuditReadOnly({ segmentKey, nameForm }: { segmentKey: string; nameForm: ReactNode }) {
  const { t } = useTranslation(['detail', 'common'])
  const entry = useVerdict(segmentKey)
  const { loaded, said } = useAuditRead()
  const verdict = entry?.verdict ?? 'unreviewed'
  const note = entry?.note ?? ''
  return (
    <section className="card audit-panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.heading')}</h2>
      {loaded ? (
        <dl className="facts audit-facts">
          <dt>{t('audit.verdict')}</dt>
          <dd className={verdict === 'unreviewed' ? 'muted' : `verdict-badge-${verdict}`}>
            {t(`common:verdict.${verdict}`)}
          </dd>
          <dt>{t('audit.note')}</dt>
          <dd className={note === '' ? 'muted' : 'audit-note'}>{note === '' ? t('audit.noNote') : note}</dd>
        </dl>
      ) : null}
      {said ? (
        <p className="muted" role="status">
          {said}
        </p>
      ) : null}
      {entry && hasAuthor(entry) ? (
        <p className="muted small-print">
          <ReviewByline entry={entry} />
        </p>
      ) : null}
      {nameForm}
      <ReviewHistory segmentKey={segmentKey} revision={entry?.revision ?? 0} />
    </section>
  )
}
