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

const API_KEY = 'brazeKeySecret0123456789'
const data = generateDemoData({ brazeCount: 250, commandersActCount: 0, seed: 7 })
const fakeBraze = createFakeBraze({ segments: data.braze, apiKey: API_KEY })
const PAGES = '/api/braze/segments/list/pages'

const pageOf = (url: string) => new URL(url, 'http://upstream').searchParams.get('page')
const relayedHeaders = (res: RawResponse) =>
  Object.fromEntries(['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'].map((n) => [n, res.headers[n]]))

/** What the caller sees must be what the single-page route answers for that page: status, body and relayed headers. */
function expectSameAnswer(actual: RawResponse, single: RawResponse): void {
  expect({ status: actual.status, text: actual.text, headers: relayedHeaders(actual) }).toEqual({
    status: single.status,
    text: single.text,
    headers: relayedHeaders(single),
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
    expect(res.text).toBe(`{"pages":[${singles.map((single) => single.text).join(',')}]}`)
    const body = JSON.parse(res.text) as { pages: { segments: unknown[] }[] }
    expect(body.pages.map((page) => page.segments.length)).toEqual([100, 100, 50])
  })

  it('sends no sort_direction unless asked, and runs past the last page like the single route', async () => {
    braze.received.length = 0
    const res = await rawRequest(proxy.base, `${PAGES}?page=2&pages=2`)
    expect(res.status).toBe(200)
    expect(braze.received.map((r) => Object.fromEntries(r.url.searchParams)).sort((a, b) => Number(a.page) - Number(b.page))).toEqual([
      { page: '2' },
      { page: '3' },
    ])
    const body = JSON.parse(res.text) as { pages: { segments: unknown[] }[] }
    expect(body.pages.map((page) => page.segments.length)).toEqual([50, 0])
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

  /** Holds every answer until `count` requests have arrived; a bounded wait, so a one-by-one proxy fails instead of hanging. */
  function gate(count: number) {
    let arrived = 0
    let open = () => {}
    const opened = new Promise<void>((resolve) => (open = resolve))
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
      return Response.json({ message: 'success', segments: [] }, { headers: { 'X-RateLimit-Remaining': String(100 - rank) } })
    })
    const { base } = await startProxy(upstream.url)
    const res = await rawRequest(base, `${PAGES}?page=0&pages=3`)
    expect(res.status).toBe(200)
    expect(res.headers['x-ratelimit-remaining']).toBe('98')
  })

  it('answers a 429 on the second of three pages as the single route does: its body, Retry-After and rate-limit headers', async () => {
    const rateLimited = '{"message":"Rate limit exceeded"}'
    const upstream = await upstreamAnswering(async (request) => {
      if (pageOf(request.url) !== '1') return fakeBraze(request)
      return new Response(rateLimited, {
        status: 429,
        headers: {
          'Content-Type': 'application/json',
          'Retry-After': '30',
          'X-RateLimit-Limit': '250000',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': '1767225600',
        },
      })
    })
    const { base, logs } = await startProxy(upstream.url)
    const res = await rawRequest(base, `${PAGES}?page=0&pages=3`)
    expect(res.status).toBe(429)
    expect(res.text).toBe(rateLimited)
    expect(res.headers['retry-after']).toBe('30')
    expect(res.headers['x-ratelimit-remaining']).toBe('0')
    expectSameAnswer(res, await rawRequest(base, '/api/braze/segments/list?page=1'))

    const log = logs.lines.join('\n')
    expect(log).toContain(`${PAGES} (call 2 of 3): provider answered 429`)
    expect(log).not.toContain(API_KEY)
    expect(log).not.toContain('page=')
  })

  it('answers for the first failing page in page order, not the first failure to arrive', async () => {
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
    expect(res.status).toBe(429)
    expectSameAnswer(res, await rawRequest(base, '/api/braze/segments/list?page=1'))
  })

  it.each([
    ['an HTML page', () => new Response('<html>oops</html>', { status: 200, headers: { 'content-type': 'text/html' } })],
    ['an HTML error page', () => new Response('<html>oops</html>', { status: 502, headers: { 'content-type': 'text/html' } })],
    ['truncated JSON', () => new Response('{"message":"success","segments":[{"oops"', { status: 200 })],
    ['a redirect', () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/oops' } })],
  ])('gives the single route’s 502 when one page is %s, and nothing of the others', async (_, answer) => {
    const upstream = await upstreamAnswering(async (request) => (pageOf(request.url) === '1' ? answer() : fakeBraze(request)))
    const { base } = await startProxy(upstream.url)
    const res = await rawRequest(base, `${PAGES}?page=0&pages=3`)
    expect(res.status).toBe(502)
    expect(JSON.parse(res.text)).toMatchObject({ error: 'upstream_invalid', provider: 'braze' })
    expect(res.text).not.toContain('oops')
    expect(res.text).not.toContain('segments')
    expectSameAnswer(res, await rawRequest(base, '/api/braze/segments/list?page=1'))
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
    expect(res.status).toBe(status)
    expect(JSON.parse(res.text)).toMatchObject({ error, provider: 'braze' })
    expectSameAnswer(res, await rawRequest(base, '/api/braze/segments/list?page=1'))

    const log = logs.lines.join('\n')
    expect(log).toContain(`${PAGES} (call 2 of 3)`)
    expect(log).not.toContain(API_KEY)
    expect(log).not.toContain('page=')
  })

  it('answers 503 as the single route does when Braze is not configured, and calls nobody', async () => {
    const upstream = await upstreamAnswering(async () => Response.json({}))
    const server = await startPluginServer({ COMMANDERS_ACT_API_URL: upstream.url, COMMANDERS_ACT_SITE_ID: '12', COMMANDERS_ACT_TOKEN: 't0ken' })
    cleanups.push(server.close)
    const res = await rawRequest(server.base, `${PAGES}?page=0&pages=2`)
    expect(res.status).toBe(503)
    expect(JSON.parse(res.text)).toMatchObject({ error: 'not_configured', provider: 'braze' })
    expectSameAnswer(res, await rawRequest(server.base, '/api/braze/segments/list?page=0'))
    expect(upstream.received).toHaveLength(0)
  })
})
