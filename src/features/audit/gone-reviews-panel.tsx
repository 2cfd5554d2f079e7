// The team's reviews of segments their provider no longer lists (deleted or archived since): Progress counts the
// segments listed now, so these would otherwise show nowhere but in the exports. Each is named as the audit last knew
// it, with its verdict, note and who gave them, and links to its page, where they can still be changed.
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormat } from '../../components/use-format'
import { NAME_COLLATOR } from '../../lib/name-order'
import type { BrazeSegmentDetails } from '../../providers/braze/schemas'
import {
  isProviderId,
  PROVIDER_IDS,
  providerLabel,
  splitSegmentKey,
  type ProviderId,
} from '../../providers/provider-id'
import { segmentPath } from '../../providers/segment'
import { useAuditBaseline } from '../../stores/audit-baseline'
import { VERDICTS, type AuditEntry } from '../../stores/audit-contract'
import { formerName, type ReviewStanding } from './review-standing'
import { ShowMore, useShowMore } from './show-more'

interface GoneReview {
  entry: AuditEntry
  provider: ProviderId
  id: string
  name: string | undefined
}

/** The verdict and who set it, then who wrote the note: each field has its own author and time. */
function ReviewLine({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation(['audit', 'common'])
  const format = useFormat()
  const verdict = t(`common:verdict.${entry.verdict}`)
  const parts = [
    entry.verdict !== 'unreviewed' && entry.verdictBy && entry.verdictAt
      ? t('gone.verdictBy', { verdict, reviewer: entry.verdictBy, date: format.date(entry.verdictAt) })
      : verdict,
    entry.note !== '' && entry.noteBy && entry.noteAt
      ? t('gone.noteBy', { reviewer: entry.noteBy, date: format.date(entry.noteAt) })
      : null,
  ]
  return (
    <p className="gone-review-line">
      <span className={`dot bar-${entry.verdict}`} aria-hidden="true" /> {parts.filter(Boolean).join(' · ')}
    </p>
  )
}

interface GoneReviewsPanelProps {
  standing: ReviewStanding
  details: ReadonlyMap<string, BrazeSegmentDetails>
}

/** Shown once a whole list lacks a reviewed segment; nothing otherwise (the export card says what the files hold). */
export function GoneReviewsPanel({ standing, details }: GoneReviewsPanelProps) {
  const { t } = useTranslation(['audit', 'common'])
  const format = useFormat()
  const baseline = useAuditBaseline()
  const { shown, list, showMore } = useShowMore<HTMLUListElement>()
  if (standing.notListed.length === 0) return null
  const kept = baseline.status === 'ready' ? (baseline.baseline?.segments ?? []) : []
  const formerNames = new Map(kept.map((segment) => [segment.key, segment.name]))
  const reviews: GoneReview[] = standing.notListed.flatMap((entry) => {
    const { provider, id } = splitSegmentKey(entry.key)
    return isProviderId(provider) ? [{ entry, provider, id, name: formerName(entry.key, details, formerNames) }] : []
  })
  reviews.sort(
    (a, b) =>
      PROVIDER_IDS.indexOf(a.provider) - PROVIDER_IDS.indexOf(b.provider) ||
      NAME_COLLATOR.compare(a.name ?? a.id, b.name ?? b.id),
  )
  const byVerdict = VERDICTS.flatMap((verdict) => {
    const count = reviews.filter((review) => review.entry.verdict === verdict).length
    return count > 0 ? [`${t(`common:verdict.${verdict}`)} ${format.number(count)}`] : []
  })
  return (
    <section className="card card-wide" aria-labelledby="gone-reviews-heading">
      <h2 id="gone-reviews-heading">{t('gone.heading')}</h2>
      <p className="muted">
        {t('gone.intro', { count: reviews.length, verdicts: byVerdict.join(', ') })}
        {standing.notLoaded.length > 0 ? ` ${t('gone.notLoaded', { count: standing.notLoaded.length })}` : null}
      </p>
      <ul className="gone-reviews" ref={list}>
        {reviews.slice(0, shown).map(({ entry, provider, id, name }) => (
          <li key={entry.key}>
            <p className="gone-review-name">
              <Link to={segmentPath({ provider, id })}>{name ?? <code>{id}</code>}</Link>{' '}
              <span className="muted">
                · {providerLabel[provider]}
                {name ? null : ` · ${t('gone.noName')}`}
              </span>
            </p>
            <ReviewLine entry={entry} />
            {entry.note !== '' ? <p className="gone-review-note">{entry.note}</p> : null}
          </li>
        ))}
      </ul>
      <ShowMore
        shown={shown}
        total={reviews.length}
        label={(count) => t('gone.more', { count })}
        status={t('gone.shown', { shown, total: reviews.length })}
        onMore={showMore}
      />
    </section>
  )
}
