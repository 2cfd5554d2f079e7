// What the details scan asks of Braze in tests: the demo Braze behind MSW, wrapped to record each request, how many
// overlap, and to answer some of them ourselves (a 400, a 429).
import { delay, http } from 'msw'
import type { SetupServer } from 'msw/node'
import type { DetailsScan } from '../../../src/features/audit/details-scan'
import type { DemoHandlers } from '../../msw/demo-handlers'

export type Endpoint = 'list' | 'details' | 'data_series'

export interface BrazeRequest {
  endpoint: Endpoint
  /** segment_id; empty for the list. */
  id: string
  /** data_series' `length`. */
  length: string | null
  /** The same request sent before (a retry) counts from 1. */
  attempt: number
  /** details and data_series requests in flight when this one arrived, itself included; 0 for the list. */
  inFlightOnArrival: number
}

export interface BrazeTraffic {
  /** Every request to /api/braze/segments/…, in the order they were sent. */
  requests: BrazeRequest[]
  /** details and data_series requests sent and not yet answered. */
  inFlight: number
  maxInFlight: number
}

export interface WatchOptions {
  /** Added before each details and data_series answer, so that requests overlap. */
  delayMs?: number
  /** Pause the list pages after the first one, so that the list is still streaming. */
  listDelayMs?: number
  /** An answer of our own instead of the fake Braze's. */
  answer?: (request: BrazeRequest) => Response | undefined
}

/** Wraps the demo Braze to record what the scan asks, and how many requests overlap. */
export function watchBraze(
  server: SetupServer,
  demo: DemoHandlers,
  { delayMs = 0, listDelayMs = 0, answer }: WatchOptions = {},
): BrazeTraffic {
  const traffic: BrazeTraffic = { requests: [], inFlight: 0, maxInFlight: 0 }
  const attempts = new Map<string, number>()
  server.use(
    http.get('*/api/braze/segments/:endpoint', async ({ request, params }) => {
      const url = new URL(request.url)
      const endpoint = String(params.endpoint) as Endpoint
      const attempt = (attempts.get(url.search) ?? 0) + 1
      attempts.set(url.search, attempt)
      const isList = endpoint === 'list'
      if (!isList) traffic.inFlight += 1
      const seen: BrazeRequest = {
        endpoint,
        id: url.searchParams.get('segment_id') ?? '',
        length: url.searchParams.get('length'),
        attempt,
        inFlightOnArrival: isList ? 0 : traffic.inFlight,
      }
      traffic.requests.push(seen)
      if (isList) {
        if (listDelayMs > 0 && url.searchParams.get('page') !== '0') await delay(listDelayMs)
        return answer?.(seen) ?? demo.forwardToBraze(request)
      }
      traffic.maxInFlight = Math.max(traffic.maxInFlight, traffic.inFlight)
      try {
        if (delayMs > 0) await delay(delayMs)
        return answer?.(seen) ?? (await demo.forwardToBraze(request))
      } finally {
        traffic.inFlight -= 1
      }
    }),
  )
  return traffic
}

export const idsOf = (traffic: BrazeTraffic, endpoint: Endpoint, from = 0) =>
  traffic.requests
    .slice(from)
    .filter((request) => request.endpoint === endpoint)
    .map((request) => request.id)
export const segmentRequests = (traffic: BrazeTraffic) =>
  traffic.requests.filter((request) => request.endpoint !== 'list')
export const sorted = (ids: readonly string[]) => [...ids].sort()

/** Resolves once the scan has fetched `count` segments, in a task of its own as a click would be. */
export function untilDone(scan: DetailsScan, count: number): Promise<void> {
  return new Promise((resolve) => {
    const stop = scan.subscribe(() => {
      if (scan.getSnapshot().done < count) return
      stop()
      setTimeout(resolve, 0)
    })
  })
}
