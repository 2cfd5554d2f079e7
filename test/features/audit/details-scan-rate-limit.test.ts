// The details scan under Braze's rate limit: a 429 halves the requests it keeps in flight, and successes bring it
// back up step by step to 6, never above.
import { QueryClient } from '@tanstack/react-query'
import { HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DetailsScan, SCAN_CONCURRENCY, type ScanState } from '../../../src/features/audit/details-scan'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { segmentRequests, watchBraze, type BrazeRequest } from './details-scan-traffic'

const demo = createDemoHandlers({ brazeCount: 120, commandersActCount: 0 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const TOTAL = demo.data.braze.length
const LIMITED = demo.data.braze[40]?.id ?? ''

const tooManyRequests = () =>
  HttpResponse.json({ message: 'Rate limit exceeded' }, { status: 429, headers: { 'Retry-After': '0' } })

/** The concurrency the scan reports, each change once. */
function recordConcurrency(scan: DetailsScan): number[] {
  const seen: number[] = [scan.getSnapshot().concurrency]
  scan.subscribe(() => {
    const { concurrency } = scan.getSnapshot()
    if (concurrency !== seen.at(-1)) seen.push(concurrency)
  })
  return seen
}

const isFirstTry = (id: string) => (request: BrazeRequest) =>
  request.endpoint === 'details' && request.id === id && request.attempt === 1
const isRetry = (id: string) => (request: BrazeRequest) =>
  request.endpoint === 'details' && request.id === id && request.attempt === 2

describe('DetailsScan under a rate limit', () => {
  it('halves the requests in flight after a 429, then climbs back to 6, never above', async () => {
    const traffic = watchBraze(server, demo, {
      delayMs: 5,
      answer: (request) => (isFirstTry(LIMITED)(request) ? tooManyRequests() : undefined),
    })
    const scan = new DetailsScan(new QueryClient())
    const concurrency = recordConcurrency(scan)

    await scan.start()

    expect(scan.getSnapshot()).toMatchObject({ status: 'done', done: TOTAL, failed: 0, concurrency: SCAN_CONCURRENCY })
    const requests = segmentRequests(traffic)
    const limitedAt = requests.findIndex(isFirstTry(LIMITED))
    const retriedAt = requests.findIndex(isRetry(LIMITED))
    expect(limitedAt).toBeGreaterThan(0)
    expect(retriedAt).toBeGreaterThan(limitedAt)
    const inFlight = (from: number, to?: number) => requests.slice(from, to).map((request) => request.inFlightOnArrival)
    // Six at a time before, never more than three for the requests sent right after, six again later.
    expect(Math.max(...inFlight(0, limitedAt))).toBe(6)
    expect(Math.max(...inFlight(retriedAt + 1, retriedAt + 4))).toBeLessThanOrEqual(3)
    expect(Math.max(...inFlight(retriedAt + 4))).toBe(6)
    expect(traffic.maxInFlight).toBe(6)
    expect(concurrency).toEqual([6, 3, 4, 5, 6])
  })

  it('halves again at each 429, down to one at a time, and still fetches everything', async () => {
    const limited = new Set(demo.data.braze.slice(30, 36).map((segment) => segment.id))
    const traffic = watchBraze(server, demo, {
      delayMs: 2,
      answer: (request) =>
        request.endpoint === 'details' && limited.has(request.id) && request.attempt === 1
          ? tooManyRequests()
          : undefined,
    })
    const scan = new DetailsScan(new QueryClient())
    const states: ScanState[] = []
    scan.subscribe(() => states.push(scan.getSnapshot()))

    await scan.start()

    expect(Math.min(...states.map((state) => state.concurrency))).toBe(1)
    expect(states.every((state) => state.concurrency >= 1 && state.concurrency <= SCAN_CONCURRENCY)).toBe(true)
    expect(scan.getSnapshot()).toMatchObject({ status: 'done', done: TOTAL, failed: 0 })
    expect(segmentRequests(traffic).filter((request) => request.attempt === 2)).toHaveLength(limited.size)
  })
})
