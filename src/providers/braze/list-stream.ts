// The Braze segment list through the proxy: paged speculatively, several pages per request and several requests at once,
// streamed to its consumer in batches.
import { AdaptiveConcurrency } from '../../lib/adaptive-concurrency'
import { abortableSleep, type RetryPolicy } from '../../lib/http'
import { ProviderError } from '../provider-error'
import { requestProviderJson, type ProviderRequestOptions } from '../request'
import type { Segment } from '../segment'
import { brazeSegmentPagesSchema, toBrazeSegment } from './schemas'

/** Braze's fixed page size: a shorter page is the last one. */
export const BRAZE_PAGE_SIZE = 100

/**
 * Braze pages asked for in one request to the proxy, which fetches them from Braze at once. A browser keeps at most 6
 * connections to a host: 6 requests of one page each would need 17 round trips for 10,000 segments, 6 of 4 pages need 5.
 */
export const BRAZE_PAGES_PER_REQUEST = 4

/**
 * Least time between two chunks of a streamed list, after the first. Each chunk becomes a cache update and a re-render
 * of the whole growing list: handing over every page that arrived within this window together turns ~100 updates for
 * 10,000 segments into ~10, while the rows still visibly fill in.
 */
export const BRAZE_LIST_BATCH_MS = 150

/**
 * `count` consecutive pages from `first`, through the proxy's multi-page route, as one request: the pages come back
 * together, or the error of the first page that failed (a 429 is waited out and the whole request retried).
 */
export async function fetchBrazeSegmentPages(first: number, count: number, options: ProviderRequestOptions = {}): Promise<Segment[][]> {
  const params = { page: first, pages: count, sort_direction: 'asc' }
  const body = await requestProviderJson('braze', '/api/braze/segments/list/pages', params, brazeSegmentPagesSchema, options)
  if (body.pages.length !== count) {
    throw new ProviderError('braze', 'invalid_response', { status: 200, field: 'pages', detail: `${count} pages asked for, ${body.pages.length} answered` })
  }
  return body.pages.map((page) => page.segments.map(toBrazeSegment))
}

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
  /** Requests in flight at once; halved (down to 1) each time Braze answers 429. */
  concurrency?: number
  /** Consecutive pages asked for in each request (see BRAZE_PAGES_PER_REQUEST). */
  pagesPerRequest?: number
  retry?: Partial<RetryPolicy>
  /** Least time between two chunks after the first (0: each page as soon as it can be handed over). */
  batchMs?: number
  clock?: BatchClock
}

type RequestOutcome = { pages: Segment[][] } | { error: unknown }

/**
 * Every Braze segment, in page order, in chunks of one or more pages. Braze gives no total, so pages are requested
 * speculatively, `pagesPerRequest` consecutive pages per request and `concurrency` requests at once, one more request
 * each time one comes back, until a short or empty page marks the end. Requests do not wait for the consumer: answered pages are buffered and handed over in page order, the
 * first page alone as soon as it is in, then everything that followed it at most every `batchMs`, and the rest at once
 * when the list is complete. Pages past the end are ignored; an id already handed over is never handed over again
 * (offset paging can shift while we read). A page that fails for good cancels the others and is thrown.
 */
export async function* streamAllBrazeSegments({
  signal,
  concurrency = 6,
  pagesPerRequest = BRAZE_PAGES_PER_REQUEST,
  retry,
  batchMs = BRAZE_LIST_BATCH_MS,
  clock = realClock,
}: StreamBrazeSegmentsOptions = {}): AsyncGenerator<Segment[], void, undefined> {
  signal?.throwIfAborted()
  // Our own controller, so that finishing, failing or being closed early (return()) cancels the pages still in flight.
  const controller = new AbortController()

  // A listing is a short burst: once Braze has asked to slow down, it stays slower to the end (no `succeeded()`).
  const pace = new AdaptiveConcurrency(concurrency)
  let nextPage = 0
  let lastPage = Number.POSITIVE_INFINITY
  let inFlight = 0
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

  const forwardAbort = () => {
    controller.abort(signal?.reason)
    notify()
  }
  signal?.addEventListener('abort', forwardAbort, { once: true })

  const launch = () => {
    while (!controller.signal.aborted && inFlight < pace.limit && nextPage <= lastPage) {
      const first = nextPage
      // Never past a known end (lastPage is infinite until a short page is seen).
      const count = Math.min(pagesPerRequest, lastPage - first + 1)
      nextPage += count
      inFlight += 1
      fetchBrazeSegmentPages(first, count, { signal: controller.signal, retry, onRateLimited: pace.rateLimited }).then(
        (pages) => settle(first, { pages }),
        (error: unknown) => settle(first, { error }),
      )
    }
  }

  const takeIn = (page: number, segments: Segment[]) => {
    if (page > lastPage) return
    if (segments.length < BRAZE_PAGE_SIZE) {
      lastPage = page
      // Pages past the end hold nothing we want (the ones still in flight are cancelled when the stream ends).
      for (const later of answered.keys()) if (later > lastPage) answered.delete(later)
    }
    answered.set(page, segments)
  }

  // Runs as each request answers, whether or not the consumer is waiting: that is what keeps `concurrency` in flight.
  const settle = (first: number, outcome: RequestOutcome) => {
    inFlight -= 1
    // Finished, failed or cancelled: nothing more to take in (these are mostly our own aborts).
    if (controller.signal.aborted || first > lastPage) return
    if ('error' in outcome) {
      failure = outcome
      // The list cannot be whole any more: stop the other pages now rather than when the consumer next pulls.
      controller.abort()
    } else {
      outcome.pages.forEach((segments, index) => takeIn(first + index, segments))
      for (let next = answered.get(nextInOrder); next; next = answered.get(nextInOrder)) {
        answered.delete(nextInOrder)
        nextInOrder += 1
        const fresh = next.filter((segment) => !seen.has(segment.id))
        for (const segment of fresh) seen.add(segment.id)
        if (fresh.length > 0) ready.push(fresh)
      }
      launch()
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
  }
}
