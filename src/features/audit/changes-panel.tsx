// "Changed since the last audit": new, gone, renamed and re-tagged segments against the previous session's snapshot.
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { formatDateTime, formatNumber } from '../../lib/format'
import { providerLabel, type ProviderId } from '../../providers/provider-error'
import { segmentPath } from '../../providers/segment'
import { useAuditBaseline, type AuditBaseline } from '../../stores/audit-baseline'
import { compareWithBaseline } from './session-changes'
import type { ListedSegments } from './use-listed-segments'

const SHOWN = 50

function ChangeGroup<T>({ title, items, render }: { title: string; items: readonly T[]; render: (item: T) => ReactNode }) {
  if (items.length === 0) {
    return (
      <div className="change-group">
        <h3>
          {title} <span className="count-pill">0</span>
        </h3>
      </div>
    )
  }
  return (
    <details className="change-group">
      <summary>
        <h3>
          {title} <span className="count-pill">{formatNumber(items.length)}</span>
        </h3>
      </summary>
      <ul className="change-list">
        {items.slice(0, SHOWN).map(render)}
        {items.length > SHOWN ? <li className="muted">…and {formatNumber(items.length - SHOWN)} more</li> : null}
      </ul>
    </details>
  )
}

function baselineText(baseline: AuditBaseline): string {
  const when = formatDateTime(baseline.takenAt)
  return baseline.source === 'import'
    ? `Compared with the session imported from ${baseline.fileName ?? 'a file'} (exported ${when})`
    : `Compared with the session exported ${when}`
}

const providerOf = (key: string) => key.slice(0, key.indexOf(':')) as ProviderId

export function ChangesPanel({ listed }: { listed: ListedSegments }) {
  const state = useAuditBaseline()
  let body: ReactNode
  if (state.status === 'loading') body = <p className="muted">Reading the previous session…</p>
  else if (!state.baseline) {
    body = (
      <p className="muted">
        No previous session in this browser yet. Export this session (or import one) and, next time, this lists the
        segments created, deleted, renamed or re-tagged since.
      </p>
    )
  } else if (listed.loading) body = <p className="muted">{baselineText(state.baseline)}. Waiting for the segment lists…</p>
  else {
    const changes = compareWithBaseline(state.baseline, listed.segments, listed.completeProviders)
    body = (
      <>
        <p className="muted">
          {baselineText(state.baseline)}, for {changes.providers.map((provider) => providerLabel[provider]).join(' and ') || 'no provider'}.
        </p>
        <ChangeGroup
          title="New"
          items={changes.added}
          render={(segment) => (
            <li key={segment.key}>
              <Link to={segmentPath(segment)}>{segment.name}</Link> <span className="muted">· {providerLabel[segment.provider]}</span>
            </li>
          )}
        />
        <ChangeGroup
          title="Gone"
          items={changes.gone}
          render={(segment) => (
            <li key={segment.key}>
              {segment.name} <span className="muted">· {providerLabel[providerOf(segment.key)]}</span>
            </li>
          )}
        />
        <ChangeGroup
          title="Renamed"
          items={changes.renamed}
          render={({ segment, previousName }) => (
            <li key={segment.key}>
              <span className="muted">{previousName}</span> → <Link to={segmentPath(segment)}>{segment.name}</Link>
            </li>
          )}
        />
        <ChangeGroup
          title="Re-tagged"
          items={changes.retagged}
          render={({ segment, added, removed }) => (
            <li key={segment.key}>
              <Link to={segmentPath(segment)}>{segment.name}</Link>
              {added.length > 0 ? <span className="tag-change tag-added"> + {added.join(', ')}</span> : null}
              {removed.length > 0 ? <span className="tag-change tag-removed"> − {removed.join(', ')}</span> : null}
            </li>
          )}
        />
      </>
    )
  }
  return (
    <section className="card" aria-labelledby="changes-heading">
      <h2 id="changes-heading">Changed since the last audit</h2>
      {body}
    </section>
  )
}
