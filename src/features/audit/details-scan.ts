// The details scan: fetches every Braze segment's details (and 30-day size when tracked) into the query cache,
// a few at a time (fewer after a 429), with pause, resume and cancel. It lives outside React so it keeps running
// across pages, and it resumes after a reload: the cache is persisted and a marker says the scan was under way.
import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query'
import { AdaptiveConcurrency } from '../../lib/adaptive-concurrency'
import { brazeQueries } from '../../providers/braze/queries'
import { NOT_PROVIDED, type Segment } from '../../providers/segment'
import { localScanMarkerStore, type ScanMarkerStore } from './scan-marker'

export const SCAN_CONCURRENCY = 6
export const SCAN_SIZE_DAYS = 30
/** Details fetched within this time are fresh: a second scan skips them (a resumed one also skips all it fetched). */
const FRESH_MS = 10 * 60_000

export interface ScanState {
  status: 'idle' | 'preparing' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed'
  total: number
  done: number
  skipped: number
  failed: number
  /** Time spent running (pauses excluded), for the rate and the time remaining. */
  activeMs: number
  /** Requests allowed in flight now: below SCAN_CONCURRENCY after Braze answered 429, climbing back as requests succeed. */
  concurrency: number
  /** This run picks up a scan that a reload interrupted. */
  resumed: boolean
  error?: string
}

const IDLE: ScanState = {
  status: 'idle',
  total: 0,
  done: 0,
  skipped: 0,
  failed: 0,
  activeMs: 0,
  concurrency: SCAN_CONCURRENCY,
  resumed: false,
}

/** Where a run starts from: a click, or the marker a reload left behind. */
interface RunPlan {
  startedAt: number
  resumed: boolean
  paused: boolean
}

/** What one run's workers share. */
interface Run {
  signal: AbortSignal
  pace: AdaptiveConcurrency
  /** Segments fetched since then count as done. */
  fetchedSince: number
  /** Each request's 429s slow the whole scan down. */
  hooks: { onRateLimited: () => void }
}

export interface DetailsScanOptions {
  now?: () => number
  marker?: ScanMarkerStore
}

export class DetailsScan {
  private state: ScanState = IDLE
  private readonly listeners = new Set<() => void>()
  private controller: AbortController | undefined
  private resumeWaiters: (() => void)[] = []
  private runningSince = 0
  private startedAt = 0
  private readonly now: () => number
  private readonly marker: ScanMarkerStore

  constructor(private readonly queryClient: QueryClient, { now = Date.now, marker = localScanMarkerStore }: DetailsScanOptions = {}) {
    this.now = now
    this.marker = marker
  }

  getSnapshot = (): ScanState => this.state
  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Time spent running so far, including the current stretch. */
  activeMs(): number {
    return this.state.activeMs + (this.state.status === 'running' ? this.now() - this.runningSince : 0)
  }

  start(): Promise<void> {
    return this.run({ startedAt: this.now(), resumed: false, paused: false })
  }

  /** After a reload: picks up the scan the marker says was under way (paused if it was), skipping what it fetched. */
  resumeInterrupted(): Promise<void> {
    const marker = this.marker.read()
    if (!marker) return Promise.resolve()
    return this.run({ startedAt: marker.startedAt, resumed: true, paused: marker.status === 'paused' })
  }

  pause(): void {
    if (this.state.status !== 'running') return
    this.marker.write({ startedAt: this.startedAt, status: 'paused' })
    this.set({ ...this.state, status: 'paused', activeMs: this.activeMs() })
  }

  resume(): void {
    if (this.state.status !== 'paused') return
    this.marker.write({ startedAt: this.startedAt, status: 'running' })
    this.runningSince = this.now()
    this.set({ ...this.state, status: 'running' })
    for (const wake of this.resumeWaiters.splice(0)) wake()
  }

  cancel(): void {
    if (!this.isActive()) return
    this.controller?.abort()
    this.marker.clear()
    this.set({ ...this.state, status: 'cancelled', activeMs: this.activeMs() })
    for (const wake of this.resumeWaiters.splice(0)) wake()
  }

  private isActive(): boolean {
    return ['running', 'paused', 'preparing'].includes(this.state.status)
  }

