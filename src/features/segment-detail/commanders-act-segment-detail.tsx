// The Commanders Act segment view: all this provider exposes — id, label and site.
import { useQuery } from '@tanstack/react-query'
import { useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { commandersActQueries } from '../../providers/commanders-act/queries'
import { connectionStatusQuery } from '../../providers/connection-status'
import { DetailFrame, DetailSkeleton, SegmentNotFound } from './detail-parts'

export function CommandersActSegmentDetail({ id, navigation }: { id: string; navigation?: ReactNode }) {
  const { t } = useTranslation('detail')
  const list = useQuery(commandersActQueries.all())
  const status = useQuery(connectionStatusQuery())
  // A Retry that brings the list leaves the keyboard on the segment's details.
  const heading = useRef<HTMLHeadingElement>(null)
  const segment = list.data?.find((candidate) => candidate.id === id)
  if (list.isSuccess && !segment && list.fetchStatus === 'idle')
    return <SegmentNotFound provider="commanders-act" id={id} navigation={navigation} />
  const site = status.data?.providers.commandersAct.configured ? status.data.providers.commandersAct.site : undefined
  return (
    <DetailFrame
      provider="commanders-act"
      id={id}
      name={segment?.name}
      nameUnavailable={list.isError}
      navigation={navigation}
      failure={
        list.isError
          ? { error: list.error, retry: () => void list.refetch(), retries: 'list', focusAfter: heading }
          : null
      }
      main={
        <section className="card" aria-labelledby="facts-heading">
          <h2 id="facts-heading" ref={heading} tabIndex={-1}>
            {t('facts.heading')}
          </h2>
          {list.isPending ? (
            <DetailSkeleton />
          ) : (
            <dl className="facts">
              <dt>{t('facts.label')}</dt>
              <dd>{segment?.name ?? '—'}</dd>
              <dt>{t('facts.id')}</dt>
              <dd>
                <code>{id}</code>
              </dd>
              <dt>{t('facts.site')}</dt>
              <dd>
                <code>{site ?? '—'}</code>
              </dd>
            </dl>
          )}
          <p className="muted">{t('commandersAct.nothingMore')}</p>
        </section>
      }
    />
  )
}
