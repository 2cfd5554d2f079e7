// A Braze segment's size history, as its page shows it: asked for only when the list says the segment is tracked (or
// could not say), with why it is absent otherwise.
import { useQuery } from '@tanstack/react-query'
import { useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SIZE_SERIES_DAYS } from '../../providers/braze/cached-queries'
import { brazeQueries } from '../../providers/braze/queries'
import { isNotConfigured } from '../../providers/error-advice'
import type { RequestHooks } from './braze-waits'
import { DetailSkeleton, ProviderAlert } from './detail-parts'
import { SizeChart } from './size-chart'

/**
 * Tracking comes from the list: 'absent' when the list does not hold the segment (Braze does not list archived ones),
 * 'unknown' when its row's flag did not read (its size is asked for anyway: Braze's answer says whether it has one).
 */
export type TrackingState = boolean | 'loading' | 'absent' | 'unknown' | { error: Error; retry: () => void }

interface SizeSectionProps {
  id: string
  tracking: TrackingState
  /** The page's request hooks: a wait (Braze's, or a hold of its reserve) is said at the top of the page. */
  hooks: RequestHooks
}

export function SizeSection({ id, tracking, hooks }: SizeSectionProps) {
  const { t } = useTranslation('detail')
  // A Retry here that brings the size (or the list it needs) leaves the keyboard on this section's heading.
  const heading = useRef<HTMLHeadingElement>(null)
  const series = useQuery({
    ...brazeQueries.dataSeries(id, SIZE_SERIES_DAYS, hooks),
    enabled: tracking === true || tracking === 'unknown',
  })
  let body: ReactNode
  if (tracking === 'loading') body = <DetailSkeleton />
  else if (tracking === 'absent') body = <p className="muted">{t('size.absent')}</p>
  // Not configured: the page's alert says what to set; a second one here would only repeat it.
  else if (typeof tracking === 'object' && isNotConfigured(tracking.error))
    body = <p className="muted">{t('size.notConfigured')}</p>
  else if (typeof tracking === 'object')
    body = (
      <ProviderAlert
        error={tracking.error}
        provider="braze"
        retry={tracking.retry}
        retries="list"
        focusAfter={heading}
      />
    )
  else if (tracking === false) body = <p className="muted">{t('size.trackingOff')}</p>
  else if (series.isPending)
    body = <div className="skeleton chart-skeleton" aria-label={t('size.loading')} role="img" />
  else if (series.isError)
    body = (
      <ProviderAlert
        error={series.error}
        provider="braze"
        retry={() => void series.refetch()}
        retries="sizeHistory"
        focusAfter={heading}
      />
    )
  else body = <SizeChart points={series.data} days={SIZE_SERIES_DAYS} />
  return (
    <section className="card" aria-labelledby="size-heading">
      <h2 id="size-heading" ref={heading} tabIndex={-1}>
        {t('size.heading', { count: SIZE_SERIES_DAYS })}
      </h2>
      {body}
    </section>
  )
}
