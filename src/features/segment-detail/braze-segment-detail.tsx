// The Braze segment view: its own description, Braze's filter description, tags, teams, dates, tracking and size
// (size-section.tsx).
import { useTranslation } from 'react-i18next'
import { useQuery } from '@tanstack/react-query'
import { useCallback, useRef, type ReactNode } from 'react'
import { Alert } from '../../components/alert'
import { Badge } from '../../components/badge'
import { LinkifiedText } from '../../components/linkified-text'
import { MalformedMark } from '../../components/malformed-mark'
import { brazeQueries } from '../../providers/braze/queries'
import { TIME_OF_DAY_SECONDS } from '../../providers/error-advice'
import { ProviderError } from '../../providers/provider-error'
import { providerLabel } from '../../providers/provider-id'
import { NOT_PROVIDED, type Segment } from '../../providers/segment'
import { useRequestWait, type RequestWait } from './braze-waits'
import { DetailDate } from './detail-date'
import { DetailFrame, DetailSkeleton, SegmentNotFound } from './detail-parts'
import { KeptNote } from './kept-note'
import { SizeSection, type TrackingState } from './size-section'

function TagList({ tags, empty }: { tags: readonly string[] | undefined; empty: string }) {
  if (!tags) return <span className="skeleton" style={{ width: 120, display: 'inline-block' }} />
  if (tags.length === 0) return <span className="muted">{empty}</span>
  return (
    <ul className="chips wrap">
      {tags.map((tag) => (
        <li key={tag} className="chip">
          {tag}
        </li>
      ))}
    </ul>
  )
}

/**
 * Said while the page's requests wait, until they ask again: as Braze asked (its own 429), or as the app's server held
 * them back to keep Braze's reserve for production (a hold of seconds, before the budget resets).
 */
function WaitNote({ wait }: { wait: RequestWait }) {
  const { t } = useTranslation('detail')
  return (
    <p role="status" className="muted">
      {t(wait.held ? 'held' : 'waiting', {
        provider: providerLabel.braze,
        time: new Date(wait.until),
        // A request waits a minute at most: the minute alone would not say when.
        formatParams: { time: TIME_OF_DAY_SECONDS },
      })}
    </p>
  )
}

/**
 * Said while the Braze list the page needs (for the segment's tags, tracking and size history) waits out a 429 or a
 * hold of the budget's reserve, which may last until the budget resets: otherwise only placeholders show meanwhile.
 */
function ListWaitNote({ until }: { until: number }) {
  const { t } = useTranslation('detail')
  return (
    <p role="status" className="muted">
      {t('listWaiting', {
        provider: providerLabel.braze,
        time: new Date(until),
        // Its seconds too: the listing asks again within the minute, however long Braze's wait.
        formatParams: { time: TIME_OF_DAY_SECONDS },
      })}
    </p>
  )
}

