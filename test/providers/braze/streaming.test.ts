// How the Braze list reaches its consumer: requests that never wait for it, and pages handed over in batches, in page
// order, the first one alone and at once, the last ones as soon as the list is complete.
import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { BRAZE_LIST_BATCH_MS, streamAllBrazeSegments, type BatchClock } from '../../../src/providers/braze/list-stream'
import type { Segment } from '../../../src/providers/segment'
import { brazeListPagesHandler, createDemoHandlers } from '../../msw/demo-handlers'
import { countedBrazeList, LIST, pageOf } from './list-traffic'
import { held } from '../../held'

const server = setupServer(brazeListPagesHandler)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** A clock that only moves when the test says; `sleeping` counts the batch windows waiting on it. */
function manualClock() {
  let time = 0
  const sleepers = new Set<{ until: number; wake: () => void }>()
  const clock: BatchClock = {
    now: () => time,
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        const sleeper = { until: time + ms, wake: resolve }
        sleepers.add(sleeper)
        signal.addEventListener('abort', () => {
          sleepers.delete(sleeper)
          resolve()
        })
      }),
  }
  return {
    clock,
    get sleeping() {
      return sleepers.size
    },
    advance(ms: number) {
      time += ms
      for (const sleeper of sleepers) {
        if (sleeper.until > time) continue
        sleepers.delete(sleeper)
        sleeper.wake()
      }
    },
  }
}

/**
 * The demo list, each page answered only once the test releases it. `requested` lists the pages asked for: since one
 * more page is requested as each full page is taken in, it also tells when a released page has been taken in.
 */
function heldBraze(brazeCount: number) {
  const demo = createDemoHandlers({ brazeCount, commandersActCount: 0 })
  const gates = new Map<number, { opened: Promise<void>; open: () => void }>()
  let allOpen = false
  const gate = (page: number) => {
    let found = gates.get(page)
    if (!found) {
      const { released: opened, release: open } = held()
      found = { opened, open }
      gates.set(page, found)
      if (allOpen) open()
    }
    return found
  }
  const requested: number[] = []
  server.use(
    http.get(LIST, async ({ request }) => {
      const page = pageOf(request)
      requested.push(page)
      await gate(page).opened
      return demo.forwardToBraze(request)
    }),
  )
  const idsOfPages = (from: number, to: number) =>
    demo.data.braze.slice(from * 100, to * 100).map((segment) => segment.id)
  return {
    requested,
    idsOfPages,
    release: (...pages: number[]) => {
      for (const page of pages) gate(page).open()
    },
    /** Lets every request held or still to come through, so that no handler is left hanging after the test. */
    releaseAll: () => {
      allOpen = true
      for (const { open } of gates.values()) open()
    },
  }
}

const idsOf = (chunk: IteratorResult<Segment[]>) => (chunk.done ? undefined : chunk.value.map((segment) => segment.id))

/** Whether `promise` is still pending once the pending callbacks have run. */
async function isPending(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending')
  const first = await Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(marker), 20))])
  return first === marker
}

