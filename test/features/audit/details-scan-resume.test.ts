// The details scan after a reload: a marker says a scan was under way, the restored cache says what it fetched; a new
// scan on a new QueryClient picks up the rest (or waits, paused), and a scan leaves no marker once cancelled, or once
// finished and saved.
import { dehydrate, hydrate, QueryClient, type DehydratedState } from '@tanstack/react-query'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { DetailsScan } from '../../../src/features/audit/details-scan'
import { SIZE_SERIES_DAYS } from '../../../src/providers/braze/cached-queries'
import type { ScanMarker, ScanMarkerStore } from '../../../src/features/audit/scan-marker'
import { brazeQueries } from '../../../src/providers/braze/queries'
import { createDemoHandlers, listedSegments } from '../../msw/demo-handlers'
import { idsOf, segmentRequests, sorted, untilDone, watchBraze } from './details-scan-traffic'

const demo = createDemoHandlers({ brazeCount: 120, commandersActCount: 0 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const SEGMENTS = demo.data.braze
const TOTAL = SEGMENTS.length
const HOUR = 60 * 60_000
/** Tracked as the app lists it (a flag other than boolean true is not): the segments whose size the scan fetches. */
const TRACKED = new Set(
  listedSegments(demo.data)
    .filter((segment) => segment.provider === 'braze' && segment.analyticsTracking === true)
    .map((segment) => segment.id),
)

/** localStorage as the scan sees it, in memory. */
function memoryMarkerStore(initial?: ScanMarker): ScanMarkerStore & { current: () => ScanMarker | undefined } {
  let marker = initial
  return {
    read: () => marker,
    write: (next) => {
      marker = next
    },
    clear: () => {
      marker = undefined
    },
    current: () => marker,
  }
}

const newQueryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })

const isFetched = (queryClient: QueryClient, key: readonly unknown[]) =>
  queryClient.getQueryState(key)?.status === 'success'

/** Segments the cache holds whole: details, and the size when tracked. */
function scannedIds(queryClient: QueryClient): string[] {
  return SEGMENTS.filter(
    (segment) =>
      isFetched(queryClient, brazeQueries.details(segment.id).queryKey) &&
      (!TRACKED.has(segment.id) ||
        isFetched(queryClient, brazeQueries.dataSeries(segment.id, SIZE_SERIES_DAYS).queryKey)),
  ).map((segment) => segment.id)
}

/** Segments whose details the cache lacks: the ones a resumed scan asks for. */
function missingDetailsIds(queryClient: QueryClient): string[] {
  return SEGMENTS.map((segment) => segment.id).filter(
    (id) => !isFetched(queryClient, brazeQueries.details(id).queryKey),
  )
}

/** Moves every fetch time and the scan's start back, as if the reload came `ms` later. */
function agedBy(ms: number, cache: DehydratedState, marker: ScanMarker): [DehydratedState, ScanMarker] {
  const queries = cache.queries.map((query) => ({
    ...query,
    state: { ...query.state, dataUpdatedAt: query.state.dataUpdatedAt - ms },
  }))
  return [
    { ...cache, queries },
    { ...marker, startedAt: marker.startedAt - ms },
  ]
}

interface Interrupted {
  /** The cache as the persister would have saved it. */
  cache: DehydratedState
  marker: ScanMarker
  scannedBefore: string[]
  missingDetails: string[]
}

/** Runs a scan until `count` segments are fetched, then "reloads": what was persisted, and the marker left behind. */
async function interruptedScan(count: number, pauseFirst = false): Promise<Interrupted> {
  const traffic = watchBraze(server, demo, { delayMs: 3 })
  const queryClient = newQueryClient()
  const store = memoryMarkerStore()
  const scan = new DetailsScan(queryClient, { marker: store })
  const run = scan.start()
  await untilDone(scan, count)
  if (pauseFirst) scan.pause()
  const marker = store.current()
  if (!marker) throw new Error('the running scan left no marker')
  const cache = dehydrate(queryClient)
  // The old page is gone: its scan stops (its own marker store is not the one the next page reads).
  scan.cancel()
  await run
  await vi.waitFor(() => expect(traffic.inFlight).toBe(0))
  server.resetHandlers()
  const persisted = newQueryClient()
  hydrate(persisted, cache)
  return { cache, marker, scannedBefore: scannedIds(persisted), missingDetails: missingDetailsIds(persisted) }
}