export function BrazeSegmentDetail({ id, navigation }: { id: string; navigation?: ReactNode }) {
  const { t } = useTranslation('detail')
  const { wait, hooks } = useRequestWait()
  const details = useQuery(brazeQueries.details(id, hooks))
  const findListed = useCallback((segments: Segment[]) => segments.find((segment) => segment.id === id), [id])
  const listed = useQuery({ ...brazeQueries.all(), select: findListed })
  // Written by the listing while it waits, never fetched.
  const listWait = useQuery({ ...brazeQueries.listWait(), enabled: false }).data
  // A Retry that brings the details leaves the keyboard on the first section they fill.
  const descriptionHeading = useRef<HTMLHeadingElement>(null)

  if (details.error instanceof ProviderError && details.error.reason === 'not_found') {
    // Details fetched before it went (kept in this browser) still name it.
    const lastKnown = details.data?.name
      ? { name: details.data.name, at: new Date(details.dataUpdatedAt).toISOString() }
      : undefined
    return <SegmentNotFound provider="braze" id={id} navigation={navigation} lastKnown={lastKnown} />
  }
  const segment = details.data
  const tracking: TrackingState = listed.data
    ? listed.data.analyticsTracking === NOT_PROVIDED
      ? 'unknown'
      : listed.data.analyticsTracking
    : listed.isError
      ? { error: listed.error, retry: () => void listed.refetch() }
      : listed.isSuccess && listed.fetchStatus === 'idle'
        ? 'absent'
        : 'loading'
  const unavailable = <p className="muted">{t('description.unavailable')}</p>
  const listedTags = listed.data && listed.data.tags !== NOT_PROVIDED ? listed.data.tags : undefined
  const tags = segment?.tags ?? listedTags
  // A fact only the failed details would give is said to be missing, as the cards beside say, not left loading.
  const factUnavailable = <span className="muted">{t('facts.unavailable')}</span>
  const textDescription = segment?.textDescription?.trim()

  return (
    <DetailFrame
      provider="braze"
      id={id}
      // An empty name (a malformed answer) names nothing: the other's, else none.
      name={segment?.name || listed.data?.name || undefined}
      // Neither the details nor the list will name it: the details came (without a name) or failed, and the list
      // failed too, or is whole without it or its name.
      nameUnavailable={!details.isPending && (listed.isError || (listed.isSuccess && listed.fetchStatus === 'idle'))}
      navigation={navigation}
      failure={
        details.isError
          ? {
              error: details.error,
              retry: () => void details.refetch(),
              retries: 'details',
              focusAfter: descriptionHeading,
            }
          : null
      }
      // Braze still answers for it (an archived segment, or its details kept in this browser), but its list is whole
      // without it: the page says so at its top, not only in the size's card.
      gone={tracking === 'absent'}
      notice={
        <>
          {tracking === 'absent' ? (
            <Alert tone="warning" title={t('gone.heading', { provider: providerLabel.braze })}>
              {t('gone.absent')}
            </Alert>
          ) : null}
          {wait === null ? null : <WaitNote wait={wait} />}
          {tracking === 'loading' && typeof listWait === 'number' ? <ListWaitNote until={listWait} /> : null}
        </>
      }
      main={
        <>
          <section className="card" aria-labelledby="description-heading">
            <h2 id="description-heading" ref={descriptionHeading} tabIndex={-1}>
              {t('description.heading')}
            </h2>
            {details.isPending ? (
              <DetailSkeleton />
            ) : details.isError ? (
              unavailable
            ) : textDescription ? (
              <p className="text-description">
                <LinkifiedText text={textDescription} />
              </p>
            ) : (
              <p>
                <Badge tone="danger">{t('description.none')}</Badge>{' '}
                <span className="muted">{t('description.noneHint')}</span>
              </p>
            )}
          </section>
          <section className="card" aria-labelledby="filters-heading">
            <h2 id="filters-heading">{t('filters.heading')}</h2>
            <p className="muted small">{t('filters.intro')}</p>
            {details.isPending ? (
              <DetailSkeleton />
            ) : details.isError ? (
              unavailable
            ) : segment?.description ? (
              <pre className="filters">{segment.description}</pre>
            ) : (
              <p className="muted">{t('filters.none')}</p>
            )}
          </section>
          <SizeSection id={id} tracking={tracking} hooks={hooks} />
        </>
      }
      side={
        <section className="card" aria-labelledby="facts-heading">
          <h2 id="facts-heading">{t('facts.heading')}</h2>
          <dl className="facts">
            <dt>{t('facts.tags')}</dt>
            <dd>
              {tags === undefined && details.isError && !listed.isPending ? (
                factUnavailable
              ) : (
                <TagList tags={tags} empty={t('facts.noTags')} />
              )}
            </dd>
            <dt>{t('facts.teams')}</dt>
            <dd>
              {segment ? (
                segment.teams ? (
                  <TagList tags={segment.teams} empty={t('facts.noTeam')} />
                ) : (
                  <span className="muted">{t('facts.teamsNotGiven')}</span>
                )
              ) : details.isError ? (
                factUnavailable
              ) : (
                <TagList tags={undefined} empty="" />
              )}
            </dd>
            <dt>{t('facts.created')}</dt>
            <dd>
              <DetailDate field="createdAt" details={segment} failed={details.isError} />
            </dd>
            <dt>{t('facts.updated')}</dt>
            <dd>
              <DetailDate field="updatedAt" details={segment} failed={details.isError} />
            </dd>
            <dt>{t('facts.tracking')}</dt>
            <dd>
              {typeof tracking !== 'boolean' ? (
                <span className="muted">{tracking === 'loading' ? '…' : t('facts.unknown')}</span>
              ) : tracking ? (
                <span className="state-on">{t('facts.trackingOn')}</span>
              ) : (
                <span className="state-off">{t('facts.trackingOff')}</span>
              )}
            </dd>
          </dl>
          <p>
            <MalformedMark fields={[...(listed.data?.malformed ?? []), ...(segment?.malformed ?? [])]} />
          </p>
          <KeptNote
            // Its time and its refresh are this segment's: the next one (j, Next) starts afresh.
            key={id}
            id={id}
            keptAt={segment?.keptAt}
            withSizes={tracking === true || tracking === 'unknown'}
            hooks={hooks}
          />
        </section>
      }
    />
  )
}
