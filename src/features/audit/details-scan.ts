// The details scan: fetches every Braze segment's details (and 30-day size when tracked) into the query cache,
// a few at a time (fewer after a 429), with pause, resume and cancel. It lives outside React so it keeps running
// across pages, and it resumes after a reload: the cache is persisted and a marker says the scan was under way.
import type { FetchQueryOptions, QueryClient, QueryKey, QueryState } from '@tanstack/react-query'
import { AdaptiveConcurrency } from '../../lib/adaptive-concurrency'
import { abortableSleep } from '../../lib/http'
import { ProviderError, type ProviderErrorReason } from '../../providers/provider-error'
import { brazeQueries, brazeSegmentOf } from '../../providers/braze/queries'
import { SIZE_SERIES_DAYS } from '../../providers/braze/cached-queries'
import type { Segment } from '../../providers/segment'
import { providerCacheQuery } from '../../stores/audit-queries'
import type { ProviderCacheAnswer } from '../../stores/audit-contract'
import { keptProblem, localLastScanStore, type LastScan, type LastScanStore } from '../../stores/last-scan'
import { localScanMarkerStore, type ScanMarkerStore } from './scan-marker'

export const SCAN_CONCURRENCY = 6
/**
 * Details fetched within this time are fresh: a second scan skips them (a resumed one also skips all it fetched), and
 * so it does what the server keeps (keptMs).
 */
const FRESH_MS = 10 * 60_000

/**
 * How long the server keeps each Braze answer that passes through it (0: it keeps none, or did not say). An answer this
 * browser holds from within that time, its own or one the team's scans kept (src/stores/team-details.ts), is one the
 * server would send back as it is: asking for it again costs Braze nothing and changes nothing, so a scan does not,
 * and what it plans, counts and times is what Braze still has to answer.
 */
export function keptMs(answer: Pick<ProviderCacheAnswer, 'ttlHours'> | undefined): number {
  return (answer?.ttlHours ?? 0) * 3_600_000
}

export interface ScanState {
  /**
   * waiting: the proxy keeps the reserve of Braze's budget for production, and the scan resumes by itself at
   * `resumeAt`; or, without `resumeAt`, the app's own server could not be reached: the scan resumes once it answers.
   */
  status: 'idle' | 'preparing' | 'running' | 'paused' | 'waiting' | 'done' | 'cancelled' | 'failed'
  total: number
  done: number
  skipped: number
  failed: number
  /**
   * Time spent running (pauses and waits excluded, and a gap between answers far longer than any the scan makes: the
   * computer slept), for the rate and the time remaining.
   */
  activeMs: number
  /** Requests allowed in flight now: below SCAN_CONCURRENCY after a 429 from Braze, rising back as requests succeed. */
  concurrency: number
  /** This run picks up a scan that a reload interrupted. */
  resumed: boolean
  /** What stopped the scan, for the page to say in plain words (a permission the key lacks, say). */
  problem?: unknown
  /**
   * While waiting: when Braze's budget resets (epoch ms). Absent while waiting for the app's own server, which gives no
   * time: no other field is needed to tell the two waits apart, and every reader of 'waiting' holds for both alike.
   */
  resumeAt?: number
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
  /** Ask Braze again for everything, rather than take what the server or this browser kept ("Refresh from Braze"). */
  refresh?: boolean
}

/** What one run's workers share. */
interface Run {
  signal: AbortSignal
  pace: AdaptiveConcurrency
  /** Segments fetched since then count as done. */
  fetchedSince: number
  /**
   * Each request's 429s slow the whole scan down; the budget's reserve, however short, pauses it whole (no request
   * waits it out alone); a refresh asks Braze itself.
   */
  hooks: { onRateLimited: () => void; refresh: boolean; reserveWaitMs: number }
}

