// The team's audit as a segment's page reads it: whether it has been read, and what to say while its poll fails — a
// refusal the server gave (its database down, a sign-in missing) in its own words, not as no answer.
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { auditEntriesQuery } from '../../stores/audit-queries'
import { writeFailureOf } from '../../stores/audit-writes'
import { useWriteFailureText } from '../../stores/use-write-failure-text'

export function useAuditRead() {
  const { t } = useTranslation('detail')
  const failureText = useWriteFailureText()
  const entries = useQuery(auditEntriesQuery())
  // Read once is enough to show and to write on: a poll that fails afterwards (retry is off) leaves the entries as
  // they were.
  const loaded = entries.data !== undefined
  const failure = entries.isError ? writeFailureOf(entries.error) : undefined
  const refused =
    failure && 'status' in failure
      ? failure.reason === 'store_error'
        ? t('audit.databaseDown')
        : t('audit.readFailed', { message: failureText(entries.error) })
      : undefined
  /** Loading, not read for a failure, or read but failing since; undefined once read and answering. */
  const said = !loaded
    ? (refused ?? t(entries.isError ? 'audit.loadFailed' : 'audit.loading'))
    : entries.isError
      ? (refused ?? t('audit.unreachable'))
      : undefined
  return { entries, loaded, said }
}
