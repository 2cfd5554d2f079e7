// The details scan: every Braze segment's details (and 30-day size when tracked) into the query cache, 6 at a time,
// with fresh entries skipped, pause, resume and cancel, and failures counted rather than fatal.
import { QueryClient } from '@tanstack/react-query'
import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { DetailsScan, detailsScanFor, SCAN_CONCURRENCY, type ScanState } from '../../../src/features/audit/details-scan'
import { SIZE_SERIES_DAYS } from '../../../src/providers/braze/cached-queries'
import { brazeKeys, brazeQueries } from '../../../src/providers/braze/queries'
import type { DemoBrazeSegment } from '../../../src/server/demo/data'
import { createDemoHandlers, listedSegments } from '../../msw/demo-handlers'
import {
  idsOf,
  segmentRequests,
  sorted,
  untilDone,
  watchBraze as watchBrazeTraffic,
  type BrazeTraffic,
  type WatchOptions,
} from './details-scan-traffic'

// Two list pages (100 + 20), so the list streams in before it is complete.
const demo = createDemoHandlers({ brazeCount: 120, commandersActCount: 0 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const SEGMENTS = demo.data.braze
const TOTAL = SEGMENTS.length
const ALL_IDS = SEGMENTS.map((segment) => segment.id)
/**
 * Tracked as the demo Braze knows it, including the row that sends its flag as the string "true" (FORCED_FIELDS in
 * src/server/demo/braze-data.ts): the scan asks for its size like any tracked segment's.
 */
const isTracked = (segment: DemoBrazeSegment) => segment.analyticsTrackingEnabled
const TRACKED_IDS = SEGMENTS.filter(isTracked).map((segment) => segment.id)

function brazeSegment(index: number): DemoBrazeSegment {
  const segment = SEGMENTS[index]
  if (!segment) throw new Error(`no demo Braze segment at index ${index}`)
  return segment
}

const FIRST_TRACKED = brazeSegment(SEGMENTS.findIndex(isTracked))

const watchBraze = (options?: WatchOptions) => watchBrazeTraffic(server, demo, options)

function newQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } })
}

/** Every state the scan publishes, in order. */
function recordStates(scan: DetailsScan): ScanState[] {
  const states: ScanState[] = []
  scan.subscribe(() => states.push(scan.getSnapshot()))
  return states
}

/** Segments whose details are being fetched right now: the scan has them under way. */
function detailsUnderWay(queryClient: QueryClient): Set<string> {
  return new Set(
    ALL_IDS.filter((id) => queryClient.getQueryState(brazeQueries.details(id).queryKey)?.fetchStatus === 'fetching'),
  )
}

/** Waits for the requests still out to be answered, then long enough for a new one to show if one were coming. */
async function settle(traffic: BrazeTraffic): Promise<number> {
  await vi.waitFor(() => expect(traffic.inFlight).toBe(0))
  const count = traffic.requests.length
  await delay(50)
  return count
}