export interface DetailsScanOptions {
  now?: () => number
  marker?: ScanMarkerStore
  /** Where the last scan's end is kept for the page to say after a reload. */
  lastScan?: LastScanStore
  /** How the scan waits for Braze's budget to reset; tests pass one that returns at once. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

/** Answers that no other segment will get differently: the configuration is wrong, so the scan stops at the first. */
const CONFIGURATION_ERRORS: ReadonlySet<ProviderErrorReason> = new Set([
  'permission_denied',
  'unauthorized',
  'forbidden',
  'wrong_endpoint',
  'not_configured',
])

/** When no reset time is known, the budget is asked about again after this long. */
const BUDGET_RECHECK_MS = 60_000

/** While the app's own server cannot be reached, one request is tried again this often. */
export const SERVER_RECHECK_MS = 5_000

/**
 * How long a finished scan's marker stays: the persisted cache saves at most a second after a change, then writes
 * IndexedDB. A reload before then resumes the scan, which fetches only what that save missed (from the server's keep).
 */
const SAVED_AFTER_MS = 5_000

/**
 * A gap between two answers longer than this is not the scan's doing (a request waits a minute at most for Braze at a
 * time, and the scan's longer waits are not running time): the computer slept, or the browser froze the tab. It is not
 * counted as running time, or the rate would read "0 per second" long after an hour asleep.
 */
const ASLEEP_MS = 5 * 60_000

type FetchOutcome = 'ok' | 'failed' | 'again'

/** Whether a query holds an answer fetched since then, its last fetch not failed. */
const answeredSince = (state: QueryState | undefined, since: number) =>
  state?.status === 'success' && state.dataUpdatedAt >= since

export class DetailsScan {
  private state: ScanState = IDLE
  private readonly listeners = new Set<() => void>()
  private controller: AbortController | undefined
  private resumeWaiters: (() => void)[] = []
  /** While running: when the current stretch began, or the last answer came (each answer closes a stretch). */
  private runningSince = 0
  private startedAt = 0
  private readonly now: () => number
  private readonly marker: ScanMarkerStore
  private readonly lastScan: LastScanStore
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>

  constructor(
    private readonly queryClient: QueryClient,
    {
      now = Date.now,
      marker = localScanMarkerStore,
      lastScan = localLastScanStore,
      sleep = abortableSleep,
    }: DetailsScanOptions = {},
  ) {
    this.now = now
    this.marker = marker
    this.lastScan = lastScan
    this.sleep = sleep
  }

  getSnapshot = (): ScanState => this.state
  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** How the last scan ended, as kept for a later visit; undefined when none ended here yet. */
  lastEnded(): LastScan | undefined {
    return this.lastScan.read()
  }

  /** Time spent running so far, including the current stretch unless it is far too long to be running time. */
  activeMs(): number {
    if (this.state.status !== 'running') return this.state.activeMs
    const stretch = this.now() - this.runningSince
    return this.state.activeMs + (stretch > ASLEEP_MS ? 0 : stretch)
  }

  /**
   * The Braze calls a scan started now would make: details of each segment not fetched lately, sizes of the tracked;
   * `kept`: how long the server keeps Braze's answers (keptMs).
   */
  plannedCalls(segments: readonly Segment[], kept = 0): { details: number; sizes: number } {
    const fetched = this.fetchedSince(this.now() - Math.max(FRESH_MS, kept))
    let details = 0
    let sizes = 0
    for (const segment of segments) {
      if (segment.provider !== 'braze') continue
      if (!fetched.details.has(segment.id)) details += 1
      if (isTracked(segment) && !fetched.sizes.has(segment.id)) sizes += 1
    }
    return { details, sizes }
  }

  start({ refresh = false }: { refresh?: boolean } = {}): Promise<void> {
    return this.run({ startedAt: this.now(), resumed: false, paused: false, refresh })
  }

  /** After a reload: picks up the scan the marker says was under way (paused if it was), skipping what it fetched. */
  resumeInterrupted(): Promise<void> {
    const marker = this.marker.read()
    if (!marker) return Promise.resolve()
    return this.run({ startedAt: marker.startedAt, resumed: true, paused: marker.status === 'paused' })
  }

  pause(): void {
    if (this.state.status !== 'running' && this.state.status !== 'waiting') return
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
    this.end({ ...this.state, status: 'cancelled', activeMs: this.activeMs() })
    for (const wake of this.resumeWaiters.splice(0)) wake()
  }

  private isActive(): boolean {
    return ['running', 'paused', 'waiting', 'preparing'].includes(this.state.status)
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
      this.end({ ...this.state, status: 'failed', problem: error })
      return
    }
    // A refresh asks Braze for everything again: what the server keeps is beside the point.
    const kept = plan.refresh ? 0 : await this.serverKeeps()
    if (controller.signal.aborted) return
    // A refresh skips only its own fetches; a scan, what is fresh, kept by the server, or fetched since it began.
    const fetchedSince = plan.refresh ? plan.startedAt : Math.min(plan.startedAt, this.now() - Math.max(FRESH_MS, kept))
    const run = this.newRun(controller.signal, fetchedSince, plan.refresh ?? false)
    const fetched = this.fetchedSince(run.fetchedSince)
    // Done when its details, and its size if tracked, were fetched since then (before a reload, or by a detail view).
    const queue = segments.filter(
      (segment) => !fetched.details.has(segment.id) || (isTracked(segment) && !fetched.sizes.has(segment.id)),
    )
    // Resumed after a reload that came once the cache had saved everything (a scan's marker outlives its end by that
    // save): nothing is left, and the scan's own end stays what is said of it.
    if (plan.resumed && queue.length === 0) {
      this.marker.clear()
      this.set(IDLE)
      return
    }
    this.runningSince = this.now()
    this.set({
      ...this.state,
      status: plan.paused ? 'paused' : 'running',
      total: segments.length,
      skipped: segments.length - queue.length,
    })
    await Promise.all(Array.from({ length: SCAN_CONCURRENCY }, () => this.work(queue, run)))
    if (controller.signal.aborted) return
    this.end({ ...this.state, status: 'done', activeMs: this.activeMs() })
    // Unless another scan has started meanwhile, whose marker this is then.
    void this.sleep(SAVED_AFTER_MS, new AbortController().signal).then(() => {
      if (this.marker.read()?.startedAt === plan.startedAt) this.marker.clear()
    })
  }

