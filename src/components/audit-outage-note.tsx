// Said beside a count of verdicts while the team's audit cannot be read: the verdicts shown are its last answer's. Left
// out of the kept first screen (data-transient): the next open reads the audit afresh.
import { useTranslation } from 'react-i18next'
import { useFormat } from './use-format'

/** `since`: when the audit last answered (null: it never has). */
export function AuditOutageNote({ since }: { since: number | null }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <span className="audit-outage" data-transient>
      {since === null ? t('auditOutage.unread') : t('auditOutage.since', { time: format.time(since) })}
    </span>
  )
}
