// The details scan: fetches every Braze segment's details (and 30-day size when tracked) into the query cache,
// a few at a time, with pause, resume and cancel. It lives outside React so it keeps running across pages.
import type { QueryClient } from '@tanstack/react-query'
import { brazeQueries } from '../../providers/braze/queries'
import { NOT_PROVIDED, type Segment } from '../../providers/segment'

export const SCAN_CONCURRENCY = 6
export const SCAN_SIZE_DAYS = 30
/** Details fetched within this time are fresh: a second scan skips them. */
const FRESH_MS = 10 * 60_000

export interface ScanState {
  status: 'idle' | 'preparing' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed'
  total: number
  done: number
  skipped: number
  failed: number
  /** Time spent running (pauses excluded), for the rate and the time remaining. */
  activeMs: number
  error?: string
}

const IDLE: ScanState = { status: 'idle', total: 0, done: 0, skipped: 0, failed: 0, activeMs: 0 }

export class DetailsScan {
  private state: ScanState = IDLE
  private readonly listeners = new Set<() => void>()
  private controller: AbortController | undefined
  private resumeWaiters: (() => void)[] = []
  private runningSince = 0

  constructor(private readonly queryClient: QueryClient, private readonly now: () => number = Date.now) {}

  getSnapshot = (): ScanState => this.state
  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Time spent running so far, including the current stretch. */
  activeMs(): number {
    return this.state.activeMs + (this.state.status === 'running' ? this.now() - this.runningSince : 0)
  }

  async start(): Promise<void> {
    if (this.state.status === 'running' || this.state.status === 'preparing' || this.state.status === 'paused') return
    const controller = new AbortController()
    this.controller = controller
    this.set({ ...IDLE, status: 'preparing' })
    let segments: Segment[]
    try {
      segments = await this.completeBrazeList()
    } catch (error) {
      if (controller.signal.aborted) return
      this.set({ ...this.state, status: 'failed', error: error instanceof Error ? error.message : String(error) })
      return
    }
    if (controller.signal.aborted) return
    const queue = segments.filter((segment) => !this.isFresh(segment.id))
    this.runningSince = this.now()
    this.set({ ...this.state, status: 'running', total: segments.length, skipped: segments.length - queue.length })
    const worker = async () => {
      for (let segment = queue.shift(); segment; segment = queue.shift()) {
        await this.whilePaused()
        if (controller.signal.aborted) return
        const ok = await this.fetchOne(segment, controller.signal)
        if (controller.signal.aborted) return
        this.set({ ...this.state, done: this.state.done + 1, failed: this.state.failed + (ok ? 0 : 1) })
      }
    }
    await Promise.all(Array.from({ length: SCAN_CONCURRENCY }, worker))
    if (!controller.signal.aborted) this.set({ ...this.state, status: 'done', activeMs: this.activeMs() })
  }

  pause(): void {
    if (this.state.status !== 'running') return
    this.set({ ...this.state, status: 'paused', activeMs: this.activeMs() })
  }

  resume(): void {
    if (this.state.status !== 'paused') return
    this.runningSince = this.now()
    this.set({ ...this.state, status: 'running' })
    for (const wake of this.resumeWaiters.splice(0)) wake()
  }

  cancel(): void {
    if (!['running', 'paused', 'preparing'].includes(this.state.status)) return
    this.controller?.abort()
    this.set({ ...this.state, status: 'cancelled', activeMs: this.activeMs() })
    for (const wake of this.resumeWaiters.splice(0)) wake()
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

  private isFresh(id: string): boolean {
    const state = this.queryClient.getQueryState(brazeQueries.details(id).queryKey)
    return state?.status === 'success' && this.now() - state.dataUpdatedAt < FRESH_MS
  }

  private whilePaused(): Promise<void> {
    if (this.state.status !== 'paused') return Promise.resolve()
    return new Promise((resolve) => this.resumeWaiters.push(resolve))
  }

  /** Each request retries on its own (429 waits, 5xx backs off); a segment that still fails is counted, not fatal. */
  private async fetchOne(segment: Segment, signal: AbortSignal): Promise<boolean> {
    try {
      await this.queryClient.fetchQuery(brazeQueries.details(segment.id))
      // A pause or cancel between a segment's two requests holds the second one too.
      await this.whilePaused()
      if (signal.aborted) return true
      if (segment.analyticsTracking !== NOT_PROVIDED && segment.analyticsTracking) {
        await this.queryClient.fetchQuery(brazeQueries.dataSeries(segment.id, SCAN_SIZE_DAYS))
      }
      return true
    } catch {
      return false
    }
  }

  private set(next: ScanState): void {
    this.state = next
    for (const listener of this.listeners) listener()
  }
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