  private async run(plan: RunPlan): Promise<void> {
    if (this.isActive()) return
    const controller = new AbortController()
    this.controller = controller
    this.startedAt = plan.startedAt
    this.marker.write({ startedAt: plan.startedAt, status: plan.paused ? 'paused' : 'running' })
    this.set({ ...IDLE, status: 'preparing', resumed: plan.resumed })
    let segments: Segment[]
    try {
      segments = await this.completeBrazeList()
    } catch (error) {
      if (controller.signal.aborted) return
      this.marker.clear()
      this.set({ ...this.state, status: 'failed', error: error instanceof Error ? error.message : String(error) })
      return
    }
    if (controller.signal.aborted) return
    const run = this.newRun(controller.signal, Math.min(plan.startedAt, this.now() - FRESH_MS))
    const queue = segments.filter((segment) => !this.isScanned(segment, run.fetchedSince))
    this.runningSince = this.now()
    this.set({ ...this.state, status: plan.paused ? 'paused' : 'running', total: segments.length, skipped: segments.length - queue.length })
    await Promise.all(Array.from({ length: SCAN_CONCURRENCY }, () => this.work(queue, run)))
    if (controller.signal.aborted) return
    this.marker.clear()
    this.set({ ...this.state, status: 'done', activeMs: this.activeMs() })
  }

  private newRun(signal: AbortSignal, fetchedSince: number): Run {
    const pace = new AdaptiveConcurrency(SCAN_CONCURRENCY, (concurrency) => {
      if (!signal.aborted) this.set({ ...this.state, concurrency })
    })
    return { signal, pace, fetchedSince, hooks: { onRateLimited: pace.rateLimited } }
  }

  private async work(queue: Segment[], run: Run): Promise<void> {
    for (let segment = queue.shift(); segment; segment = queue.shift()) {
      await this.whilePaused()
      if (run.signal.aborted) return
      const ok = await this.fetchOne(segment, run)
      if (run.signal.aborted) return
      this.set({ ...this.state, done: this.state.done + 1, failed: this.state.failed + (ok ? 0 : 1) })
    }
  }

  /**
   * The whole Braze list. While it streams in, the cache already holds the first pages as a "success": fetching
   * again joins the listing under way and resolves once it has ended.
   */
  private async completeBrazeList(): Promise<Segment[]> {
    const options = brazeQueries.all()
    const state = this.queryClient.getQueryState(options.queryKey)
    const cached = this.queryClient.getQueryData(options.queryKey)
    if (state?.status === 'success' && state.fetchStatus === 'idle' && cached) return cached
    return this.queryClient.fetchQuery({ ...options, staleTime: 0 })
  }

  private fetchedSince(queryKey: QueryKey, since: number): boolean {
    const state = this.queryClient.getQueryState(queryKey)
    return state?.status === 'success' && state.dataUpdatedAt >= since
  }

  /** Done when its details, and its size if tracked, were fetched since then (before a reload, or by a detail view). */
  private isScanned(segment: Segment, since: number): boolean {
    return (
      this.fetchedSince(brazeQueries.details(segment.id).queryKey, since) &&
      (!isTracked(segment) || this.fetchedSince(brazeQueries.dataSeries(segment.id, SCAN_SIZE_DAYS).queryKey, since))
    )
  }

  private whilePaused(): Promise<void> {
    if (this.state.status !== 'paused') return Promise.resolve()
    return new Promise((resolve) => this.resumeWaiters.push(resolve))
  }

  /** Each request retries on its own (429 waits, 5xx backs off); a segment that still fails is counted, not fatal. */
  private async fetchOne(segment: Segment, run: Run): Promise<boolean> {
    try {
      await this.fetchInTurn(brazeQueries.details(segment.id, run.hooks), run)
      if (run.signal.aborted || !isTracked(segment)) return true
      await this.fetchInTurn(brazeQueries.dataSeries(segment.id, SCAN_SIZE_DAYS, run.hooks), run)
      return true
    } catch {
      return false
    }
  }

  /** One request, when the pace allows one more in flight; skipped when the cache already has it since the scan began. */
  private async fetchInTurn<T, K extends QueryKey>(options: FetchQueryOptions<T, Error, T, K>, run: Run): Promise<void> {
    if (this.fetchedSince(options.queryKey, run.fetchedSince)) return
    await run.pace.run(async () => {
      // A pause or cancel while this request waited for its turn (or between a segment's two requests) holds it.
      await this.whilePaused()
      if (!run.signal.aborted) await this.queryClient.fetchQuery(options)
    })
  }

  private set(next: ScanState): void {
    this.state = next
    for (const listener of this.listeners) listener()
  }
}

function isTracked(segment: Segment): boolean {
  return segment.analyticsTracking !== NOT_PROVIDED && segment.analyticsTracking
}

const scans = new WeakMap<QueryClient, DetailsScan>()

/** One scan per QueryClient, shared by every page. */
export function detailsScanFor(queryClient: QueryClient): DetailsScan {
  let scan = scans.get(queryClient)
  if (!scan) {
    scan = new DetailsScan(queryClient)
    scans.set(queryClient, scan)
  }
  return scan
}
