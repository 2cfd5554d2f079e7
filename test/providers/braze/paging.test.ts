// Listing every Braze segment: speculative concurrent paging, its end, per-page retries, duplicates and progress.
import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RetryPolicy } from '../../../src/lib/http'
import { fetchBrazeSegmentPages } from '../../../src/providers/braze/list-pages'
import { BRAZE_LIST_MAX_RETRIES } from '../../../src/providers/braze/list-retry'
import { BRAZE_PAGES_PER_REQUEST, streamAllBrazeSegments } from '../../../src/providers/braze/list-stream'
import { ProviderError } from '../../../src/providers/provider-error'
import { NOT_PROVIDED } from '../../../src/providers/segment'
import { brazeListPages, brazeListPagesHandler } from '../../msw/demo-handlers'
import { countedBrazeList, fetchAllBrazeSegments, LIST, pageOf } from './list-traffic'

const server = setupServer(brazeListPagesHandler)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** Retries without real waits; the waits asked for are recorded. */
function fastRetry() {
  const waits: number[] = []
  const retry: Partial<RetryPolicy> = {
    sleep: async (ms) => {
      waits.push(ms)
    },
    random: () => 0.5,
  }
  return { waits, retry }
}

function listBody(ids: string[]) {
  return {
    message: 'success',
    segments: ids.map((id) => ({ id, name: `Segment ${id}`, analytics_tracking_enabled: true, tags: [] })),
  }
}

const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => `id-${from + index}`)

