// "Changed since the last audit": new, gone, renamed and re-tagged segments against the previous session's snapshot.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormat } from '../../components/use-format'
import { isProviderId, providerLabel, providerName, splitSegmentKey } from '../../providers/provider-id'
import { segmentPath } from '../../providers/segment'
import { Alert } from '../../components/alert'
import {
  baselineFromSession,
  getBaselineStore,
  useAuditBaseline,
  type AuditBaseline,
} from '../../stores/audit-baseline'
import { useVerdict } from '../../stores/use-verdicts'
import type { AuditT } from './audit-t'
import { sessionFile } from './session-export'
import { compareWithBaseline } from './session-changes'
import type { ListedSegments } from './use-listed-segments'

const SHOWN = 50

function ChangeGroup<T>({
  title,
  items,
  render,
}: {
  title: string
  items: readonly T[]
  render: (item: T) => ReactNode
}) {
  const { t } = useTranslation(['audit', 'common'])
  const format = useFormat()
  // A summary is announced as a disclosure button: no heading inside it; an empty group is plain text alike.
  if (items.length === 0) {
    return (
      <p className="change-group change-empty">
        <span className="change-title">{title}</span> <span className="count-pill">0</span>
      </p>
    )
  }
  return (
    <details className="change-group">
      <summary>
        <span className="change-title">{title}</span> <span className="count-pill">{format.number(items.length)}</span>
      </summary>
      <ul className="change-list">
        {items.slice(0, SHOWN).map(render)}
        {items.length > SHOWN ? <li className="muted">{t('changes.more', { count: items.length - SHOWN })}</li> : null}
      </ul>
    </details>
  )
}

/**
 * A segment the snapshot had and the lists no longer do: its page says it is gone, and keeps the team's review of it,
 * which is said here too.
 */
function GoneItem({ segmentKey, name }: { segmentKey: string; name: string }) {
  const { t } = useTranslation(['audit', 'common'])
  const verdict = useVerdict(segmentKey)?.verdict
  const { provider, id } = splitSegmentKey(segmentKey)
  return (
    <li>
      {isProviderId(provider) ? <Link to={segmentPath({ provider, id })}>{name || id}</Link> : name || id}{' '}
      <span className="muted">
        · {providerName(provider)}
        {verdict && verdict !== 'unreviewed' ? ` · ${t(`common:verdict.${verdict}`)}` : null}
      </span>
    </li>
  )
}

function baselineText(t: AuditT, baseline: AuditBaseline, dateTime: (iso: string) => string): string {
  const when = dateTime(baseline.takenAt)
  if (baseline.source === 'import')
    return t('changes.imported', { file: baseline.fileName ?? t('changes.aFile'), when })
  return baseline.source === 'start' ? t('changes.started', { when }) : t('changes.exported', { when })
}

