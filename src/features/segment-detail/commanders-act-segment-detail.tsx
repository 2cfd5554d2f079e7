// The Commanders Act segment view: all this provider exposes — id, label and site.
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { RetryAlert } from '../../components/alert'
import { commandersActQueries } from '../../providers/commanders-act/queries'
import { connectionStatusQuery } from '../../providers/connection-status'
import { adviceForError } from '../../providers/error-advice'
import { segmentKey } from '../../providers/segment'
import { AuditPanel } from './audit-panel'
import { DetailHeader, DetailSkeleton, SegmentNotFound } from './detail-parts'

export function CommandersActSegmentDetail({ id, navigation }: { id: string; navigation?: ReactNode }) {
  const list = useQuery(commandersActQueries.all())
  const status = useQuery(connectionStatusQuery())
  const segment = list.data?.find((candidate) => candidate.id === id)
  if (list.isSuccess && !segment && list.fetchStatus === 'idle') return <SegmentNotFound provider="commanders-act" id={id} />
  const site = status.data?.providers.commandersAct.configured ? status.data.providers.commandersAct.site : undefined
  return (
    <>
      {navigation}
      <DetailHeader provider="commanders-act" id={id} name={segment?.name} />
      {list.isError ? (
        <RetryAlert {...adviceForError(list.error, 'commanders-act')} onRetry={() => void list.refetch()} />
      ) : null}
      <div className="detail-grid">
        <div className="detail-main">
          <section className="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading">Details</h2>
            {list.isPending ? (
              <DetailSkeleton />
            ) : (
              <dl className="facts">
                <dt>Label</dt>
                <dd>{segment?.name ?? '—'}</dd>
                <dt>ID</dt>
                <dd><code>{id}</code></dd>
                <dt>Site</dt>
                <dd><code>{site ?? '—'}</code></dd>
              </dl>
            )}
            <p className="muted">
              Commanders Act exposes no description, tags or dates for segments: its API lists only each segment’s ID and label.
            </p>
          </section>
        </div>
        <aside className="detail-side">
          <AuditPanel segmentKey={segmentKey('commanders-act', id)} />
        </aside>
      </div>
    </>
  )
}
