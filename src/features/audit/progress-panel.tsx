// The review's progress: how many segments are reviewed, by verdict overall and per provider (a chart that is a table).
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { RichText } from '../../components/rich-text'
import { AuditOutageNote } from '../../components/audit-outage-note'
import { Link } from 'react-router'
import { RetryAlert } from '../../components/alert'
import { useFormat } from '../../components/use-format'
import { adviceForError, isNotConfigured } from '../../providers/error-advice'
import { PROVIDER_IDS, providerLabel, type ProviderId } from '../../providers/provider-id'
import type { Segment } from '../../providers/segment'
import { VERDICTS, type AuditEntry, type Verdict } from '../../stores/audit-contract'
import { useAskAgainWhenServerBack } from '../../stores/server-back'
import { useAuditOutage } from '../../stores/use-verdicts'
import type { ListedSegments } from './use-listed-segments'

type VerdictCounts = Record<Verdict, number>

const zeroCounts = (): VerdictCounts => ({ keep: 0, fix: 0, archive: 0, unreviewed: 0 })
const totalOf = (counts: VerdictCounts) => VERDICTS.reduce((sum, verdict) => sum + counts[verdict], 0)

/** The verdicts of the segments listed, overall and per provider. */
function countVerdicts(segments: readonly Segment[], verdicts: ReadonlyMap<string, AuditEntry>) {
  const overall = zeroCounts()
  const perProvider: Record<ProviderId, VerdictCounts> = { braze: zeroCounts(), 'commanders-act': zeroCounts() }
  for (const segment of segments) {
    const verdict = verdicts.get(segment.key)?.verdict ?? 'unreviewed'
    overall[verdict] += 1
    perProvider[segment.provider][verdict] += 1
  }
  return { overall, perProvider }
}

function VerdictBar({ counts, label }: { counts: VerdictCounts; label?: string }) {
  const bars = VERDICTS.map((verdict) =>
    counts[verdict] > 0 ? (
      <span key={verdict} className={`bar-${verdict}`} style={{ flexGrow: counts[verdict] }} />
    ) : null,
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

/**
 * A provider's list that failed: the page shows the other's (`othersShown`: unless it failed too), and asks again by
 * itself once the app's server is back. A provider not configured says what to set, with no Retry: its variables are
 * read as the server starts.
 */
function FailedList({ failure, othersShown }: { failure: ListedSegments['failures'][number]; othersShown: boolean }) {
  const { t } = useTranslation('audit')
  const { t: tCommon } = useTranslation()
  useAskAgainWhenServerBack(failure.error, failure.retry)
  return (
    <RetryAlert
      {...adviceForError(failure.error, failure.provider, tCommon)}
      onRetry={isNotConfigured(failure.error) ? undefined : failure.retry}
    >
      {othersShown ? ` ${t('progress.otherProviderOnly')}` : null}
    </RetryAlert>
  )
}

export function ProgressPanel({
  listed,
  verdicts,
  notListed,
}: {
  listed: ListedSegments
  verdicts: ReadonlyMap<string, AuditEntry>
  /** Reviews of segments no longer listed: not among the segments counted here, so said apart. */
  notListed: number
}) {
  const { t } = useTranslation(['audit', 'common'])
  const format = useFormat()
  const auditOutage = useAuditOutage()
  const verdictLabel = (verdict: Verdict) => t(`common:verdict.${verdict}`)
  // Counted again when the lists or the verdicts change, not at each render (a scan's every quarter of a second).
  const { segments } = listed
  const { overall, perProvider } = useMemo(() => countVerdicts(segments, verdicts), [segments, verdicts])
  const total = listed.segments.length
  const failed = new Map(listed.failures.map((failure) => [failure.provider, failure.error]))
  const unanswered = new Set(listed.unanswered)
  return (
    <section className="card" aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t('progress.heading')}</h2>
      {listed.failures.map((failure) => (
        <FailedList key={failure.provider} failure={failure} othersShown={listed.failures.length === 1} />
      ))}
      <p role="status">
        {listed.loading ? `${t('progress.loading')} ` : ''}
        <RichText
          text={t('common:reviewedCount', { count: total - overall.unreviewed, total })}
          components={{ strong: <strong /> }}
        />
        {auditOutage !== undefined ? <AuditOutageNote since={auditOutage} /> : null}
      </p>
      <VerdictBar
        counts={overall}
        label={VERDICTS.map((verdict) =>
          t('progress.verdictCount', { verdict: verdictLabel(verdict), value: overall[verdict] }),
        ).join(', ')}
      />
      <ul className="verdict-legend">
        {VERDICTS.map((verdict) => (
          <li key={verdict}>
            <span className={`dot bar-${verdict}`} aria-hidden="true" />
            <Link to={`/?verdict=${verdict}`}>{verdictLabel(verdict)}</Link> {format.number(overall[verdict])}
          </li>
        ))}
      </ul>
      {notListed > 0 ? (
        <p className="muted small-print progress-gone">{t('progress.goneNotCounted', { count: notListed })}</p>
      ) : null}
      <table className="chart-table verdicts-per-provider">
        <caption>{t('progress.perProvider')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('progress.provider')}</th>
            {VERDICTS.map((verdict) => (
              <th key={verdict} scope="col" className="numeric">
                {verdictLabel(verdict)}
              </th>
            ))}
            <th scope="col" className="chart-cell">
              <span className="visually-hidden">{t('progress.share')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {PROVIDER_IDS.map((provider) => (
            <tr key={provider}>
              <th scope="row">{providerLabel[provider]}</th>
              {failed.has(provider) ? (
                // Its segments are unknown, not unreviewed: no row of zeros.
                <td colSpan={VERDICTS.length + 1} className="muted">
                  {isNotConfigured(failed.get(provider)) ? t('progress.notConfigured') : t('progress.listFailed')}
                </td>
              ) : unanswered.has(provider) ? (
                // Its list is still being asked for (retries too): its counts are not known yet, not zero.
                <td colSpan={VERDICTS.length + 1} className="muted">
                  {t('progress.listLoading')}
                </td>
              ) : (
                <>
                  {VERDICTS.map((verdict) => (
                    <td key={verdict} className="numeric">
                      {format.number(perProvider[provider][verdict])}
                    </td>
                  ))}
                  <td className="chart-cell">
                    {totalOf(perProvider[provider]) > 0 ? <VerdictBar counts={perProvider[provider]} /> : null}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