  /** How long the server keeps Braze's answers (keptMs); 0 if it does not say (not reachable, say). */
  private async serverKeeps(): Promise<number> {
    try {
      return keptMs(await this.queryClient.fetchQuery(providerCacheQuery()))
    } catch {
      return 0
    }
  }

  private newRun(signal: AbortSignal, fetchedSince: number, refresh: boolean): Run {
    const pace = new AdaptiveConcurrency(SCAN_CONCURRENCY, (concurrency) => {
      if (!signal.aborted) this.set({ ...this.state, concurrency })
    })
    return { signal, pace, fetchedSince, hooks: { onRateLimited: pace.rateLimited, refresh, reserveWaitMs: 0 } }
  }

  private async work(queue: Segment[], run: Run): Promise<void> {
    for (let segment = queue.shift(); segment; segment = queue.shift()) {
      await this.whilePaused()
      if (run.signal.aborted) return
      const outcome = await this.fetchOne(segment, run)
      if (run.signal.aborted) return
      if (outcome === 'again') queue.unshift(segment)
      else {
        // Each answer closes the running stretch, so that a gap while the computer slept is told from running time.
        const activeMs = this.activeMs()
        if (this.state.status === 'running') this.runningSince = this.now()
        const failed = this.state.failed + (outcome === 'ok' ? 0 : 1)
        this.set({ ...this.state, done: this.state.done + 1, failed, activeMs })
      }
    }
  }

  /**
   * The proxy keeps the rest of Braze's budget for production: no request goes out until it resets, then the
   * scan carries on by itself. Not a failure: the segment is asked for again.
   */
  private waitForBudget(error: ProviderError, run: Run): void {
    // Paused meanwhile (a request already on its way when Pause was pressed came back held): it stays paused; Resume
    // sends the segment again, which meets the reserve or not.
    if (this.state.status === 'paused') return
    const resumeAt =
      error.resumeAt ??
      this.now() + (error.retryAfterSeconds === undefined ? BUDGET_RECHECK_MS : error.retryAfterSeconds * 1000)
    if (this.state.status === 'waiting' && (this.state.resumeAt ?? 0) >= resumeAt) return
    if (this.state.status === 'running') this.set({ ...this.state, activeMs: this.activeMs() })
    this.set({ ...this.state, status: 'waiting', resumeAt })
    void this.sleep(Math.max(0, resumeAt - this.now()), run.signal).then(
      () => {
        if (run.signal.aborted || this.state.status !== 'waiting' || this.state.resumeAt !== resumeAt) return
        this.runningSince = this.now()
        this.set({ ...this.state, status: 'running', resumeAt: undefined })
        for (const wake of this.resumeWaiters.splice(0)) wake()
      },
      () => undefined,
    )
  }

  /** The scan waits for the app's own server (not for Braze's budget). */
  private waitingForServer(): boolean {
    return this.state.status === 'waiting' && this.state.resumeAt === undefined
  }

  /**
   * The app's own server could not be reached (restarted, say): every request would fail alike, yet no segment is at
   * fault, so the scan holds (as for Braze's budget) and one request, this segment's details, is tried again every
   * few seconds; once the server answers, whatever it says, the scan carries on where it was (the segment is asked for
   * again, its details already in if the probe got them). The only state added is the status with no `resumeAt`: the
   * probe lives in this loop, and no second one starts while it runs.
   */
  private async waitForServer(segment: Segment, run: Run): Promise<void> {
    if (this.waitingForServer() || this.state.status === 'paused') return
    if (this.state.status === 'running') this.set({ ...this.state, activeMs: this.activeMs() })
    this.set({ ...this.state, status: 'waiting', resumeAt: undefined })
    for (;;) {
      try {
        await this.sleep(SERVER_RECHECK_MS, run.signal)
      } catch {
        return
      }
      // Paused or cancelled meanwhile: a resume sends the requests again, which meet the server or wait anew.
      if (run.signal.aborted || !this.waitingForServer()) return
      const details = brazeQueries.details(segment.id, run.hooks)
      try {
        await this.queryClient.fetchQuery({ ...details, staleTime: 0 })
      } catch (error) {
        if (isServerUnreachable(error)) continue
      }
      break
    }
    if (run.signal.aborted || !this.waitingForServer()) return
    this.runningSince = this.now()
    this.set({ ...this.state, status: 'running' })
    for (const wake of this.resumeWaiters.splice(0)) wake()
  }