export function ChangesPanel({ listed }: { listed: ListedSegments }) {
  const { t } = useTranslation(['audit', 'common'])
  const format = useFormat()
  const state = useAuditBaseline()
  const baseline = state.status === 'ready' ? state.baseline : null
  const { segments, completeProviders, loading } = listed
  // Compared again only when the snapshot or the lists change: every segment's name and tags, ~10–20 ms for 12,000,
  // were compared at each render of the page (a scan's every quarter of a second, each poll that brought a verdict).
  const changes = useMemo(
    () => (baseline && !loading ? compareWithBaseline(baseline, segments, completeProviders) : null),
    [baseline, loading, segments, completeProviders],
  )
  let body: ReactNode
  if (state.status === 'loading') body = <p className="muted">{t('changes.reading')}</p>
  else if (!state.baseline) body = <p className="muted">{t('changes.noBaseline')}</p>
  else if (!changes)
    body = (
      <p className="muted">{t('changes.waiting', { baseline: baselineText(t, state.baseline, format.dateTime) })}</p>
    )
  else {
    const providers = changes.providers.map((provider) => providerLabel[provider])
    body =
      providers.length === 0 ? (
        <p className="muted">
          {t('changes.nothingComparable', { baseline: baselineText(t, state.baseline, format.dateTime) })}
        </p>
      ) : (
        <>
          <p className="muted">
            {t('changes.forProviders', {
              baseline: baselineText(t, state.baseline, format.dateTime),
              providers: new Intl.ListFormat(format.locale, { type: 'conjunction' }).format(providers),
            })}
          </p>
          {/* A name that did not read (a malformed answer, now or in the snapshot): its id, as the list names it. */}
          <ChangeGroup
            title={t('changes.new')}
            items={changes.added}
            render={(segment) => (
              <li key={segment.key}>
                <Link to={segmentPath(segment)}>{segment.name || segment.id}</Link>{' '}
                <span className="muted">· {providerLabel[segment.provider]}</span>
              </li>
            )}
          />
          <ChangeGroup
            title={t('changes.gone')}
            items={changes.gone}
            render={(segment) => <GoneItem key={segment.key} segmentKey={segment.key} name={segment.name} />}
          />
          <ChangeGroup
            title={t('changes.renamed')}
            items={changes.renamed}
            render={({ segment, previousName }) => (
              <li key={segment.key}>
                <span className="muted">{previousName}</span> → <Link to={segmentPath(segment)}>{segment.name}</Link>
              </li>
            )}
          />
          <ChangeGroup
            title={t('changes.retagged')}
            items={changes.retagged}
            render={({ segment, added, removed }) => (
              <li key={segment.key}>
                <Link to={segmentPath(segment)}>{segment.name || segment.id}</Link>
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
      <h2 id="changes-heading">{t('changes.heading')}</h2>
      {body}
      <StartNewAudit listed={listed} baseline={state.status === 'ready' ? state.baseline : null} />
    </section>
  )
}

/**
 * The one way to move the comparison on: today's segments become what the next visits compare with. It replaces the
 * previous snapshot for good (the changes since it are no longer listed), so with one kept it asks first, saying that
 * the team's verdicts and notes are not touched; Escape or Cancel leaves everything as it was.
 */
function StartNewAudit({ listed, baseline }: { listed: ListedSegments; baseline: AuditBaseline | null }) {
  const { t } = useTranslation('audit')
  const format = useFormat()
  const [problem, setProblem] = useState<string | null>(null)
  const [asking, setAsking] = useState(false)
  const questionId = useId()
  const whatId = useId()
  const startButton = useRef<HTMLButtonElement>(null)
  const confirmButton = useRef<HTMLButtonElement>(null)
  // The keyboard goes to the answer as the question opens, and back to the button once it is answered.
  const answered = useRef(false)
  useEffect(() => {
    if (asking) confirmButton.current?.focus()
    else if (answered.current) {
      answered.current = false
      startButton.current?.focus()
    }
  }, [asking])
  const start = async () => {
    const snapshot = sessionFile([], listed.segments, listed.completeProviders, new Date())
    try {
      await getBaselineStore().save(baselineFromSession(snapshot, 'start'))
      setProblem(null)
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    }
  }
  const answer = (confirmed: boolean) => {
    answered.current = true
    setAsking(false)
    if (confirmed) void start()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    event.stopPropagation()
    answer(false)
  }
  const disabled = listed.loading || listed.completeProviders.length === 0
  return (
    <>
      {asking && baseline && !disabled ? (
        <div
          className="alert alert-warning start-confirm"
          role="group"
          aria-labelledby={questionId}
          aria-describedby={whatId}
          onKeyDown={onKeyDown}
        >
          <div className="alert-body">
            <p className="alert-title" id={questionId}>
              {t('changes.confirmTitle')}
            </p>
            <p className="alert-text" id={whatId}>
              {t('changes.confirm', { when: format.dateTime(baseline.takenAt) })}
            </p>
            <div className="button-row">
              <button ref={confirmButton} type="button" className="button button-primary" onClick={() => answer(true)}>
                {t('changes.confirmStart')}
              </button>
              <button type="button" className="button" onClick={() => answer(false)}>
                {t('changes.cancel')}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button
            ref={startButton}
            type="button"
            className="button"
            disabled={disabled}
            onClick={() => (baseline ? setAsking(true) : void start())}
          >
            {t('changes.start')}
          </button>
        </div>
      )}
      <p className="muted small-print">{t('changes.startHint')}</p>
      {problem ? (
        <Alert tone="warning" title={t('changes.startFailed')}>
          {problem}
        </Alert>
      ) : null}
    </>
  )
}
