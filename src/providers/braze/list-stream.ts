// The Braze segment list through the proxy: paged speculatively, several pages per request and
// several requests at once, streamed to its consumer in batches; a page that failed is asked for
// again alone, after the wait Braze asks for.
import { AdaptiveConcurrency } from '../../lib/adaptive-concurrency'
import { abortableSleep, backoffDelay, defaultRetryPolicy, type RetryPolicy } from '../../lib/http'
import type { Segment } from '../segment'
import { fetchBrazeSegmentPages, type BrazePagesAnswer } from './list-pages'
import { BRAZE_LIST_MAX_RETRIES, rateLimitWait, remedyFor, takeRun } from './list-retry'
import { BRAZE_PAGE_SIZE } from './paging'

/**
 * Braze pages asked for in one request to the proxy, which fetches them from Braze at once. A
 * browser keeps at most 6 connections to a host: 6 requests of one page each would need 17 round
 * trips for 10,000 segments, 6 of 5 pages need 4.
 */
export const BRAZE_PAGES_PER_REQUEST = 5

/**
 * Requests a listing keeps open: more than the browser's 6 connections to a host, so the browser hands the next request
 * to a connection as soon as one frees up, even while the page is busy taking in an answer. Past the end of the list,
 * at most this many requests are wasted.
 */
const BRAZE_LIST_REQUESTS = 9

/**
 * The most requests a listing opens at once when the server knows how long the list is: 150 pages, 15,000 segments.
 * Beyond it, the usual paging; so a Braze that starts refusing meanwhile is asked for no more than these at once.
 */
const BRAZE_LIST_MAX_BURST = 30

/**
 * Least time between two chunks of a streamed list, after the first. Each chunk becomes a cache update and a re-render
 * of the whole growing list: handing over every page that arrived within this window together turns ~100 updates for
 * 10,000 segments into ~10, while the rows still visibly fill in.
 */
export const BRAZE_LIST_BATCH_MS = 150

/** The time a streamed list batches its chunks by; tests pass one they control. */
export interface BatchClock {
  now: () => number
  /** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>
}

const realClock: BatchClock = {
  now: () => performance.now(),
  sleep: (ms, signal) => abortableSleep(ms, signal).catch(() => undefined),
}

export interface StreamBrazeSegmentsOptions {
  signal?: AbortSignal
  /** Requests in flight at once (see BRAZE_LIST_REQUESTS); halved (down to 1) each time Braze answers 429. */
  concurrency?: number
  /** Consecutive pages asked for in each request (see BRAZE_PAGES_PER_REQUEST). */
  pagesPerRequest?: number
  /**
   * The pages the whole list took when the server last saw its end: all asked for at once (the browser sends what its
   * connections cannot take as soon as one frees up), with no lone request first to see whether Braze answers.
   */
  knownPages?: number
  retry?: Partial<RetryPolicy>
  /** Least time between two chunks after the first (0: each page as soon as it can be handed over). */
  batchMs?: number
  clock?: BatchClock
  /** Told when Braze asked to wait (the time, by `retry.now`, when loading resumes) and when it resumed (undefined). */
  onWait?: (resumesAt: number | undefined) => void
}

type RequestOutcome = { answer: BrazePagesAnswer } | { error: unknown }

/**
 * Every Braze segment, in page order, in chunks of one or more pages. Braze gives no total, so pages are requested
 * speculatively, `pagesPerRequest` consecutive pages per request and `concurrency` requests at once (one alone until
 * a page has come back, so a provider that is down is not asked 24 times at once), until a short or empty page marks
 * the end. A page that came back is kept; a page that failed is asked for again alone: after a 429, once the wait Braze
 * asks for is over (every request waits meanwhile, and `onWait` says until when); after a 5xx, after a backoff (no new
 * pages meanwhile). Other failures, and pages out of retries, end the listing with their error.
 * Answered pages are buffered and handed over in page order, the first page alone as soon as it is in, then everything
 * that followed it at most every `batchMs`, and the rest at once when the list is complete. Pages past the end are
 * ignored; an id already handed over is never handed over again (offset paging can shift while we read).
 */
