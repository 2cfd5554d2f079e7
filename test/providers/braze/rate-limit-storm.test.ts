// The Braze list under a real provider's weather: a 429 on every 5th call, and a provider that keeps failing.
import { http, HttpResponse } from 'msw'
import { BRAZE_PAGES_PER_REQUEST } from '../../../src/providers/braze/list-stream'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RetryPolicy } from '../../../src/lib/http'
import { brazeListPagesHandler, createDemoHandlers } from '../../msw/demo-handlers'
import { countedBrazeList, fetchAllBrazeSegments, LIST, pageOf } from './list-traffic'

const server = setupServer(brazeListPagesHandler)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** No real waiting: every wait the listing asks for is recorded and returns at once. */
function zeroSleep() {
  const waits: number[] = []
  const retry: Partial<RetryPolicy> = { sleep: async (ms) => void waits.push(ms), random: () => 0.5 }
  return { waits, retry }
}

/**
 * The demo Braze list where every `every`-th call answers 429 without Retry-After, as Braze does; every answer carries
 * X-RateLimit-Reset (here 2 s ahead). `served` lists the pages answered with their segments.
 */
function rateLimitEvery(count: number, every: number) {
  const demo = createDemoHandlers({ brazeCount: count, commandersActCount: 0 })
  const calls = { all: 0, limited: 0, served: [] as number[] }
  server.use(
    http.get(LIST, async ({ request }) => {
      calls.all += 1
      const headers = { 'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + 2) }
      if (calls.all % every === 0) {
        calls.limited += 1
        return HttpResponse.json({ message: 'Rate Limited' }, { status: 429, headers })
      }
      calls.served.push(pageOf(request))
      const answer = await demo.forwardToBraze(request)
      return new Response(answer.body, {
        status: answer.status,
        headers: { ...Object.fromEntries(answer.headers), ...headers },
      })
    }),
  )
  return { data: demo.data, calls }
}

/** The first list request answers 429 with `headers` and an X-RateLimit-Reset 30 s away; the rest go through. */
function rateLimitedOnce(headers: Record<string, string>) {
  let limited = false
  server.use(
    http.get(LIST, () => {
      if (limited) return undefined
      limited = true
      const reset = String(Math.ceil(Date.now() / 1000) + 30)
      return HttpResponse.json(
        { message: 'Rate Limited' },
        { status: 429, headers: { ...headers, 'X-RateLimit-Reset': reset } },
      )
    }),
  )
}

describe('a 429 on every 5th Braze call', () => {
  it.each([1_200, 10_000])(
    'lists all %i segments, each page taken once, waiting until X-RateLimit-Reset',
    async (count) => {
      const { data, calls } = rateLimitEvery(count, 5)
      const { waits, retry } = zeroSleep()
      const segments = await fetchAllBrazeSegments({ retry })
      expect(segments.map((segment) => segment.id)).toEqual(data.braze.map((segment) => segment.id))
      expect(calls.limited).toBeGreaterThan(0)
      // Every page that came back did so once: it is never asked for again.
      expect(new Set(calls.served).size).toBe(calls.served.length)
      // The waits follow X-RateLimit-Reset (2 s ahead, rounded up to the second), not a backoff of their own.
      expect(waits.length).toBeGreaterThan(0)
      for (const wait of waits) expect(wait).toBeLessThanOrEqual(3_000)
    },
  )

  it('says when loading resumes while Braze asks to wait, and that it resumed', async () => {
    rateLimitEvery(1_200, 5)
    const { retry } = zeroSleep()
    const told: (number | undefined)[] = []
    const before = Date.now()
    await fetchAllBrazeSegments({ retry, onWait: (until) => told.push(until) })
    const waits = told.filter((until): until is number => until !== undefined)
    expect(waits.length).toBeGreaterThan(0)
    for (const until of waits) expect(until).toBeGreaterThan(before)
    expect(told.at(-1)).toBeUndefined()
  })

  it('prefers Retry-After to X-RateLimit-Reset when a page carries one', async () => {
    countedBrazeList(server, 300)
    rateLimitedOnce({ 'Retry-After': '3' })
    const { waits, retry } = zeroSleep()
    expect(await fetchAllBrazeSegments({ retry })).toHaveLength(300)
    expect(waits).toEqual([3_000])
  })
})

describe('a 429 once the budget is spent', () => {
  it('waits until X-RateLimit-Reset, however far (up to the cap)', async () => {
    countedBrazeList(server, 300)
    rateLimitedOnce({ 'X-RateLimit-Remaining': '0' })
    const { waits, retry } = zeroSleep()
    // One page per request, one at a time: the 429's own headers are the latest the answer carries.
    expect(await fetchAllBrazeSegments({ retry, pagesPerRequest: 1, concurrency: 1 })).toHaveLength(300)
    expect(waits).toHaveLength(1)
    expect(waits[0]).toBeGreaterThan(28_000)
    expect(waits[0]).toBeLessThanOrEqual(31_000)
  })
})

describe('a 429 that says nothing about when to come back', () => {
  // The demo Braze sends X-RateLimit-Reset at the top of its hour window with calls left: no reason to wait for it.
  it('backs off, doubling at each 429 of the same page, rather than wait for a far reset with calls left', async () => {
    countedBrazeList(server, 300)
    let limited = 0
    server.use(
      http.get(LIST, ({ request }) => {
        if (pageOf(request) !== 1 || limited >= 2) return undefined
        limited += 1
        return HttpResponse.json({ message: 'Rate Limited' }, { status: 429 })
      }),
    )
    const { waits, retry } = zeroSleep()
    expect(await fetchAllBrazeSegments({ retry })).toHaveLength(300)
    expect(waits).toEqual([2_000, 4_000])
  })
})

describe('a provider that keeps failing', () => {
  /** Every list call reaching Braze gets `answer`; the count is of those calls. */
  function brazeAnswering(answer: () => Response) {
    const calls = { count: 0 }
    server.use(
      http.get(LIST, () => {
        calls.count += 1
        return answer()
      }),
    )
    return calls
  }
  const unavailable = () => HttpResponse.json({ message: 'Service Unavailable' }, { status: 503 })

  it.each([
    { what: '503', answer: unavailable },
    {
      what: 'a network failure',
      answer: () => HttpResponse.json({ error: 'upstream_unreachable', provider: 'braze' }, { status: 502 }),
    },
  ])('gives up after at most 20 calls to Braze on $what', async ({ answer }) => {
    const calls = brazeAnswering(answer)
    const { retry } = zeroSleep()
    await expect(fetchAllBrazeSegments({ retry })).rejects.toMatchObject({ provider: 'braze' })
    expect(calls.count).toBeGreaterThan(1)
    expect(calls.count).toBeLessThanOrEqual(20)
  })

  it('asks once for each page of a list the server had seen whole, then gives up within 20 more calls', async () => {
    const calls = brazeAnswering(unavailable)
    const { retry } = zeroSleep()
    await expect(fetchAllBrazeSegments({ retry, knownPages: 13 })).rejects.toMatchObject({ provider: 'braze' })
    expect(calls.count).toBeGreaterThan(13)
    expect(calls.count).toBeLessThanOrEqual(13 + 20)
  })

  it('says a wrong REST endpoint at once (a 404 from Braze is the URL, not a segment)', async () => {
    const calls = brazeAnswering(() => HttpResponse.json({ message: 'Invalid URL' }, { status: 404 }))
    await expect(fetchAllBrazeSegments(zeroSleep())).rejects.toMatchObject({
      provider: 'braze',
      reason: 'wrong_endpoint',
    })
    expect(calls.count).toBeLessThanOrEqual(BRAZE_PAGES_PER_REQUEST)
  })
})