describe('streamAllBrazeSegments: batches', () => {
  it('hands over the first page alone and at once, even when later pages are already in', async () => {
    const braze = heldBraze(550)
    const time = manualClock()
    const listing = streamAllBrazeSegments({ pagesPerRequest: 4, concurrency: 3, clock: time.clock })
    const first = listing.next()
    // One request alone until a page has come back: a provider that is down is not asked for 12 pages at once.
    await vi.waitFor(() => expect([...braze.requested].sort()).toEqual([0, 1, 2, 3]))
    braze.release(1, 2, 3)
    expect(await isPending(first)).toBe(true)

    braze.release(0)
    expect(idsOf(await first)).toEqual(braze.idsOfPages(0, 1))
    await vi.waitFor(() => expect(braze.requested.length).toBeGreaterThan(4))
    await listing.return()
    braze.releaseAll()
  })

  it('collects the pages taken in within the window into one chunk, in page order, then the last one at once', async () => {
    const braze = heldBraze(550)
    const time = manualClock()
    const listing = streamAllBrazeSegments({ pagesPerRequest: 1, concurrency: 3, clock: time.clock })
    const first = listing.next()
    braze.release(0)
    expect(idsOf(await first)).toEqual(braze.idsOfPages(0, 1))

    const second = listing.next()
    // Out of order: page 2 waits in the buffer for page 1.
    braze.release(2, 1)
    await vi.waitFor(() => expect(braze.requested).toEqual([0, 1, 2, 3, 4, 5]))
    braze.release(4)
    await vi.waitFor(() => expect(braze.requested).toEqual([0, 1, 2, 3, 4, 5, 6]))
    expect(time.sleeping).toBe(1)
    time.advance(BRAZE_LIST_BATCH_MS - 1)
    expect(await isPending(second)).toBe(true)

    time.advance(1)
    // Page 4 is in, but not page 3: it stays for the next chunk.
    expect(idsOf(await second)).toEqual(braze.idsOfPages(1, 3))

    const third = listing.next()
    braze.release(3)
    await vi.waitFor(() => expect(time.sleeping).toBe(1))
    time.advance(BRAZE_LIST_BATCH_MS)
    expect(idsOf(await third)).toEqual(braze.idsOfPages(3, 5))

    // Page 5 is the short last page (50): the list is complete, handed over without waiting for the window.
    const last = listing.next()
    braze.release(5)
    expect(idsOf(await last)).toEqual(braze.idsOfPages(5, 6))
    expect(braze.idsOfPages(5, 6)).toHaveLength(50)
    expect(await listing.next()).toEqual({ done: true, value: undefined })
    expect(time.sleeping).toBe(0)
    braze.releaseAll()
  })

  it('hands over the whole rest at once when the list completes inside the window', async () => {
    const braze = heldBraze(550)
    const time = manualClock()
    const listing = streamAllBrazeSegments({ pagesPerRequest: 1, concurrency: 6, clock: time.clock })
    const first = listing.next()
    braze.release(0)
    await first

    const rest = listing.next()
    braze.release(5, 3, 1, 4, 2)
    expect(idsOf(await rest)).toEqual(braze.idsOfPages(1, 6))
    expect(await listing.next()).toEqual({ done: true, value: undefined })
    braze.releaseAll()
  })

  it('hands every page over on its own with batchMs 0', async () => {
    const demo = createDemoHandlers({ brazeCount: 450, commandersActCount: 0, latencyMs: 2 })
    server.use(...demo.handlers)
    const chunks: number[] = []
    for await (const chunk of streamAllBrazeSegments({ pagesPerRequest: 1, concurrency: 1, batchMs: 0 }))
      chunks.push(chunk.length)
    expect(chunks).toEqual([100, 100, 100, 100, 50])
  })

  it('throws a page failing while the consumer is busy at its next pull, and requests no more', async () => {
    const braze = heldBraze(2_000)
    const time = manualClock()
    const listing = streamAllBrazeSegments({ pagesPerRequest: 1, concurrency: 3, clock: time.clock })
    const first = listing.next()
    braze.release(0)
    await first
    let unauthorized = 0
    server.use(
      http.get(LIST, ({ request }) => {
        if (pageOf(request) !== 4) return undefined
        unauthorized += 1
        return HttpResponse.json({ message: 'Invalid API key' }, { status: 401 })
      }),
    )
    // Page 1 lets page 4 be requested; it fails while nobody pulls.
    braze.release(1)
    await vi.waitFor(() => expect(unauthorized).toBe(1))
    await delay(20)

    await expect(listing.next()).rejects.toMatchObject({ provider: 'braze', reason: 'unauthorized', status: 401 })
    braze.releaseAll()
    await delay(30)
    expect(braze.requested).toEqual([0, 1, 2, 3])
    expect(unauthorized).toBe(1)
  })
})

describe('streamAllBrazeSegments: requests do not wait for the consumer', () => {
  it('keeps 6 pages in flight and reads the whole list while the consumer holds on to the first chunk', async () => {
    const { data, stats } = countedBrazeList(server, 3_000, 10)
    const listing = streamAllBrazeSegments({ pagesPerRequest: 1, concurrency: 6 })
    const first = await listing.next()
    expect(first.done).toBe(false)

    // The consumer is busy: every page (31, the last one empty) is requested all the same, 6 at a time.
    const everyPage = Array.from({ length: 31 }, (_, page) => page)
    await vi.waitFor(() => expect(stats.pages).toEqual(expect.arrayContaining(everyPage)), { timeout: 2_000 })
    expect(stats.maxInFlight).toBe(6)

    const rest: Segment[] = []
    for (let chunk = await listing.next(); !chunk.done; chunk = await listing.next()) rest.push(...chunk.value)
    // Everything was in already: the rest comes as one chunk, in page order.
    expect([...(first.done ? [] : first.value), ...rest].map((segment) => segment.id)).toEqual(
      data.braze.map((segment) => segment.id),
    )
    expect(new Set(stats.pages).size).toBe(stats.pages.length)
  })

  it('stops requesting when the signal aborts while the consumer is busy', async () => {
    const { stats } = countedBrazeList(server, 5_000, 20)
    const controller = new AbortController()
    const listing = streamAllBrazeSegments({ pagesPerRequest: 1, signal: controller.signal, concurrency: 6 })
    await listing.next()
    await vi.waitFor(() => expect(stats.pages.length).toBeGreaterThan(12))

    controller.abort()
    const requested = stats.pages.length
    await expect(listing.next()).rejects.toMatchObject({ name: 'AbortError' })
    await delay(60)
    expect(stats.pages).toHaveLength(requested)
    expect(stats.inFlight).toBe(0)
  })

  it('stops requesting when the consumer stops pulling early (return)', async () => {
    const { stats } = countedBrazeList(server, 5_000, 20)
    const listing = streamAllBrazeSegments({ pagesPerRequest: 1, concurrency: 6 })
    await listing.next()
    await vi.waitFor(() => expect(stats.pages.length).toBeGreaterThan(12))

    await listing.return()
    const requested = stats.pages.length
    await delay(60)
    expect(stats.pages).toHaveLength(requested)
    expect(stats.inFlight).toBe(0)
  })
})
