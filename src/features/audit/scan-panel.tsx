// The details scan's controls and progress: count, rate and time remaining, with Pause, Resume and Cancel; whether it
// resumed after a reload, and whether Braze's rate limit slowed it down.
import { useQueryClient } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import { formatNumber } from '../../lib/format'
import { detailsScanFor, SCAN_CONCURRENCY, type DetailsScan, type ScanState } from './details-scan'

function remainingText(scan: DetailsScan, state: ScanState): string {
  const seconds = scan.activeMs() / 1000
  const fetched = state.done
  if (fetched === 0 || seconds <= 0) return ''
  const rate = fetched / seconds
  const left = Math.max(state.total - state.skipped - fetched, 0) / rate
  const remaining = left < 60 ? `${Math.ceil(left)} s` : `${Math.ceil(left / 60)} min`
  return ` · ${formatNumber(Math.round(rate * 10) / 10)} per second · about ${remaining} left`
}

const STATUS_TEXT: Partial<Record<ScanState['status'], string>> = {
  preparing: 'Waiting for the Braze list…',
  paused: 'Paused',
  done: 'Scan complete',
  cancelled: 'Scan cancelled',
}

/** What a scan picked up after a reload says while it is under way. */
const RESUMED_TEXT: Partial<Record<ScanState['status'], string>> = {
  preparing: 'Resuming after reload, waiting for the Braze list…',
  running: 'Resumed after reload',
  paused: 'Paused before the reload',
}

function statusPrefix(state: ScanState): string {
  const text = (state.resumed ? RESUMED_TEXT[state.status] : undefined) ?? STATUS_TEXT[state.status]
  return text ? `${text}: ` : ''
}

/** Only said while Braze's 429s hold the scan below its usual pace. */
function slowedText(state: ScanState): string {
  if (state.concurrency >= SCAN_CONCURRENCY || (state.status !== 'running' && state.status !== 'paused')) return ''
  return ` · slowed down to ${formatNumber(state.concurrency)} at a time: Braze asked to wait`
}

export function ScanPanel() {
  const scan = detailsScanFor(useQueryClient())
  const state = useSyncExternalStore(scan.subscribe, scan.getSnapshot)
  const toFetch = state.total - state.skipped
  const active = state.status === 'running' || state.status === 'paused' || state.status === 'preparing'
  return (
    <section className="card" aria-labelledby="scan-heading">
      <h2 id="scan-heading">Details scan</h2>
      <p className="muted">
        Fetches every Braze segment’s details (and its 30-day size when tracked), {SCAN_CONCURRENCY} at a time, so the list
        can show dates and descriptions. It keeps running while you use the other pages, and picks up where it stopped after a reload.
      </p>
      {state.status !== 'idle' ? (
        <>
          <progress className="scan-progress" aria-label="Details scan" max={Math.max(toFetch, 1)} value={state.status === 'done' ? Math.max(toFetch, 1) : state.done} />
          <p role="status">
            {statusPrefix(state)}
            {formatNumber(state.done)} of {formatNumber(toFetch)} fetched
            {state.skipped > 0 ? `, ${formatNumber(state.skipped)} already fresh` : ''}
            {state.failed > 0 ? `, ${formatNumber(state.failed)} failed` : ''}
            {state.status === 'running' ? remainingText(scan, state) : ''}
            {slowedText(state)}
          </p>
          {state.status === 'failed' ? <p className="field-problem">The scan could not start: {state.error}</p> : null}
        </>
      ) : null}
      <div className="button-row">
        {!active ? (
          <button type="button" className="button button-primary" onClick={() => void scan.start()}>
            {state.status === 'idle' ? 'Scan details' : 'Scan again'}
          </button>
        ) : null}
        {state.status === 'running' ? <button type="button" className="button" onClick={() => scan.pause()}>Pause</button> : null}
        {state.status === 'paused' ? <button type="button" className="button button-primary" onClick={() => scan.resume()}>Resume</button> : null}
        {active ? <button type="button" className="button" onClick={() => scan.cancel()}>Cancel</button> : null}
      </div>
    </section>
  )
}
