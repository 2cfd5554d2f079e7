// The multi-page Braze list route: one browser request, several list pages asked of Braze at once.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createFakeBraze } from '../../../src/server/demo/braze-fake'
import { generateDemoData } from '../../../src/server/demo/data'
import { delay } from '../../../src/server/demo/fake-http'
import {
  captureLogger,
  expectCleanBrazeHeaders,
  NO_CREDENTIALS,
  rawRequest,
  startPluginServer,
  startProjectServer,
  startRawUpstream,
  startRecordingUpstream,
  withLeakyHeaders,
  type RawResponse,
} from './start-proxy'
import { held } from '../../held'

const API_KEY = 'brazeKeySecret0123456789'
const data = generateDemoData({ brazeCount: 250, commandersActCount: 0, seed: 7 })
const fakeBraze = createFakeBraze({ segments: data.braze, apiKey: API_KEY })
const PAGES = '/api/braze/segments/list/pages'

const pageOf = (url: string) => new URL(url, 'http://upstream').searchParams.get('page')

interface PageEntry {
  page: number
  status: number
  body?: { segments: unknown[] }
  error?: Record<string, unknown>
}
const pagesOf = (res: RawResponse) => (JSON.parse(res.text) as { pages: PageEntry[] }).pages

/** A failed page's entry says what the single-page route answers for that page: its status and its error object. */
function expectSameAsSingle(entry: PageEntry | undefined, single: RawResponse): void {
  const { resumeAt, ...error } = JSON.parse(single.text) as Record<string, unknown>
  expect(entry).toEqual({
    page: entry?.page,
    status: single.status,
    error: { ...error, ...(resumeAt === undefined ? {} : { resumeAt: expect.any(String) }) },
  })
}