describe('fetchAllBrazeSegments', () => {
  it.each([
    { name: 'a long list with a short last page', count: 1_234, pages: 13 },
    { name: 'an exact multiple of 100, which ends on an empty page', count: 300, pages: 4 },
    { name: 'a short single page', count: 42, pages: 1 },
    { name: 'an empty list', count: 0, pages: 1 },
  ])('lists $name: every segment once, pages read in order one at a time', async ({ count, pages }) => {
    const { data, stats } = countedBrazeList(server, count)
    const segments = await fetchAllBrazeSegments({ pagesPerRequest: 1, concurrency: 1 })
    expect(segments.map((segment) => segment.id)).toEqual(data.braze.map((segment) => segment.id))
    expect(stats.pages).toEqual(Array.from({ length: pages }, (_, page) => page))
  })

  it('maps the demo list into Segments, tags omitted by old accounts read as not provided', async () => {
    const { data } = countedBrazeList(server, 50)
    const segments = await fetchAllBrazeSegments({ pagesPerRequest: 1 })
    const omitted = data.braze.findIndex((segment) => segment.tags === undefined)
    const withNull = data.braze.findIndex((segment) => segment.tags?.includes(null))
    expect(segments[0]).toEqual({
      key: `braze:${data.braze[0]?.id}`,
      provider: 'braze',
      id: data.braze[0]?.id,
      name: data.braze[0]?.name,
      tags: data.braze[0]?.tags,
      analyticsTracking: data.braze[0]?.analyticsTrackingEnabled,
    })
    expect(segments[omitted]?.tags).toBe(NOT_PROVIDED)
    expect(segments[withNull]?.tags).toEqual(data.braze[withNull]?.tags?.filter((tag) => tag !== null))
  })

  it('reads 1,234 segments concurrently, in page order, without requesting more than a few pages past the end', async () => {
    const { data, stats } = countedBrazeList(server, 1_234, 5)
    const segments = await fetchAllBrazeSegments({ pagesPerRequest: 1, concurrency: 6 })
    // Pages answer in any order; they are handed over in page order.
    expect(segments.map((segment) => segment.id)).toEqual(data.braze.map((segment) => segment.id))
    expect(stats.maxInFlight).toBeGreaterThan(1)
    expect(stats.pages.length).toBeLessThanOrEqual(13 + 5)
    expect(new Set(stats.pages).size).toBe(stats.pages.length)
  })

  it.each([1, 3, 6])('never has more than %i pages in flight', async (concurrency) => {
    const { stats } = countedBrazeList(server, 2_050, 5)
    expect(await fetchAllBrazeSegments({ pagesPerRequest: 1, concurrency })).toHaveLength(2_050)
    expect(stats.maxInFlight).toBe(concurrency)
  })

  it('drops ids seen on an earlier page (offset paging shifts when segments are added meanwhile)', async () => {
    const pages = [ids(0, 100), ids(99, 199), ids(150, 230)]
    server.use(http.get(LIST, ({ request }) => HttpResponse.json(listBody(pages[pageOf(request)] ?? []))))
    const segments = await fetchAllBrazeSegments({ pagesPerRequest: 1, concurrency: 2 })
    expect(segments.map((segment) => segment.id)).toEqual(ids(0, 230))
  })

  it('waits out a 429 on one page, halves its concurrency, and still lists everything', async () => {
    const { stats } = countedBrazeList(server, 1_000, 20)
    let rateLimited = false
    const inFlightAtLaterPages: number[] = []
    server.use(
      http.get(LIST, ({ request }) => {
        const page = pageOf(request)
        if (page === 0 && !rateLimited) {
          rateLimited = true
          return HttpResponse.json({ message: 'Rate limit exceeded' }, { status: 429, headers: { 'Retry-After': '3' } })
        }
        if (page >= 4) inFlightAtLaterPages.push(stats.inFlight + 1)
        return undefined
      }),
    )
    const { waits, retry } = fastRetry()
    expect(await fetchAllBrazeSegments({ pagesPerRequest: 1, concurrency: 4, retry })).toHaveLength(1_000)
    expect(waits).toEqual([3_000])
    expect(stats.pages.filter((page) => page === 0)).toHaveLength(1)
    expect(Math.max(...inFlightAtLaterPages)).toBeLessThanOrEqual(2)
  })

  it('retries a page answering 500 twice, then lists everything', async () => {
    const { data, stats } = countedBrazeList(server, 450)
    let failures = 0
    server.use(
      http.get(LIST, ({ request }) => {
        if (pageOf(request) !== 2 || failures >= 2) return undefined
        failures += 1
        return HttpResponse.json({ message: 'Internal Server Error' }, { status: 500 })
      }),
    )
    const { waits, retry } = fastRetry()
    const segments = await fetchAllBrazeSegments({ pagesPerRequest: 1, concurrency: 3, retry })
    expect(segments).toHaveLength(data.braze.length)
    expect(failures).toBe(2)
    expect(waits).toEqual([300, 600])
    expect(stats.pages.filter((page) => page === 2)).toHaveLength(1)
  })

  it('fails with the page error once its retries are spent', async () => {
    countedBrazeList(server, 450)
    let attempts = 0
    server.use(
      http.get(LIST, ({ request }) => {
        if (pageOf(request) !== 1) return undefined
        attempts += 1
        return HttpResponse.json({ message: 'Service Unavailable' }, { status: 503 })
      }),
    )
    const { retry } = fastRetry()
    const failure = fetchAllBrazeSegments({ pagesPerRequest: 1, concurrency: 2, retry })
    await expect(failure).rejects.toMatchObject({ provider: 'braze', reason: 'server', status: 503 })
    expect(attempts).toBe(BRAZE_LIST_MAX_RETRIES + 1)
  })

  it('fails at once on a 401, without retrying, naming Braze', async () => {
    const { stats } = countedBrazeList(server, 1_000)
    let unauthorized = 0
    server.use(
      http.get(LIST, ({ request }) => {
        if (pageOf(request) !== 0) return undefined
        unauthorized += 1
        return HttpResponse.json({ message: 'Invalid API key' }, { status: 401 })
      }),
    )
    const { waits, retry } = fastRetry()
    const error = await fetchAllBrazeSegments({ pagesPerRequest: 1, concurrency: 3, retry }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(ProviderError)
    expect(error).toMatchObject({
      provider: 'braze',
      reason: 'unauthorized',
      status: 401,
      providerMessage: 'Invalid API key',
    })
    expect(unauthorized).toBe(1)
    expect(waits).toEqual([])
    expect(stats.pages.length).toBeLessThanOrEqual(3)
  })

  it('stops when the signal aborts', async () => {
    const { stats } = countedBrazeList(server, 5_000, 20)
    const controller = new AbortController()
    const listing = streamAllBrazeSegments({ pagesPerRequest: 1, signal: controller.signal, concurrency: 2 })
    const first = await listing.next()
    expect(first.done).toBe(false)
    controller.abort()
    await expect(listing.next()).rejects.toMatchObject({ name: 'AbortError' })
    const requested = stats.pages.length
    await delay(60)
    expect(stats.pages.length).toBe(requested)
    expect(requested).toBeLessThan(50)
  })
})

describe('streamAllBrazeSegments', () => {
  it('yields the first pages before the last page is answered', async () => {
    const { data, forward } = countedBrazeList(server, 250)
    let lastPageAnswered = false
    server.use(
      http.get(LIST, async ({ request }) => {
        if (pageOf(request) !== 2) return undefined
        await delay(150)
        lastPageAnswered = true
        return forward(request)
      }),
    )
    const chunks: { ids: string[]; lastPageAnswered: boolean }[] = []
    for await (const chunk of streamAllBrazeSegments({ pagesPerRequest: 1, concurrency: 4 })) {
      chunks.push({ ids: chunk.map((segment) => segment.id), lastPageAnswered })
    }
    expect(chunks[0]).toEqual({ ids: data.braze.slice(0, 100).map((segment) => segment.id), lastPageAnswered: false })
    // Pages 1 and 2 come in the same batch or in two, depending on when page 2 lands: in page order either way.
    expect(chunks.flatMap((chunk) => chunk.ids)).toEqual(data.braze.map((segment) => segment.id))
  })
})

describe('several pages per request (the proxy fetches them from Braze at once)', () => {
  /** Every request to the multi-page route: its first page and page count, and the most in flight at once. */
  function watchRequests() {
    const requests: { first: number; count: number }[] = []
    const stats = { inFlight: 0, maxInFlight: 0 }
    server.use(
      http.get(`${LIST}/pages`, async ({ request }) => {
        const url = new URL(request.url)
        requests.push({ first: Number(url.searchParams.get('page')), count: Number(url.searchParams.get('pages')) })
        stats.inFlight += 1
        stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight)
        try {
          return await brazeListPages(request)
        } finally {
          stats.inFlight -= 1
        }
      }),
    )
    return { requests, stats }
  }

  it(`asks for ${BRAZE_PAGES_PER_REQUEST} consecutive pages per request by default, and lists everything once, in order`, async () => {
    const { data, stats: pageStats } = countedBrazeList(server, 1_234, 3)
    const { requests, stats } = watchRequests()
    const segments = await fetchAllBrazeSegments({ concurrency: 3 })
    expect(segments.map((segment) => segment.id)).toEqual(data.braze.map((segment) => segment.id))
    expect(
      requests.every(
        (request) => request.count === BRAZE_PAGES_PER_REQUEST && request.first % BRAZE_PAGES_PER_REQUEST === 0,
      ),
    ).toBe(true)
    // Requests in flight are bounded by `concurrency`; the pages in flight by concurrency × pages per request.
    expect(stats.maxInFlight).toBe(3)
    expect(pageStats.maxInFlight).toBe(3 * BRAZE_PAGES_PER_REQUEST)
    // 13 pages: each page once, and no more than one round of requests past the end.
    expect(new Set(pageStats.pages).size).toBe(pageStats.pages.length)
    expect(pageStats.pages.length).toBeLessThanOrEqual(13 + 3 * BRAZE_PAGES_PER_REQUEST)
  })

  it('never asks for a page past a known end', async () => {
    const { data } = countedBrazeList(server, 250)
    const { requests } = watchRequests()
    // One request at a time, 2 pages each: [0, 1], then [2, 3]; page 2 is short, nothing after it is asked for.
    expect(await fetchAllBrazeSegments({ concurrency: 1, pagesPerRequest: 2 })).toHaveLength(data.braze.length)
    expect(requests).toEqual([
      { first: 0, count: 2 },
      { first: 2, count: 2 },
    ])
  })

  it('keeps the pages that came back with a 429 on another, and asks again only for that one, after the wait', async () => {
    const { stats } = countedBrazeList(server, 700)
    let rateLimited = false
    server.use(
      http.get(LIST, ({ request }) => {
        if (pageOf(request) !== 2 || rateLimited) return undefined
        rateLimited = true
        return HttpResponse.json({ message: 'Rate limit exceeded' }, { status: 429, headers: { 'Retry-After': '2' } })
      }),
    )
    const { requests } = watchRequests()
    const { waits, retry } = fastRetry()
    expect(await fetchAllBrazeSegments({ concurrency: 2, retry })).toHaveLength(700)
    expect(waits).toEqual([2_000])
    expect(requests).toContainEqual({ first: 2, count: 1 })
    // Every page reached the fake Braze once: page 2 after its 429 and the wait, the others never again.
    for (const page of [0, 1, 2, 3]) expect(stats.pages.filter((asked) => asked === page)).toHaveLength(1)
  })

  it('fails with the error of a page that fails for good, naming Braze', async () => {
    countedBrazeList(server, 900)
    server.use(
      http.get(LIST, ({ request }) =>
        pageOf(request) === 5 ? HttpResponse.json({ message: 'Invalid API key' }, { status: 401 }) : undefined,
      ),
    )
    const error = await fetchAllBrazeSegments({ concurrency: 2 }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ProviderError)
    expect(error).toMatchObject({ provider: 'braze', reason: 'unauthorized', status: 401 })
  })

  describe('a list whose length the server knows (knownPages)', () => {
    it('asks for every known page at once, without one request first, and nothing past the end', async () => {
      const { data, stats: pageStats } = countedBrazeList(server, 1_234, 20)
      const { requests, stats } = watchRequests()
      // Even with one request allowed at a time: the known pages are all asked for before any has come back.
      const segments = await fetchAllBrazeSegments({ knownPages: 13, concurrency: 1 })
      expect(segments.map((segment) => segment.id)).toEqual(data.braze.map((segment) => segment.id))
      expect(requests).toEqual([
        { first: 0, count: 5 },
        { first: 5, count: 5 },
        { first: 10, count: 3 },
      ])
      expect(stats.maxInFlight).toBe(3)
      expect([...pageStats.pages].sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, page) => page))
    })

    it('goes on past the known length once its last page comes back full (the list grew)', async () => {
      const { data, stats } = countedBrazeList(server, 1_234)
      const segments = await fetchAllBrazeSegments({ knownPages: 4 })
      expect(segments.map((segment) => segment.id)).toEqual(data.braze.map((segment) => segment.id))
      expect(new Set(stats.pages).size).toBe(stats.pages.length)
    })

    it('lists a list that shrank, from what it asked for', async () => {
      const { data, stats } = countedBrazeList(server, 250)
      expect(await fetchAllBrazeSegments({ knownPages: 13 })).toHaveLength(data.braze.length)
      expect(Math.max(...stats.pages)).toBeLessThan(13)
    })

    it('asks for at most 150 pages at once, however long the server says the list is', async () => {
      const { stats } = countedBrazeList(server, 1_234, 20)
      expect(await fetchAllBrazeSegments({ knownPages: 100_000 })).toHaveLength(1_234)
      expect(stats.maxInFlight).toBe(150)
    })
  })

  it('refuses an answer with fewer pages than asked for, naming the field', async () => {
    server.use(
      http.get(`${LIST}/pages`, () =>
        HttpResponse.json({ pages: [{ page: 0, status: 200, body: listBody(ids(0, 100)) }] }),
      ),
    )
    const error = await fetchBrazeSegmentPages(0, 3).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ provider: 'braze', reason: 'invalid_response', field: 'pages' })
    expect(String(error)).toContain('3 pages asked for, 1 answered')
  })
})