/** The app after the reload: a new QueryClient restored from the persisted cache, and a scan reading the marker. */
function reloaded({ cache, marker }: Pick<Interrupted, 'cache' | 'marker'>) {
  const queryClient = newQueryClient()
  hydrate(queryClient, cache)
  const store = memoryMarkerStore(marker)
  // The save after the end is not waited for here: the marker goes as soon as the scan is done.
  const sleep = () => Promise.resolve()
  return { queryClient, store, scan: new DetailsScan(queryClient, { marker: store, sleep }) }
}

/** A whole scan, done, in the seconds before the cache's save: the marker a reload then finds, and the page's cache. */
async function finishedBeforeTheSave(): Promise<{ queryClient: QueryClient; marker: ScanMarker }> {
  watchBraze(server, demo, { delayMs: 1 })
  const queryClient = newQueryClient()
  const store = memoryMarkerStore()
  const scan = new DetailsScan(queryClient, { marker: store, sleep: () => new Promise<void>(() => {}) })
  await scan.start()
  expect(scan.getSnapshot().status).toBe('done')
  const marker = store.current()
  if (!marker) throw new Error('the finished scan left no marker for a reload to resume from')
  server.resetHandlers()
  return { queryClient, marker }
}

describe('DetailsScan after a reload', () => {
  it('marks a scan as under way while it runs or is paused, until the cache has saved its end, or cancelled', async () => {
    watchBraze(server, demo, { delayMs: 3 })
    const store = memoryMarkerStore()
    // The only wait of a scan that meets no rate limit: the one for the cache's save after its end.
    let saved: (() => void) | undefined
    const sleep = () => new Promise<void>((resolve) => (saved = resolve))
    const scan = new DetailsScan(newQueryClient(), { marker: store, sleep })
    const before = Date.now()
    const run = scan.start()

    expect(store.current()).toEqual({ startedAt: expect.any(Number), status: 'running' })
    expect(store.current()?.startedAt).toBeGreaterThanOrEqual(before)
    const startedAt = store.current()?.startedAt
    await untilDone(scan, 5)
    scan.pause()
    expect(store.current()).toEqual({ startedAt, status: 'paused' })
    scan.resume()
    expect(store.current()).toEqual({ startedAt, status: 'running' })
    await run
    // Done, but the last answers may not be in the saved cache yet: a reload now resumes, and fetches only those.
    expect(scan.getSnapshot().status).toBe('done')
    expect(store.current()).toEqual({ startedAt, status: 'running' })
    saved?.()
    await vi.waitFor(() => expect(store.current()).toBeUndefined())

    const again = scan.start()
    expect(store.current()?.status).toBe('running')
    scan.cancel()
    await again
    expect(store.current()).toBeUndefined()
  })

  it('resumes where it stopped: fetches only what is left and finishes', async () => {
    const interrupted = await interruptedScan(40)
    expect(interrupted.scannedBefore.length).toBeGreaterThanOrEqual(40)
    const traffic = watchBraze(server, demo)
    const { scan, store } = reloaded(interrupted)

    await scan.resumeInterrupted()

    expect(scan.getSnapshot()).toMatchObject({
      status: 'done',
      resumed: true,
      total: TOTAL,
      skipped: interrupted.scannedBefore.length,
      done: TOTAL - interrupted.scannedBefore.length,
      failed: 0,
    })
    expect(sorted(idsOf(traffic, 'details'))).toEqual(sorted(interrupted.missingDetails))
    expect(interrupted.missingDetails.length).toBeLessThanOrEqual(TOTAL - 40)
    expect(segmentRequests(traffic).every((request) => request.attempt === 1)).toBe(true)
    // The list came back with the cache: it is not asked again.
    expect(idsOf(traffic, 'list')).toEqual([])
    await vi.waitFor(() => expect(store.current()).toBeUndefined())
  })

  it('skips what it fetched since it started even when that is long past the 10 minutes of freshness', async () => {
    const interrupted = await interruptedScan(40)
    const [cache, marker] = agedBy(2 * HOUR, interrupted.cache, interrupted.marker)
    // Fetched before the scan started, and older than the server keeps Braze's answers (24 hours in these tests): the
    // resumed scan fetches it again.
    const before = interrupted.scannedBefore[0] ?? ''
    const queries = cache.queries.map((query) =>
      query.queryKey[2] === before
        ? { ...query, state: { ...query.state, dataUpdatedAt: marker.startedAt - 25 * HOUR } }
        : query,
    )
    const traffic = watchBraze(server, demo)
    const { scan } = reloaded({ cache: { ...cache, queries }, marker })

    await scan.resumeInterrupted()

    expect(scan.getSnapshot()).toMatchObject({ status: 'done', skipped: interrupted.scannedBefore.length - 1 })
    expect(sorted(idsOf(traffic, 'details'))).toEqual(sorted([before, ...interrupted.missingDetails]))
  })

  it('comes back paused when it was paused, sends nothing until Resume, then finishes', async () => {
    const interrupted = await interruptedScan(20, true)
    expect(interrupted.marker.status).toBe('paused')
    const traffic = watchBraze(server, demo)
    const { scan, store } = reloaded(interrupted)

    const run = scan.resumeInterrupted()
    await vi.waitFor(() => expect(scan.getSnapshot().status).toBe('paused'))

    expect(scan.getSnapshot()).toMatchObject({
      resumed: true,
      total: TOTAL,
      skipped: interrupted.scannedBefore.length,
      done: 0,
    })
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(segmentRequests(traffic)).toEqual([])
    expect(store.current()).toEqual(interrupted.marker)

    scan.resume()
    await run

    expect(scan.getSnapshot()).toMatchObject({ status: 'done', done: TOTAL - interrupted.scannedBefore.length })
    await vi.waitFor(() => expect(store.current()).toBeUndefined())
  })

  it('resumes after a reload just after the end, before the saved cache had the last answers, and fetches those', async () => {
    const { queryClient, marker } = await finishedBeforeTheSave()
    // The page reloads before the persisted cache took the last few answers: the save had all but these.
    const lastFew = new Set(SEGMENTS.slice(-3).map((segment) => segment.id))
    const saved = dehydrate(queryClient)
    const cache = { ...saved, queries: saved.queries.filter((query) => !lastFew.has(String(query.queryKey[2]))) }
    const traffic = watchBraze(server, demo)
    const after = reloaded({ cache, marker })

    await after.scan.resumeInterrupted()

    expect(sorted(idsOf(traffic, 'details'))).toEqual(sorted([...lastFew]))
    expect(missingDetailsIds(after.queryClient)).toEqual([])
  })

  it('after a reload once the cache had saved the whole scan, asks nothing and says the scan as it ended', async () => {
    const { queryClient, marker } = await finishedBeforeTheSave()
    const traffic = watchBraze(server, demo)
    const after = reloaded({ cache: dehydrate(queryClient), marker })

    await after.scan.resumeInterrupted()

    expect(segmentRequests(traffic)).toEqual([])
    expect(after.scan.getSnapshot().status).toBe('idle')
    expect(after.store.current()).toBeUndefined()
  })

  it('does nothing without a marker', async () => {
    const traffic = watchBraze(server, demo)
    const scan = new DetailsScan(newQueryClient(), { marker: memoryMarkerStore() })

    await scan.resumeInterrupted()

    expect(scan.getSnapshot().status).toBe('idle')
    expect(traffic.requests).toEqual([])
  })
})