  /** A configuration error (a permission the key lacks, say): every other segment would get it too, so stop now. */
  private stopOn(error: ProviderError, run: Run): void {
    if (run.signal.aborted) return
    this.controller?.abort()
    this.marker.clear()
    this.end({ ...this.state, status: 'failed', activeMs: this.activeMs(), problem: error })
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

  /**
   * The segments whose details, and whose size series, were fetched since then: one pass over the cache. Asking the
   * cache segment by segment hashed each key and took ~300 ms for 12,000 segments, at every render of the scan's cost.
   */
  private fetchedSince(since: number): { details: Set<string>; sizes: Set<string> } {
    const details = new Set<string>()
    const sizes = new Set<string>()
    for (const { queryKey, state } of this.queryClient.getQueryCache().getAll()) {
      if (!answeredSince(state, since)) continue
      const segment = brazeSegmentOf(queryKey)
      if (segment?.days === undefined) {
        if (segment) details.add(segment.id)
      } else if (segment.days === SIZE_SERIES_DAYS) sizes.add(segment.id)
    }
    return { details, sizes }
  }

  private whilePaused(): Promise<void> {
    if (this.state.status !== 'paused' && this.state.status !== 'waiting') return Promise.resolve()
    return new Promise((resolve) => this.resumeWaiters.push(resolve))
  }

  /**
   * Each request retries on its own (429 waits, 5xx backs off); a segment that still fails is counted, not fatal.
   * The budget's reserve holds the scan until the reset ('again'), and so does the app's own server while it cannot be
   * reached, until it answers; a configuration error stops it.
   */
  private async fetchOne(segment: Segment, run: Run): Promise<FetchOutcome> {
    try {
      await this.fetchInTurn(brazeQueries.details(segment.id, run.hooks), run)
      if (run.signal.aborted || !isTracked(segment)) return 'ok'
      await this.fetchInTurn(brazeQueries.dataSeries(segment.id, SIZE_SERIES_DAYS, run.hooks), run)
      return 'ok'
    } catch (error) {
      if (!(error instanceof ProviderError)) return 'failed'
      if (error.reason === 'budget_reserve') {
        this.waitForBudget(error, run)
        return 'again'
      }
      if (isServerUnreachable(error)) {
        void this.waitForServer(segment, run)
        return 'again'
      }
      if (CONFIGURATION_ERRORS.has(error.reason)) this.stopOn(error, run)
      return 'failed'
    }
  }

  /** One request, when the pace allows one more in flight; skipped if the cache already has it since the scan began. */
  private async fetchInTurn<T, K extends QueryKey>(
    options: FetchQueryOptions<T, Error, T, K>,
    run: Run,
  ): Promise<void> {
    if (answeredSince(this.queryClient.getQueryState(options.queryKey), run.fetchedSince)) return
    await run.pace.run(async () => {
      // A pause or cancel while this request waited for its turn (or between a segment's two requests) holds it.
      await this.whilePaused()
      // A refresh fetches even what this browser holds as fresh: the point is Braze's answer now.
      if (!run.signal.aborted)
        await this.queryClient.fetchQuery(run.hooks.refresh ? { ...options, staleTime: 0 } : options)
    })
  }

  /** A scan's end (done, failed or cancelled), kept for the page to say after a reload. */
  private end(next: ScanState & { status: 'done' | 'failed' | 'cancelled' }): void {
    this.set(next)
    this.lastScan.write({
      endedAt: this.now(),
      status: next.status,
      fetched: next.done,
      toFetch: next.total - next.skipped,
      skipped: next.skipped,
      failed: next.failed,
      problem: keptProblem(next.problem),
    })
  }

  private set(next: ScanState): void {
    this.state = next
    for (const listener of this.listeners) listener()
  }
}

/**
 * Whether Braze may keep a size for the segment: tracked, or a flag that did not read (Braze's answer then says, as
 * on the detail page); only a segment known untracked has none to ask for.
 */
function isTracked(segment: Segment): boolean {
  return segment.analyticsTracking !== false
}

/**
 * fetch itself failed (after its own retries): the app's server did not answer. A proxy that could not reach Braze
 * answers, with a status, and stays a failure of the segment.
 */
function isServerUnreachable(error: unknown): boolean {
  return error instanceof ProviderError && error.reason === 'network' && error.status === undefined
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