describe('against the fake Braze, through the project config', () => {
  let braze: Awaited<ReturnType<typeof startRecordingUpstream>>
  let proxy: Awaited<ReturnType<typeof startProjectServer>>

  beforeAll(async () => {
    braze = await startRecordingUpstream(withLeakyHeaders(fakeBraze))
    proxy = await startProjectServer(
      { ...NO_CREDENTIALS, BRAZE_REST_ENDPOINT: braze.url, BRAZE_API_KEY: API_KEY },
      { customLogger: captureLogger().logger },
    )
  })

  afterAll(async () => {
    await proxy?.close()
    await braze?.close()
  })

  it('answers the pages in order, each exactly as the single route gives it, from one upstream call per page', async () => {
    braze.received.length = 0
    const res = await rawRequest(proxy.base, `${PAGES}?page=0&pages=3&sort_direction=desc`, {
      headers: { Cookie: 'session=browser-cookie', 'X-Extra': 'nope' },
    })

    expect(res.status).toBe(200)
    expect(braze.received).toHaveLength(3)
    const asked = braze.received
      .map((r) => ({ path: r.url.pathname, query: Object.fromEntries(r.url.searchParams) }))
      .sort((a, b) => Number(a.query.page) - Number(b.query.page))
    expect(asked).toEqual(
      ['0', '1', '2'].map((page) => ({ path: '/segments/list', query: { page, sort_direction: 'desc' } })),
    )
    for (const upstream of braze.received) {
      expect(upstream.headers.get('authorization')).toBe(`Bearer ${API_KEY}`)
      expect(upstream.headers.get('cookie')).toBeNull()
      expect(upstream.headers.get('x-extra')).toBeNull()
    }

    const singles = await Promise.all(
      [0, 1, 2].map((page) => rawRequest(proxy.base, `/api/braze/segments/list?page=${page}&sort_direction=desc`)),
    )
    const entries = singles.map((single, page) => `{"page":${page},"status":200,"body":${single.text}}`)
    expect(res.text).toBe(`{"pages":[${entries.join(',')}]}`)
    expect(pagesOf(res).map((entry) => entry.body?.segments.length)).toEqual([100, 100, 50])
  })

  it('sends no sort_direction unless asked, and runs past the last page like the single route', async () => {
    braze.received.length = 0
    const res = await rawRequest(proxy.base, `${PAGES}?page=2&pages=2`)
    expect(res.status).toBe(200)
    expect(
      braze.received.map((r) => Object.fromEntries(r.url.searchParams)).sort((a, b) => Number(a.page) - Number(b.page)),
    ).toEqual([{ page: '2' }, { page: '3' }])
    expect(pagesOf(res).map((entry) => [entry.page, entry.body?.segments.length])).toEqual([
      [2, 50],
      [3, 0],
    ])
  })

  it('drops provider cookies and CORS headers, keeps the rate-limit headers, and forbids sniffing', async () => {
    const res = await rawRequest(proxy.base, `${PAGES}?page=0&pages=2`)
    expectCleanBrazeHeaders(res)
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it.each([
    ['GET', `${PAGES}?page=0&pages=0`, 400],
    ['GET', `${PAGES}?page=0&pages=6`, 400],
    ['GET', `${PAGES}?page=0&pages=10`, 400],
    ['GET', `${PAGES}?page=0&pages=x`, 400],
    ['GET', `${PAGES}?page=0&pages=`, 400],
    ['GET', `${PAGES}?page=0&pages=+2`, 400],
    ['GET', `${PAGES}?page=0`, 400],
    ['GET', `${PAGES}?pages=3`, 400],
    ['GET', `${PAGES}?page=-1&pages=3`, 400],
    ['GET', `${PAGES}?page=1234567&pages=3`, 400],
    ['GET', `${PAGES}?page=0&pages=2&pages=3`, 400],
    ['GET', `${PAGES}?page=0&pages=2&sort_direction=sideways`, 400],
    ['GET', `${PAGES}?page=0&pages=2&api_key=x`, 400],
    ['POST', `${PAGES}?page=0&pages=2`, 405],
    ['HEAD', `${PAGES}?page=0&pages=2`, 405],
    ['GET', `${PAGES}/?page=0&pages=2`, 404],
    ['GET', `${PAGES}/../../details?segment_id=x`, 404],
  ])('%s %s → %i, and nothing is forwarded', async (method, path, status) => {
    braze.received.length = 0
    const res = await rawRequest(proxy.base, path, { method })
    expect(res.status).toBe(status)
    if (method !== 'HEAD') expect(JSON.parse(res.text).error).toEqual(expect.any(String))
    if (status === 405) expect(res.headers.allow).toBe('GET')
    expect(braze.received).toHaveLength(0)
  })
})

describe('against controlled upstreams', () => {
  const cleanups: (() => Promise<unknown>)[] = []
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()?.()
  })

  async function startProxy(endpoint: string, upstreamTimeoutMs?: number) {
    const server = await startPluginServer({ BRAZE_REST_ENDPOINT: endpoint, BRAZE_API_KEY: API_KEY }, upstreamTimeoutMs)
    cleanups.push(server.close)
    return server
  }

  async function upstreamAnswering(handler: (request: Request) => Promise<Response>) {
    const upstream = await startRecordingUpstream(handler)
    cleanups.push(upstream.close)
    return upstream
  }

  /** Holds every answer until `count` requests arrive; a bounded wait: a one-by-one proxy fails instead of hanging. */
  function gate(count: number) {
    let arrived = 0
    const { released: opened, release: open } = held()
    return {
      async pass(signal: AbortSignal): Promise<number> {
        arrived += 1
        if (arrived === count) open()
        await Promise.race([opened, delay(3_000, signal)])
        return arrived
      },
    }
  }

  it('makes the upstream calls concurrently: all three reach Braze before it answers any', async () => {
    const allThree = gate(3)
    const seenWhenAnswering: number[] = []
    const upstream = await upstreamAnswering(async (request) => {
      seenWhenAnswering.push(await allThree.pass(request.signal))
      return fakeBraze(request)
    })
    const { base } = await startProxy(upstream.url)
    const res = await rawRequest(base, `${PAGES}?page=0&pages=3`)
    expect(res.status).toBe(200)
    expect(seenWhenAnswering).toEqual([3, 3, 3])
  })

  it('relays the rate-limit headers of the answer that arrived last, the freshest', async () => {
    const answerOrder = ['2', '0', '1']
    const allThree = gate(3)
    const upstream = await upstreamAnswering(async (request) => {
      await allThree.pass(request.signal)
      const rank = answerOrder.indexOf(pageOf(request.url) ?? '')
      await delay(150 * rank, request.signal)
      return Response.json(
        { message: 'success', segments: [] },
        { headers: { 'X-RateLimit-Remaining': String(100 - rank) } },
      )
    })
    const { base } = await startProxy(upstream.url)
    const res = await rawRequest(base, `${PAGES}?page=0&pages=3`)
    expect(res.status).toBe(200)
    expect(res.headers['x-ratelimit-remaining']).toBe('98')
  })

  it('answers a 429 on the second of three pages in its own entry, keeping the pages that came back', async () => {
    const upstream = await upstreamAnswering(async (request) => {
      if (pageOf(request.url) !== '1') return fakeBraze(request)
      return Response.json(
        { message: 'Rate limit exceeded' },
        {
          status: 429,
          headers: {
            'Retry-After': '30',
            'X-RateLimit-Limit': '250000',
            'X-RateLimit-Remaining': '0',
            'X-RateLimit-Reset': '1767225600',
          },
        },
      )
    })
    const { base, logs } = await startProxy(upstream.url)
    const res = await rawRequest(base, `${PAGES}?page=0&pages=3`)
    expect(res.status).toBe(200)
    const [first, second, third] = pagesOf(res)
    expect([first?.status, first?.body?.segments.length, third?.status, third?.body?.segments.length]).toEqual([
      200, 100, 200, 50,
    ])
    expect(second).toMatchObject({
      page: 1,
      status: 429,
      error: {
        error: 'rate_limited',
        provider: 'braze',
        status: 429,
        message: 'Rate limit exceeded',
        retryAfterSeconds: 30,
      },
    })
    expectSameAsSingle(second, await rawRequest(base, '/api/braze/segments/list?page=1'))

    const log = logs.lines.join('\n')
    expect(log).toContain(`${PAGES} (call 2 of 3): provider answered 429`)
    expect(log).not.toContain(API_KEY)
    expect(log).not.toContain('page=')
  })

  it('gives each failing page its own error, in page order, whatever order they failed in', async () => {
    const upstream = await upstreamAnswering(async (request) => {
      const page = pageOf(request.url)
      if (page === '2') return Response.json({ message: 'Internal Server Error' }, { status: 500 })
      if (page === '1') {
        await delay(100, request.signal)
        return Response.json({ message: 'Rate limit exceeded' }, { status: 429, headers: { 'Retry-After': '5' } })
      }
      return fakeBraze(request)
    })
    const { base } = await startProxy(upstream.url)
    const res = await rawRequest(base, `${PAGES}?page=0&pages=3`)
    expect(res.status).toBe(200)
    expect(pagesOf(res).map((entry) => [entry.page, entry.status, entry.error?.error])).toEqual([
      [0, 200, undefined],
      [1, 429, 'rate_limited'],
      [2, 500, 'upstream_error'],
    ])
  })

  it.each([
    [
      'an HTML page',
      'upstream_invalid',
      () => new Response('<html>oops</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    ],
    [
      'an HTML error page',
      'upstream_error',
      () => new Response('<html>oops</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    ],
    [
      'truncated JSON',
      'upstream_invalid',
      () => new Response('{"message":"success","segments":[{"oops"', { status: 200 }),
    ],
    [
      'a redirect',
      'upstream_invalid',
      () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/oops' } }),
    ],
  ])('gives the single route’s 502 when one page is %s, and keeps the others', async (_, error, answer) => {
    const upstream = await upstreamAnswering(async (request) =>
      pageOf(request.url) === '1' ? answer() : fakeBraze(request),
    )
    const { base } = await startProxy(upstream.url)
    const res = await rawRequest(base, `${PAGES}?page=0&pages=3`)
    expect(res.status).toBe(200)
    const [first, second, third] = pagesOf(res)
    expect([first?.status, third?.status]).toEqual([200, 200])
    expect(second).toMatchObject({ page: 1, status: 502, error: { error, provider: 'braze' } })
    expect(res.text).not.toContain('oops')
    expectSameAsSingle(second, await rawRequest(base, '/api/braze/segments/list?page=1'))
  })

  it.each([
    ['cannot be reached', 502, 'upstream_unreachable', (req: IncomingMessage) => void req.socket.destroy()],
    ['does not answer in time', 504, 'upstream_timeout', () => {}],
  ])('gives the single route’s error when one page %s, and logs no secret', async (_, status, error, failing) => {
    const upstream = await startRawUpstream((req: IncomingMessage, res: ServerResponse) => {
      if (pageOf(req.url ?? '/') === '1') return failing(req)
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"message":"success","segments":[]}')
    })
    cleanups.push(upstream.close)
    const { base, logs } = await startProxy(upstream.url, 300)
    const res = await rawRequest(base, `${PAGES}?page=0&pages=3`)
    expect(res.status).toBe(200)
    const [first, second] = pagesOf(res)
    expect(first).toEqual({ page: 0, status: 200, body: { message: 'success', segments: [] } })
    expect(second).toMatchObject({ page: 1, status, error: { error, provider: 'braze' } })
    expectSameAsSingle(second, await rawRequest(base, '/api/braze/segments/list?page=1'))

    const log = logs.lines.join('\n')
    expect(log).toContain(`${PAGES} (call 2 of 3)`)
    expect(log).not.toContain(API_KEY)
    expect(log).not.toContain('page=')
  })

  it('answers 503 as the single route does when Braze is not configured, and calls nobody', async () => {
    const upstream = await upstreamAnswering(async () => Response.json({}))
    const server = await startPluginServer({
      COMMANDERS_ACT_API_URL: upstream.url,
      COMMANDERS_ACT_SITE_ID: '12',
      COMMANDERS_ACT_TOKEN: 't0ken',
    })
    cleanups.push(server.close)
    const res = await rawRequest(server.base, `${PAGES}?page=0&pages=2`)
    expect(res.status).toBe(503)
    expect(JSON.parse(res.text)).toMatchObject({ error: 'not_configured', provider: 'braze' })
    const single = await rawRequest(server.base, '/api/braze/segments/list?page=0')
    expect([single.status, single.text]).toEqual([res.status, res.text])
    expect(upstream.received).toHaveLength(0)
  })
})
