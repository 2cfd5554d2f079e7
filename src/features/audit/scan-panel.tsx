// The details scan's controls and progress: count, rate and time remaining, with Pause, Resume and Cancel; whether it
// resumed after a reload, whether Braze's rate limit slowed it down or it waits for the app's server, and how the last
// scan ended. Not offered while the Braze list failed: it would only fail the same way.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/alert'
import { useFormat } from '../../components/use-format'
import { adviceForError, isNotConfigured, resumeTimeFormat } from '../../providers/error-advice'
import type { Segment } from '../../providers/segment'
import { problemOf, type LastScan } from '../../stores/last-scan'
import type { AuditT } from './audit-t'
import { ScanCost } from './scan-cost'
import { detailsScanFor, SCAN_CONCURRENCY, SERVER_RECHECK_MS, type DetailsScan, type ScanState } from './details-scan'
import { KeptDetails } from './kept-details'

/** Rate and time remaining, once something was fetched. */
function remainingParts(t: AuditT, scan: DetailsScan, state: ScanState): string[] {
  const seconds = scan.activeMs() / 1000
  const fetched = state.done
  if (fetched === 0 || seconds <= 0) return []
  const rate = fetched / seconds
  const left = Math.max(state.total - state.skipped - fetched, 0) / rate
  const time =
    left < 60 ? t('scan.seconds', { value: Math.ceil(left) }) : t('scan.minutes', { value: Math.ceil(left / 60) })
  return [t('scan.rate', { rate: Math.round(rate * 10) / 10 }), t('scan.remaining', { time })]
}

const STATES = ['preparing', 'paused', 'done', 'cancelled'] as const
/** What a scan picked up after a reload says while it is under way. */
const RESUMED_STATES = ['preparing', 'running', 'paused'] as const

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value)

function stateText(t: AuditT, state: ScanState): string | undefined {
  const { status, resumeAt } = state
  if (status === 'waiting')
    // A wait with no time to give is for the app's own server, not for Braze.
    return resumeAt === undefined
      ? t('scan.state.waitingServer', { seconds: SERVER_RECHECK_MS / 1000 })
      : t('scan.state.waiting', {
          time: new Date(resumeAt),
          formatParams: { time: resumeTimeFormat(resumeAt, Date.now()) },
        })
  if (state.resumed && isOneOf(RESUMED_STATES, status)) return t(`scan.resumed.${status}`)
  return isOneOf(STATES, status) ? t(`scan.state.${status}`) : undefined
}

/** Only said while Braze's 429s hold the scan below its usual pace. */
function slowedParts(t: AuditT, state: ScanState): string[] {
  if (state.concurrency >= SCAN_CONCURRENCY || (state.status !== 'running' && state.status !== 'paused')) return []
  return [t('scan.slowed', { concurrency: state.concurrency })]
}

/** "3 of 120 fetched, 2 already fresh, 1 failed". */
function countsText(t: AuditT, counts: Pick<LastScan, 'fetched' | 'toFetch' | 'skipped' | 'failed'>): string {
  const parts = [t('scan.fetched', { count: counts.fetched, total: counts.toFetch })]
  if (counts.skipped > 0) parts.push(t('scan.fresh', { count: counts.skipped }))
  if (counts.failed > 0) parts.push(t('scan.failedCount', { count: counts.failed }))
  return parts.join(', ')
}

/** "Paused: 3 of 120 fetched, 2 already fresh, 1 failed · 2.5 per second · about 1 min left". */
function statusText(t: AuditT, scan: DetailsScan, state: ScanState): string {
  const prefix = stateText(t, state)
  // Until the Braze list is known there is nothing to count: "Waiting for the Braze list…", not "…: 0 of 0 fetched".
  if (state.total === 0) return prefix ?? ''
  const counts = {
    fetched: state.done,
    toFetch: state.total - state.skipped,
    skipped: state.skipped,
    failed: state.failed,
  }
  const progress = [
    countsText(t, counts),
    ...(state.status === 'running' ? remainingParts(t, scan, state) : []),
    ...slowedParts(t, state),
  ].join(' · ')
  return prefix ? t('scan.withState', { state: prefix, progress }) : progress
}

/** How the last scan ended, kept in this browser: said after a reload, before any new scan. */
function LastScanNote({ last }: { last: LastScan }) {
  const { t } = useTranslation(['audit', 'common'])
  const { t: tCommon } = useTranslation()
  const format = useFormat()
  const problem = problemOf(last)
  const advice = problem ? adviceForError(problem, problem.provider, tCommon) : undefined
  return (
    <p className="muted last-scan">
      {/* The error is a sentence of its own, after a full stop: French puts no capital after a colon. */}
      {t(advice ? 'scan.last.failedBy' : `scan.last.${last.status}`, {
        when: format.dateTime(new Date(last.endedAt).toISOString()),
      })}{' '}
      {advice ? `${advice.title}. ${advice.advice}` : countsText(t, last)}
    </p>
  )
}

interface ScanPanelProps {
  segments: readonly Segment[]
  /** Why the Braze list failed, if it did: the scan needs it. */
  listFailure?: Error
  /**
   * The Braze list is not whole yet (not answered, or its pages still arriving): what a scan would cost is not known
   * (one started now waits for the whole list).
   */
  listPending?: boolean
}

