// The Braze segment view: its own description, Braze's filter description, tags, teams, dates, tracking and size.
import { useTranslation } from 'react-i18next'
import { useQuery } from '@tanstack/react-query'
import { useCallback, type ReactNode } from 'react'
import { RetryAlert } from '../../components/alert'
import { Badge } from '../../components/badge'
import { LinkifiedText } from '../../components/linkified-text'
import { When } from '../../components/when'
import { SIZE_SERIES_DAYS } from '../../providers/braze/cached-queries'
import { brazeQueries } from '../../providers/braze/queries'
import { adviceForError } from '../../providers/error-advice'
import { ProviderError } from '../../providers/provider-error'
import { NOT_PROVIDED, type Segment } from '../../providers/segment'
import { DetailFrame, DetailSkeleton, SegmentNotFound } from './detail-parts'
import { SizeChart } from './size-chart'


/** Tracking comes from the list: 'absent' when the list does not hold the segment (Braze does not list archived ones). */
type TrackingState = boolean | 'loading' | 'absent' | { error: Error; retry: () => void }

function SizeSection({ id, tracking }: { id: string; tracking: TrackingState }) {
  const { t } = useTranslation()
  const series = useQuery({ ...brazeQueries.dataSeries(id, SIZE_SERIES_DAYS), enabled: tracking === true })
  let body: ReactNode
  if (tracking === 'loading') body = <DetailSkeleton />
  else if (tracking === 'absent')
    body = <p className="muted">Braze’s segment list does not include this segment (archived segments are not listed), so its tracking state and size history are unknown.</p>
  else if (typeof tracking === 'object') body = <RetryAlert {...adviceForError(tracking.error, 'braze', t)} onRetry={tracking.retry} />
  else if (!tracking) body = <p className="muted">Analytics tracking is off: Braze keeps no size history for this segment.</p>
  else if (series.isPending) body = <div className="skeleton chart-skeleton" aria-label="Loading the size history" role="img" />
  else if (series.isError)
    body = (
      <RetryAlert {...adviceForError(series.error, 'braze', t)} onRetry={() => void series.refetch()} />
    )
  else body = <SizeChart points={series.data} days={SIZE_SERIES_DAYS} />
  return (
    <section className="card" aria-labelledby="size-heading">
      <h2 id="size-heading">Size, last {SIZE_SERIES_DAYS} days</h2>
      {body}
    </section>
  )
}

function TagList({ tags, empty }: { tags: readonly string[] | undefined; empty: string }) {
  if (!tags) return <span className="skeleton" style={{ width: 120, display: 'inline-block' }} />
  if (tags.length === 0) return <span className="muted">{empty}</span>
  return (
    <ul className="chips wrap">
      {tags.map((tag) => (
        <li key={tag} className="chip">{tag}</li>
      ))}
    </ul>
  )
}

export function BrazeSegmentDetail({ id, navigation }: { id: string; navigation?: ReactNode }) {
  const details = useQuery(brazeQueries.details(id))
  const findListed = useCallback((segments: Segment[]) => segments.find((segment) => segment.id === id), [id])
  const listed = useQuery({ ...brazeQueries.all(), select: findListed })

  if (details.error instanceof ProviderError && details.error.reason === 'not_found') return <SegmentNotFound provider="braze" id={id} />
  const segment = details.data
  const tracking: TrackingState = listed.data
    ? listed.data.analyticsTracking !== NOT_PROVIDED && listed.data.analyticsTracking
    : listed.isError
      ? { error: listed.error, retry: () => void listed.refetch() }
      : listed.isSuccess && listed.fetchStatus === 'idle'
        ? 'absent'
        : 'loading'
  const unavailable = <p className="muted">Not available: the segment’s details could not be loaded.</p>
  const listedTags = listed.data && listed.data.tags !== NOT_PROVIDED ? listed.data.tags : undefined
  const textDescription = segment?.textDescription?.trim()

  return (
    <DetailFrame
      provider="braze"
      id={id}
      name={segment?.name ?? listed.data?.name}
      navigation={navigation}
      failure={details.isError ? { error: details.error, retry: () => void details.refetch() } : null}
      main={
        <>
          <section className="card" aria-labelledby="description-heading">
            <h2 id="description-heading">Description</h2>
            {details.isPending ? (
              <DetailSkeleton />
            ) : details.isError ? (
              unavailable
            ) : textDescription ? (
              <p className="text-description"><LinkifiedText text={textDescription} /></p>
            ) : (
              <p><Badge tone="danger">No description</Badge> <span className="muted">Nobody has written what this segment is for.</span></p>
            )}
          </section>
          <section className="card" aria-labelledby="filters-heading">
            <h2 id="filters-heading">Filters</h2>
            <p className="muted small">Braze’s own description of the segment’s filters.</p>
            {details.isPending ? <DetailSkeleton /> : details.isError ? unavailable : segment?.description ? <pre className="filters">{segment.description}</pre> : <p className="muted">Braze gave no filter description.</p>}
          </section>
          <SizeSection id={id} tracking={tracking} />
        </>
      }
      side={
        <section className="card" aria-labelledby="facts-heading">
          <h2 id="facts-heading">Details</h2>
          <dl className="facts">
            <dt>Tags</dt>
            <dd><TagList tags={segment?.tags ?? listedTags} empty="No tags" /></dd>
            <dt>Teams</dt>
            <dd>{segment ? (segment.teams ? <TagList tags={segment.teams} empty="No team" /> : <span className="muted">Not given by this workspace</span>) : <TagList tags={undefined} empty="" />}</dd>
            <dt>Created</dt>
            <dd>{segment?.createdAt ? <When iso={segment.createdAt} /> : <span className="muted">{segment ? 'Unknown' : '…'}</span>}</dd>
            <dt>Last updated</dt>
            <dd>{segment?.updatedAt ? <When iso={segment.updatedAt} /> : <span className="muted">{segment ? 'Unknown' : '…'}</span>}</dd>
            <dt>Analytics tracking</dt>
            <dd>{typeof tracking !== 'boolean' ? <span className="muted">{tracking === 'loading' ? '…' : 'Unknown'}</span> : tracking ? <span className="state-on">On</span> : <span className="state-off">Off</span>}</dd>
          </dl>
        </section>
      }
    />
  )
}
