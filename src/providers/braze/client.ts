// Braze through the proxy: the segment list (paged speculatively, a few pages at a time), details and size series.
import { AdaptiveConcurrency } from '../../lib/adaptive-concurrency'
import type { RetryPolicy } from '../../lib/http'
import { ProviderError } from '../provider-error'
import { requestProviderJson, type ProviderRequestOptions } from '../request'
import type { Segment } from '../segment'
import {
  brazeDataSeriesSchema,
  brazeSegmentDetailsSchema,
  brazeSegmentsPageSchema,
  toBrazeSegment,
  toBrazeSegmentDetails,
  toBrazeSizeSeries,
  type BrazeSegmentDetails,
  type BrazeSizePoint,
} from './schemas'

/** Braze's fixed page size: a shorter page is the last one. */
export const BRAZE_PAGE_SIZE = 100

export async function fetchBrazeSegmentsPage(page: number, options: ProviderRequestOptions = {}): Promise<Segment[]> {
  // Oldest first: new segments land at the end, so offset paging shifts as little as possible while we read.
  const params = { page, sort_direction: 'asc' }
  const body = await requestProviderJson('braze', '/api/braze/segments/list', params, brazeSegmentsPageSchema, options)
  return body.segments.map(toBrazeSegment)
}

export interface StreamBrazeSegmentsOptions {
  signal?: AbortSignal
  /** Pages requested at once; halved (down to 1) each time Braze answers 429. */
  concurrency?: number
  retry?: Partial<RetryPolicy>
}

type PageOutcome = { page: number; segments: Segment[] } | { page: number; error: unknown }

/**
 * Every Braze segment, yielded page by page as pages arrive (not in page order). Braze gives no
 * total, so pages are requested speculatively: `concurrency` at once, and one more each time a full
 * page comes back, until a short or empty page marks the end. Pages past the end are ignored; an id
 * already yielded is never yielded again (offset paging can shift while we read). A page that fails
 * for good aborts the others and is thrown.
 */
export async function* streamAllBrazeSegments({
  signal,
  concurrency = 6,
  retry,
}: StreamBrazeSegmentsOptions = {}): AsyncGenerator<Segment[], void, undefined> {
  signal?.throwIfAborted()
  // Our own controller, so that finishing (or failing) early cancels the pages still in flight.
  const controller = new AbortController()
  const forwardAbort = () => controller.abort(signal?.reason)
  signal?.addEventListener('abort', forwardAbort, { once: true })

  // A listing is a short burst: once Braze has asked to slow down, it stays slower to the end (no `succeeded()`).
  const pace = new AdaptiveConcurrency(concurrency)
  let nextPage = 0
  let lastPage = Number.POSITIVE_INFINITY
  const inFlight = new Map<number, Promise<PageOutcome>>()
  const seen = new Set<string>()

  const launch = () => {
    while (inFlight.size < pace.limit && nextPage <= lastPage) {
      const page = nextPage++
      const outcome = fetchBrazeSegmentsPage(page, { signal: controller.signal, retry, onRateLimited: pace.rateLimited }).then(
        (segments): PageOutcome => ({ page, segments }),
        (error: unknown): PageOutcome => ({ page, error }),
      )
      inFlight.set(page, outcome)
    }
  }

  try {
    launch()
    while (inFlight.size > 0) {
      const outcome = await Promise.race(inFlight.values())
      inFlight.delete(outcome.page)
      signal?.throwIfAborted()
      if (outcome.page > lastPage) continue
      if ('error' in outcome) throw outcome.error

      if (outcome.segments.length < BRAZE_PAGE_SIZE) {
        lastPage = outcome.page
        // Pages past the end hold nothing we want: stop waiting for them (the finally block cancels them).
        for (const page of inFlight.keys()) if (page > lastPage) inFlight.delete(page)
      }
      launch()
      const fresh = outcome.segments.filter((segment) => !seen.has(segment.id))
      for (const segment of fresh) seen.add(segment.id)
      if (fresh.length > 0) yield fresh
    }
  } finally {
    signal?.removeEventListener('abort', forwardAbort)
    controller.abort()
  }
}

export async function fetchAllBrazeSegments(options: StreamBrazeSegmentsOptions = {}): Promise<Segment[]> {
  const segments: Segment[] = []
  for await (const page of streamAllBrazeSegments(options)) segments.push(...page)
  return segments
}

/** Braze answers 400, not 404, for an unknown segment_id (and the proxy 400s an id that cannot exist): both mean "not found". */
function notFoundOnBadRequest(error: unknown): never {
  if (error instanceof ProviderError && error.status === 400) {
    throw new ProviderError('braze', 'not_found', { status: 400, providerMessage: error.providerMessage, cause: error })
  }
  throw error
}

export async function fetchBrazeSegmentDetails(id: string, options: ProviderRequestOptions = {}): Promise<BrazeSegmentDetails> {
  const body = await requestProviderJson(
    'braze',
    '/api/braze/segments/details',
    { segment_id: id },
    brazeSegmentDetailsSchema,
    options,
  ).catch(notFoundOnBadRequest)
  return toBrazeSegmentDetails(id, body)
}

/** Daily estimated size over the last `days` days (1–100, Braze's limit). */
export async function fetchBrazeDataSeries(id: string, days: number, options: ProviderRequestOptions = {}): Promise<BrazeSizePoint[]> {
  if (!Number.isInteger(days) || days < 1 || days > 100) throw new RangeError(`days must be an integer from 1 to 100, got ${days}`)
  const body = await requestProviderJson(
    'braze',
    '/api/braze/segments/data_series',
    { segment_id: id, length: days },
    brazeDataSeriesSchema,
    options,
  ).catch(notFoundOnBadRequest)
  return toBrazeSizeSeries(body)
}