export function ScanPanel({ segments, listFailure, listPending = false }: ScanPanelProps) {
  const { t } = useTranslation(['audit', 'common'])
  const { t: tCommon } = useTranslation()
  const scan = detailsScanFor(useQueryClient())
  const state = useSyncExternalStore(scan.subscribe, scan.getSnapshot)
  const toFetch = state.total - state.skipped
  const active = ['running', 'paused', 'waiting', 'preparing'].includes(state.status)
  // The same plain words as everywhere else, never the error's own message.
  const problem = state.status === 'failed' ? adviceForError(state.problem, 'braze', tCommon) : undefined
  const listProblem = listFailure && !active ? adviceForError(listFailure, 'braze', tCommon) : undefined
  const [last] = useState(() => scan.lastEnded())
  // The whole Braze list has none (a workspace without segments): a scan has nothing to fetch, not everything fresh.
  const noBrazeSegment =
    !listFailure && !listPending && !active && !segments.some((segment) => segment.provider === 'braze')
  // A control pressed makes way for the next (Scan → Pause → Resume → Pause, Cancel → Scan again): the keyboard goes
  // on to the first control now shown, not to the page's top; Pause once a starting scan runs, not Cancel.
  const controls = useRef<HTMLDivElement>(null)
  const pressed = useRef(false)
  // The keyboard on a control the scan takes away as it ends by itself (Pause, Cancel) goes on to Scan again too.
  const keyboardIn = useRef(false)
  useEffect(() => {
    const first = controls.current?.querySelector('button')
    const dropped = keyboardIn.current && document.activeElement === document.body
    if ((!pressed.current && !dropped) || !first) return
    if (document.activeElement === document.body || controls.current?.contains(document.activeElement)) first.focus()
    pressed.current = state.status === 'preparing'
  }, [state.status])
  const start = (refresh: boolean) => {
    pressed.current = true
    void scan.start({ refresh })
  }
  return (
    <section className="card" aria-labelledby="scan-heading">
      <h2 id="scan-heading">{t('scan.heading')}</h2>
      <p className="muted">{t('scan.intro', { concurrency: SCAN_CONCURRENCY })}</p>
      {listProblem && isNotConfigured(listFailure) ? (
        // Said with what to set in the progress card: here, only why there is no scan.
        <p className="muted">{t('scan.notConfigured')}</p>
      ) : listProblem ? (
        <Alert tone="warning" title={t('scan.needsList')}>
          {`${listProblem.title}. ${listProblem.advice}`}
        </Alert>
      ) : active ? null : listPending ? (
        // No segment yet is not "every segment up to date", nor is part of the list what a scan costs: the plan
        // waits for the whole list.
        <p className="muted">{t('scan.state.preparing')}</p>
      ) : noBrazeSegment ? (
        <p className="muted">{t('scan.noBrazeSegment')}</p>
      ) : (
        <ScanCost segments={segments} />
      )}
      <KeptDetails disabled={active} onRefresh={() => start(true)} />
      {state.status !== 'idle' ? (
        <>
          <progress
            className="scan-progress"
            aria-label={t('scan.progressLabel')}
            max={Math.max(toFetch, 1)}
            value={state.status === 'done' ? Math.max(toFetch, 1) : state.done}
          />
          {/* Said when the scan's state changes (paused, waiting, over); while it runs, each answer changes the
              count, rate and time left, many times a second: there to read, not said at each. */}
          <p role="status" aria-live={state.status === 'running' ? 'off' : undefined}>
            {statusText(t, scan, state)}
          </p>
          {problem ? (
            // The error's title opens the text as a sentence of its own, not glued to the alert's title after a
            // colon (after which French puts no capital).
            <Alert tone="error" title={t('scan.stopped')}>
              {`${problem.title}. ${problem.advice}`}
            </Alert>
          ) : null}
        </>
      ) : last ? (
        <LastScanNote last={last} />
      ) : null}
      <div
        className="button-row"
        ref={controls}
        onClick={() => (pressed.current = true)}
        onFocus={() => (keyboardIn.current = true)}
        // A control taken away says nothing of where the keyboard went: only a control elsewhere is leaving.
        onBlur={({ relatedTarget }) => {
          if (relatedTarget) keyboardIn.current = controls.current?.contains(relatedTarget) ?? false
        }}
      >
        {!active && !listProblem ? (
          <button
            type="button"
            className="button button-primary"
            disabled={noBrazeSegment}
            onClick={() => start(false)}
          >
            {state.status === 'idle' ? t('scan.start') : t('scan.again')}
          </button>
        ) : null}
        {/* A scan waiting by itself (for Braze's reset, or for the app's server) can be paused too: it then stays
            paused past the wait, until Resume. Kept as the wait begins, so that the keyboard on it stays there. */}
        {state.status === 'running' || state.status === 'waiting' ? (
          <button type="button" className="button" onClick={() => scan.pause()}>
            {t('scan.pause')}
          </button>
        ) : null}
        {state.status === 'paused' ? (
          <button type="button" className="button button-primary" onClick={() => scan.resume()}>
            {t('scan.resume')}
          </button>
        ) : null}
        {active ? (
          <button type="button" className="button" onClick={() => scan.cancel()}>
            {t('scan.cancel')}
          </button>
        ) : null}
      </div>
    </section>
  )
}