export async function* streamAllBrazeSegments({
  signal,
  concurrency = BRAZE_LIST_REQUESTS,
  pagesPerRequest = BRAZE_PAGES_PER_REQUEST,
  knownPages = 0,
  retry,
  batchMs = BRAZE_LIST_BATCH_MS,
  clock = realClock,
  onWait,
}: StreamBrazeSegmentsOptions = {}): AsyncGenerator<Segment[], void, undefined> {
  signal?.throwIfAborted()
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...retry }
  // Our own controller, so that finishing, failing or being closed early (return()) cancels the pages still in flight.
  const controller = new AbortController()

  // A listing is a short burst: once Braze has asked to slow down, it stays slower to the end (no `succeeded()`).
  const pace = new AdaptiveConcurrency(concurrency)
  let nextPage = 0
  let lastPage = Number.POSITIVE_INFINITY
  const burstEnd = Math.min(knownPages, BRAZE_LIST_MAX_BURST * pagesPerRequest)
  /** The list's last known page came back full: there is more than the server saw. */
  let outgrown = false
  let inFlight = 0
  let anyPageCame = false
  /**
   * Failed pages due to be asked for again, sorted; and the pages that failed with a 5xx or a network error and have
   * not come back since: while there are any, no new page is asked for (a provider that is down is not asked more).
   * A 429 holds every request anyway, until the wait is over.
   */
  const retryQueue: number[] = []
  const outstanding = new Set<number>()
  const failures = new Map<number, number>()
  const rateLimits = new Map<number, number>()
  /** While Braze asked to wait: when loading resumes. */
  let waitingUntil: number | undefined
  /** Answered pages waiting for an earlier one, by page. */
  const answered = new Map<number, Segment[]>()
  /** The first page not yet moved to `ready`. */
  let nextInOrder = 0
  /** Pages in order, their ids not seen before, not yet handed over (never empty arrays). */
  let ready: Segment[][] = []
  const seen = new Set<string>()
  let failure: { error: unknown } | undefined

  // The consumer sleeps on `changed()` while waiting; every answer and the abort wake it to look again.
  let wake: (() => void) | undefined
  const changed = () => new Promise<void>((resolve) => (wake = resolve))
  const notify = () => {
    const resume = wake
    wake = undefined
    resume?.()
  }
  const complete = () => nextInOrder > lastPage
  const stopped = () => complete() || failure !== undefined || signal?.aborted === true
  /** A cancelled query surfaces as the signal's reason, a failed page as its error: the same as before any batching. */
  const throwIfStopped = () => {
    signal?.throwIfAborted()
    if (failure) throw failure.error
  }
  const fail = (error: unknown) => {
    failure = { error }
    // The list cannot be whole any more: stop the other pages now rather than when the consumer next pulls.
    controller.abort()
  }

  const forwardAbort = () => {
    controller.abort(signal?.reason)
    notify()
  }
  signal?.addEventListener('abort', forwardAbort, { once: true })

  /** The pages of the next request: failed pages first, new ones only while none is failing. */
  const nextRequest = (): number[] | undefined => {
    const due = retryQueue.splice(0).filter((page) => page <= lastPage)
    retryQueue.push(...due)
    // Until a page has come back, a failed page is asked for again alone: a provider that is down is probed with one
    // page, not asked for every page of the first request again.
    if (retryQueue.length > 0) return takeRun(retryQueue, anyPageCame ? pagesPerRequest : 1)
    if (outstanding.size > 0 || nextPage > lastPage) return undefined
    // Past the known length only once the list has proved longer: its last known page came back full.
    if (burstEnd > 0 && nextPage === burstEnd && !outgrown) return undefined
    const first = nextPage
    // Never past a known end (lastPage is infinite until a short page is seen), nor past the burst's in one request.
    const count = Math.min(pagesPerRequest, lastPage - first + 1, first < burstEnd ? burstEnd - first : Infinity)
    nextPage += count
    return Array.from({ length: count }, (_, index) => first + index)
  }

  const launch = () => {
    const limit = () => (nextPage < burstEnd ? Number.POSITIVE_INFINITY : anyPageCame ? pace.limit : 1)
    while (!controller.signal.aborted && waitingUntil === undefined && inFlight < limit()) {
      const pages = nextRequest()
      if (!pages || pages.length === 0) return
      inFlight += 1
      const first = pages[0] ?? 0
      fetchBrazeSegmentPages(first, pages.length, {
        signal: controller.signal,
        retry,
        onRateLimited: pace.rateLimited,
      }).then(
        (answer) => settle({ answer }),
        (error: unknown) => settle({ error }),
      )
    }
  }

  const askAgain = (pages: readonly number[]) => {
    retryQueue.push(...pages)
    retryQueue.sort((a, b) => a - b)
  }

  /** Every request holds until `ms` from now (a later wait extends it), then the waiting pages go first. */
  const waitFor = (ms: number, pages: readonly number[]) => {
    askAgain(pages)
    const until = policy.now() + ms
    if (waitingUntil !== undefined && waitingUntil >= until) return
    waitingUntil = until
    onWait?.(until)
    void policy.sleep(ms, controller.signal).then(
      () => {
        if (waitingUntil !== until) return
        waitingUntil = undefined
        onWait?.(undefined)
        launch()
      },
      () => undefined,
    )
  }

  const backOff = (pages: readonly number[], attempt: number) => {
    const ms = backoffDelay(attempt, policy.baseDelayMs, policy.maxDelayMs, policy.jitter, policy.random)
    void policy.sleep(ms, controller.signal).then(
      () => {
        askAgain(pages)
        launch()
      },
      () => undefined,
    )
  }

  const takeIn = (page: number, segments: Segment[]) => {
    outstanding.delete(page)
    if (page > lastPage) return
    if (page === burstEnd - 1 && segments.length === BRAZE_PAGE_SIZE) outgrown = true
    if (segments.length < BRAZE_PAGE_SIZE) {
      lastPage = page
      // Pages past the end hold nothing we want (the ones still in flight are cancelled when the stream ends).
      for (const later of answered.keys()) if (later > lastPage) answered.delete(later)
      for (const later of outstanding) if (later > lastPage) outstanding.delete(later)
    }
    answered.set(page, segments)
  }

  /** Decides each failed page's fate; false when one ends the listing. */
  const handleFailures = ({ failed, headers }: BrazePagesAnswer): boolean => {
    const waiting: number[] = []
    const backingOff: number[] = []
    let wait = 0
    let attempt = 0
    for (const { page, error } of failed) {
      if (page > lastPage) continue
      const remedy = remedyFor(error)
      if (remedy === 'backoff') outstanding.add(page)
      const counts = remedy === 'wait' ? rateLimits : failures
      const tries = counts.get(page) ?? 0
      const limit = remedy === 'wait' ? policy.maxRateLimitRetries : Math.min(policy.maxRetries, BRAZE_LIST_MAX_RETRIES)
      if (remedy === 'fatal' || tries >= limit) {
        fail(error)
        return false
      }
      counts.set(page, tries + 1)
      if (remedy === 'wait') {
        wait = Math.max(wait, rateLimitWait(error, headers, tries, policy))
        waiting.push(page)
      } else {
        attempt = Math.max(attempt, tries)
        backingOff.push(page)
      }
    }
    if (waiting.length > 0) {
      pace.rateLimited()
      waitFor(wait, waiting)
    }
    if (backingOff.length > 0) backOff(backingOff, attempt)
    return true
  }

  // Runs as each request answers, whether or not the consumer is waiting: that is what keeps `concurrency` in flight.
  const settle = (outcome: RequestOutcome) => {
    inFlight -= 1
    // Finished, failed or cancelled: nothing more to take in (these are mostly our own aborts).
    if (controller.signal.aborted) return
    if ('error' in outcome) {
      fail(outcome.error)
    } else {
      for (const [page, segments] of outcome.answer.pages) takeIn(page, segments)
      if (outcome.answer.pages.size > 0) anyPageCame = true
      if (handleFailures(outcome.answer)) {
        for (let next = answered.get(nextInOrder); next; next = answered.get(nextInOrder)) {
          answered.delete(nextInOrder)
          nextInOrder += 1
          const fresh = next.filter((segment) => !seen.has(segment.id))
          for (const segment of fresh) seen.add(segment.id)
          if (fresh.length > 0) ready.push(fresh)
        }
        launch()
      }
    }
    notify()
  }

  /** Waits `ms`, or less if the list completes, fails or is cancelled meanwhile. */
  const batchWindow = async (ms: number) => {
    const timer = new AbortController()
    const elapsed = clock.sleep(ms, timer.signal).then(() => true)
    try {
      while (!stopped() && !(await Promise.race([elapsed, changed().then(() => false)]))) {
        // A page came in: keep collecting until the window closes.
      }
    } finally {
      timer.abort()
    }
  }

  let lastHandedAt: number | undefined
  try {
    launch()
    for (;;) {
      while (ready.length === 0 && !stopped()) await changed()
      throwIfStopped()
      if (ready.length === 0) return

      let chunk: Segment[]
      if (lastHandedAt === undefined) {
        // The first page alone and at once, so that the first rows paint as early as possible.
        chunk = ready.shift() ?? []
      } else {
        const wait = lastHandedAt + batchMs - clock.now()
        if (wait > 0 && !complete()) await batchWindow(wait)
        throwIfStopped()
        chunk = ready.length === 1 ? (ready[0] ?? []) : ready.flat()
        ready = []
      }
      lastHandedAt = clock.now()
      yield chunk
    }
  } finally {
    signal?.removeEventListener('abort', forwardAbort)
    controller.abort()
    if (waitingUntil !== undefined) onWait?.(undefined)
  }
}