describe('DetailsScan', () => {
  it('uses demo data with tracked and untracked segments, one of them with its flag sent as the string "true"', () => {
    expect(TRACKED_IDS.length).toBeGreaterThan(0)
    expect(TRACKED_IDS.length).toBeLessThan(TOTAL)
    const asText = listedSegments(demo.data).find((segment) =>
      segment.malformed?.includes('analytics_tracking_enabled'),
    )
    expect(asText && TRACKED_IDS.includes(asText.id)).toBe(true)
  })

  it('fetches every segment’s details, and the 30-day size of tracked ones only, into the query cache', async () => {
    const traffic = watchBraze()
    const queryClient = newQueryClient()

    await new DetailsScan(queryClient).start()

    expect(sorted(idsOf(traffic, 'details'))).toEqual(sorted(ALL_IDS))
    expect(sorted(idsOf(traffic, 'data_series'))).toEqual(sorted(TRACKED_IDS))
    expect(
      traffic.requests
        .filter((request) => request.endpoint === 'data_series')
        .every((request) => request.length === '30'),
    ).toBe(true)
    for (const segment of SEGMENTS) {
      expect(queryClient.getQueryData(brazeKeys.details(segment.id))).toMatchObject({
        id: segment.id,
        name: segment.name,
      })
      const series = queryClient.getQueryData<unknown[]>(brazeKeys.dataSeries(segment.id, 30))
      if (isTracked(segment)) expect(series).toHaveLength(30)
      else expect(series).toBeUndefined()
    }
  })

  it('goes from preparing to running to done, counting each segment fetched', async () => {
    watchBraze()
    const scan = new DetailsScan(newQueryClient())
    expect(scan.getSnapshot()).toMatchObject({ status: 'idle', total: 0, done: 0 })
    const states = recordStates(scan)

    await scan.start()

    const statuses = states.map((state) => state.status).filter((status, index, all) => status !== all[index - 1])
    expect(statuses).toEqual(['preparing', 'running', 'done'])
    expect(states[0]).toMatchObject({ status: 'preparing', total: 0, done: 0, skipped: 0, failed: 0 })
    const running = states.filter((state) => state.status === 'running')
    expect(running.map((state) => state.done)).toEqual(Array.from({ length: TOTAL + 1 }, (_, index) => index))
    expect(running.every((state) => state.total === TOTAL && state.skipped === 0 && state.failed === 0)).toBe(true)
    expect(scan.getSnapshot()).toMatchObject({ status: 'done', total: TOTAL, done: TOTAL, skipped: 0, failed: 0 })
  })

  it('ignores a second start while it runs', async () => {
    const traffic = watchBraze()
    const scan = new DetailsScan(newQueryClient())

    await Promise.all([scan.start(), scan.start()])

    expect(idsOf(traffic, 'details')).toHaveLength(TOTAL)
    expect(scan.getSnapshot()).toMatchObject({ status: 'done', done: TOTAL })
  })

  it(`keeps ${SCAN_CONCURRENCY} requests in flight, never more`, async () => {
    const traffic = watchBraze({ delayMs: 5 })

    await new DetailsScan(newQueryClient()).start()

    expect(traffic.maxInFlight).toBe(SCAN_CONCURRENCY)
    expect(segmentRequests(traffic)).toHaveLength(TOTAL + TRACKED_IDS.length)
  })

  it('waits for the whole list when it is still being listed', async () => {
    const traffic = watchBraze({ listDelayMs: 100 })
    const queryClient = newQueryClient()
    const listing = queryClient.fetchQuery(brazeQueries.all())
    await vi.waitFor(() => expect(traffic.requests.some((request) => request.endpoint === 'list')).toBe(true), {
      interval: 1,
    })
    expect(queryClient.getQueryState(brazeQueries.all().queryKey)?.fetchStatus).toBe('fetching')
    const listedBeforeScan = traffic.requests.length
    const scan = new DetailsScan(queryClient)

    await scan.start()

    expect(scan.getSnapshot()).toMatchObject({ status: 'done', total: TOTAL, done: TOTAL })
    expect(await listing).toHaveLength(TOTAL)
    expect(sorted(idsOf(traffic, 'details'))).toEqual(sorted(ALL_IDS))
    // It joined the listing under way instead of starting another.
    expect(traffic.requests.slice(listedBeforeScan).filter((request) => request.endpoint === 'list')).toEqual([])
  })

  it('skips segments whose details (and size, if tracked) are fresh in the cache, and a second scan right after skips them all', async () => {
    const queryClient = newQueryClient()
    const fresh = FIRST_TRACKED
    const stale = SEGMENTS.find((segment) => segment !== fresh) ?? brazeSegment(1)
    await queryClient.fetchQuery(brazeQueries.details(fresh.id))
    await queryClient.fetchQuery(brazeQueries.dataSeries(fresh.id, SIZE_SERIES_DAYS))
    const staleDetails = await queryClient.fetchQuery(brazeQueries.details(stale.id))
    // Older than the server keeps Braze's answers (24 hours in these tests): asking again is asking Braze.
    queryClient.setQueryData(brazeQueries.details(stale.id).queryKey, staleDetails, {
      updatedAt: Date.now() - 25 * 3_600_000,
    })
    const traffic = watchBraze()
    const scan = new DetailsScan(queryClient)

    await scan.start()

    expect(scan.getSnapshot()).toMatchObject({ status: 'done', total: TOTAL, skipped: 1, done: TOTAL - 1, failed: 0 })
    expect(sorted(idsOf(traffic, 'details'))).toEqual(sorted(ALL_IDS.filter((id) => id !== fresh.id)))
    expect(idsOf(traffic, 'details')).toContain(stale.id)

    traffic.requests.length = 0
    await scan.start()

    expect(scan.getSnapshot()).toMatchObject({ status: 'done', total: TOTAL, skipped: TOTAL, done: 0, failed: 0 })
    expect(traffic.requests).toEqual([])
  })

  it('asks again for details older than 10 minutes when the server keeps no answer', async () => {
    server.use(
      http.get('*/api/audit/provider-cache', () => HttpResponse.json({ count: 0, oldestFetchedAt: null, ttlHours: 0 })),
    )
    const queryClient = newQueryClient()
    const stale = FIRST_TRACKED
    await queryClient.fetchQuery(brazeQueries.dataSeries(stale.id, SIZE_SERIES_DAYS))
    const details = await queryClient.fetchQuery(brazeQueries.details(stale.id))
    queryClient.setQueryData(brazeQueries.details(stale.id).queryKey, details, { updatedAt: Date.now() - 11 * 60_000 })
    const traffic = watchBraze()
    const scan = new DetailsScan(queryClient)

    await scan.start()

    expect(scan.getSnapshot()).toMatchObject({ status: 'done', total: TOTAL, skipped: 0, done: TOTAL })
    expect(idsOf(traffic, 'details')).toContain(stale.id)
  })

  it('fetches only the size of a tracked segment whose details are fresh but whose size is missing', async () => {
    const queryClient = newQueryClient()
    await queryClient.fetchQuery(brazeQueries.details(FIRST_TRACKED.id))
    const traffic = watchBraze()
    const scan = new DetailsScan(queryClient)

    await scan.start()

    expect(scan.getSnapshot()).toMatchObject({ status: 'done', total: TOTAL, skipped: 0, done: TOTAL, failed: 0 })
    expect(idsOf(traffic, 'details')).not.toContain(FIRST_TRACKED.id)
    expect(idsOf(traffic, 'data_series')).toContain(FIRST_TRACKED.id)
    expect(queryClient.getQueryData(brazeQueries.dataSeries(FIRST_TRACKED.id, SIZE_SERIES_DAYS).queryKey)).toHaveLength(
      30,
    )
  })

  it('sends no new segment request while paused, and finishes once resumed', async () => {
    const traffic = watchBraze({ delayMs: 5 })
    const queryClient = newQueryClient()
    const scan = new DetailsScan(queryClient)
    const run = scan.start()
    await untilDone(scan, 12)

    scan.pause()
    const sentBeforePause = traffic.requests.length
    const underWay = detailsUnderWay(queryClient)
    expect(underWay.size).toBeGreaterThan(0)
    expect(scan.getSnapshot().status).toBe('paused')

    const settled = await settle(traffic)
    const doneWhilePaused = scan.getSnapshot().done
    expect(traffic.requests.length).toBe(settled)
    expect(scan.getSnapshot()).toMatchObject({ status: 'paused', done: doneWhilePaused })
    expect(doneWhilePaused).toBeLessThan(TOTAL)
    // Only the segments already under way when it paused may finish.
    expect(idsOf(traffic, 'details', sentBeforePause).every((id) => underWay.has(id))).toBe(true)
    expect(idsOf(traffic, 'data_series', sentBeforePause).every((id) => underWay.has(id))).toBe(true)

    scan.resume()
    expect(scan.getSnapshot().status).toBe('running')
    await run

    expect(scan.getSnapshot()).toMatchObject({ status: 'done', total: TOTAL, done: TOTAL, failed: 0 })
    expect(sorted(idsOf(traffic, 'details'))).toEqual(sorted(ALL_IDS))
  })

  it('stops for good when cancelled, and a new scan picks up what is left', async () => {
    const traffic = watchBraze({ delayMs: 5 })
    const queryClient = newQueryClient()
    const scan = new DetailsScan(queryClient)
    const run = scan.start()
    await untilDone(scan, 12)

    scan.cancel()
    const sentBeforeCancel = traffic.requests.length
    const underWay = detailsUnderWay(queryClient)
    const doneAtCancel = scan.getSnapshot().done
    expect(scan.getSnapshot().status).toBe('cancelled')
    await run

    const settled = await settle(traffic)
    expect(traffic.requests.length).toBe(settled)
    expect(idsOf(traffic, 'details', sentBeforeCancel).every((id) => underWay.has(id))).toBe(true)
    // Nothing is asked after a cancel: not even the size of a segment whose details were on their way.
    expect(idsOf(traffic, 'data_series', sentBeforeCancel)).toEqual([])
    expect(scan.getSnapshot()).toMatchObject({ status: 'cancelled', total: TOTAL, done: doneAtCancel })
    expect(doneAtCancel).toBeLessThan(TOTAL)

    const fetched = (key: readonly unknown[]) => queryClient.getQueryState(key)?.status === 'success'
    const scanned = SEGMENTS.filter(
      (segment) =>
        fetched(brazeQueries.details(segment.id).queryKey) &&
        (!isTracked(segment) || fetched(brazeQueries.dataSeries(segment.id, SIZE_SERIES_DAYS).queryKey)),
    )
    await scan.start()

    expect(scan.getSnapshot()).toMatchObject({
      status: 'done',
      total: TOTAL,
      skipped: scanned.length,
      done: TOTAL - scanned.length,
    })
    expect(sorted(idsOf(traffic, 'details'))).toEqual(sorted(ALL_IDS))
    expect(sorted(idsOf(traffic, 'data_series'))).toEqual(sorted(TRACKED_IDS))
  })

  it('counts a segment whose details answer 400 as failed and still completes', async () => {
    const traffic = watchBraze({
      answer: (request) =>
        request.endpoint === 'details' && request.id === FIRST_TRACKED.id
          ? HttpResponse.json({ message: 'Invalid segment_id' }, { status: 400 })
          : undefined,
    })
    const queryClient = newQueryClient()
    const scan = new DetailsScan(queryClient)

    await scan.start()

    expect(scan.getSnapshot()).toMatchObject({ status: 'done', total: TOTAL, done: TOTAL, failed: 1 })
    expect(queryClient.getQueryState(brazeQueries.details(FIRST_TRACKED.id).queryKey)?.status).toBe('error')
    expect(idsOf(traffic, 'data_series')).not.toContain(FIRST_TRACKED.id)
    expect(idsOf(traffic, 'data_series')).toHaveLength(TRACKED_IDS.length - 1)
  })

  it('waits out a 429 on a details request and retries it', async () => {
    const limited = brazeSegment(3)
    const traffic = watchBraze({
      answer: (request) =>
        request.endpoint === 'details' && request.id === limited.id && request.attempt === 1
          ? HttpResponse.json({ message: 'Rate limit exceeded' }, { status: 429, headers: { 'Retry-After': '0' } })
          : undefined,
    })
    const queryClient = newQueryClient()
    const scan = new DetailsScan(queryClient)

    await scan.start()

    expect(scan.getSnapshot()).toMatchObject({ status: 'done', total: TOTAL, done: TOTAL, failed: 0 })
    expect(idsOf(traffic, 'details').filter((id) => id === limited.id)).toHaveLength(2)
    expect(queryClient.getQueryData(brazeQueries.details(limited.id).queryKey)).toMatchObject({ name: limited.name })
  })

  it('fails with the reason when the Braze list cannot be read', async () => {
    const traffic = watchBraze({
      answer: (request) =>
        request.endpoint === 'list' ? HttpResponse.json({ message: 'Invalid API key' }, { status: 401 }) : undefined,
    })
    const scan = new DetailsScan(newQueryClient())

    await scan.start()

    const state = scan.getSnapshot()
    expect(state).toMatchObject({ status: 'failed', total: 0, done: 0 })
    // Typed, for the page to say in plain words: which provider, why, and what Braze said.
    expect(state.problem).toMatchObject({
      provider: 'braze',
      reason: 'unauthorized',
      providerMessage: 'Invalid API key',
    })
    expect(segmentRequests(traffic)).toEqual([])
  })

  it('is one scan per QueryClient', () => {
    const queryClient = newQueryClient()
    const scan = detailsScanFor(queryClient)

    expect(detailsScanFor(queryClient)).toBe(scan)
    expect(scan).toBeInstanceOf(DetailsScan)
    expect(detailsScanFor(newQueryClient())).not.toBe(scan)
  })
})
