// The proxy against upstreams that hang, flood, echo secrets or send garbage headers: the server and browser stay safe.
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { APP_REQUEST_HEADERS } from '../../../src/lib/api-url'
import { rawRequest, startPluginServer, startRawUpstream, startRecordingUpstream } from './start-proxy'
import { held } from '../../held'

const API_KEY = 'brazeKeySecret0123456789'
const TOKEN = 'caTokenSecretABCDEF0123456789xyz'
const MB = 1024 * 1024

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.()
})

async function startProxy(endpoint: string, extra: Record<string, string> = {}) {
  const server = await startPluginServer({
    BRAZE_REST_ENDPOINT: endpoint,
    BRAZE_API_KEY: API_KEY,
    COMMANDERS_ACT_API_URL: endpoint,
    COMMANDERS_ACT_SITE_ID: '12',
    COMMANDERS_ACT_TOKEN: TOKEN,
    ...extra,
  })
  cleanups.push(server.close)
  return server
}

async function rawUpstream(handler: Parameters<typeof startRawUpstream>[0]) {
  const upstream = await startRawUpstream(handler)
  cleanups.push(upstream.close)
  return upstream
}

/** A browser request that can be dropped halfway, as when a tab closes. */
function droppableRequest(base: string, path: string) {
  const { hostname, port } = new URL(base)
  const req = httpRequest({ host: hostname, port, path, headers: APP_REQUEST_HEADERS })
  req.on('error', () => {})
  req.end()
  return { drop: () => req.destroy() }
}

const pageOf = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://upstream').searchParams.get('page')

describe('calls in flight', () => {
  it('cancels the upstream call when the browser goes away, and a queued call never starts', async () => {
    const arrived: string[] = []
    const { released: firstArrival, release: firstArrived } = held()
    const { released: firstClose, release: firstClosed } = held()
    const upstream = await rawUpstream((req, res) => {
      arrived.push(pageOf(req) ?? '')
      if (pageOf(req) === '0') {
        res.on('close', firstClosed)
        firstArrived()
        return
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"message":"success","segments":[]}')
    })
    const { base } = await startProxy(upstream.url, { PROXY_MAX_UPSTREAM: '1' })

    // Two pages, one slot: page 0 is sent, page 1 waits in the queue.
    const browser = droppableRequest(base, '/api/braze/segments/list/pages?page=0&pages=2')
    await firstArrival
    browser.drop()
    await firstClose

    const later = await rawRequest(base, '/api/braze/segments/list?page=5')
    expect(later.status).toBe(200)
    expect(arrived).toEqual(['0', '5'])
  })

  it('never has more upstream calls in flight than PROXY_MAX_UPSTREAM; the others wait their turn', async () => {
    let inFlight = 0
    let most = 0
    const upstream = await startRecordingUpstream(async () => {
      inFlight += 1
      most = Math.max(most, inFlight)
      // Held long enough for every request to be waiting at once.
      await new Promise((resolve) => setTimeout(resolve, 40))
      inFlight -= 1
      return Response.json({ message: 'success', segments: [] })
    })
    cleanups.push(upstream.close)
    const { base } = await startProxy(upstream.url, { PROXY_MAX_UPSTREAM: '2' })
    const answers = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((page) => rawRequest(base, `/api/braze/segments/list?page=${page}`)),
    )
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200])
    expect(upstream.received).toHaveLength(6)
    expect(most).toBe(2)
  })
})

describe('oversized answers', () => {
  it('cuts off a 20 MB answer while it streams, and answers upstream_too_large', async () => {
    let sent = 0
    const { released: closedBeforeTheEnd, release: closedEarly } = held()
    const upstream = await rawUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      res.on('close', () => {
        if (sent < 20 * MB) closedEarly()
      })
      const pump = () => {
        while (sent < 20 * MB && !res.destroyed) {
          sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end()
      }
      pump()
    })
    const { base } = await startProxy(upstream.url)
    const res = await rawRequest(base, '/api/braze/segments/list')
    expect(res.status).toBe(502)
    expect(JSON.parse(res.text)).toEqual({ error: 'upstream_too_large', provider: 'braze' })
    await closedBeforeTheEnd
    expect(sent).toBeLessThan(20 * MB)
  })

  it('refuses an answer whose declared length is over PROXY_MAX_BODY_BYTES without reading it', async () => {
    const upstream = await rawUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 * 1024) })
      res.write('[')
    })
    const { base } = await startProxy(upstream.url, { PROXY_MAX_BODY_BYTES: '1024' })
    const res = await rawRequest(base, '/api/commanders-act/segments/list')
    expect(res.status).toBe(502)
    expect(JSON.parse(res.text)).toEqual({ error: 'upstream_too_large', provider: 'commanders-act' })
  })
})

describe('what reaches the browser of a provider error', () => {
  it.each([
    ['Braze echoing the Authorization header', '/api/braze/segments/details?segment_id=abc', 401, 'unauthorized'],
    ['Commanders Act echoing its token', '/api/commanders-act/segments/list', 400, 'bad_request'],
  ])('%s: the credential is replaced by [redacted]', async (_, path, status, error) => {
    const upstream = await startRecordingUpstream(async (request) => {
      const url = new URL(request.url)
      const echoed = `Rejected ${request.headers.get('authorization') ?? ''} for ${url.searchParams.get('token') ?? ''}`
      return Response.json({ message: echoed, key: API_KEY, token: TOKEN }, { status })
    })
    cleanups.push(upstream.close)
    const { base } = await startProxy(upstream.url)
    const res = await rawRequest(base, path)
    expect(res.status).toBe(status)
    const body = JSON.parse(res.text)
    expect(body).toMatchObject({ error, status })
    expect(body.message).toMatch(/^Rejected .*\[redacted\]/)
    expect(res.text).not.toContain(API_KEY)
    expect(res.text).not.toContain(TOKEN)
  })

  it('leaves out a provider message that is not a short string', async () => {
    const upstream = await startRecordingUpstream(async (request) =>
      new URL(request.url).searchParams.get('page') === '1'
        ? Response.json({ message: { nested: 'object' } }, { status: 500 })
        : Response.json({ message: 'x'.repeat(201), errors: ['detail'] }, { status: 500 }),
    )
    cleanups.push(upstream.close)
    const { base } = await startProxy(upstream.url)
    for (const page of [0, 1]) {
      const res = await rawRequest(base, `/api/braze/segments/list?page=${page}`)
      expect(JSON.parse(res.text)).toEqual({ error: 'upstream_error', provider: 'braze', status: 500 })
    }
  })

  it('passes on rate-limit headers only as plain integers', async () => {
    const upstream = await startRecordingUpstream(async (request) => {
      const garbage = new URL(request.url).searchParams.get('page') === '1'
      return Response.json(
        { message: 'Rate Limited' },
        {
          status: 429,
          headers: garbage
            ? {
                'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT',
                'X-RateLimit-Limit': '1e5',
                'X-RateLimit-Remaining': '-1',
                'X-RateLimit-Reset': '17672256000',
              }
            : {
                'Retry-After': '30',
                'X-RateLimit-Limit': '250000',
                'X-RateLimit-Remaining': '0',
                'X-RateLimit-Reset': '1767225600',
              },
        },
      )
    })
    cleanups.push(upstream.close)
    const { base } = await startProxy(upstream.url)
    const names = ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']
    const plain = await rawRequest(base, '/api/braze/segments/list?page=0')
    expect(names.map((name) => plain.headers[name])).toEqual(['30', '250000', '0', '1767225600'])
    expect(JSON.parse(plain.text)).toMatchObject({ error: 'rate_limited', retryAfterSeconds: 30 })
    const garbage = await rawRequest(base, '/api/braze/segments/list?page=1')
    expect(garbage.status).toBe(429)
    expect(names.map((name) => garbage.headers[name])).toEqual([undefined, undefined, undefined, undefined])
    expect(JSON.parse(garbage.text)).toEqual({
      error: 'rate_limited',
      provider: 'braze',
      status: 429,
      message: 'Rate Limited',
    })
  })

  it('calls a failing provider once per request: retrying is the browser’s decision', async () => {
    const upstream = await startRecordingUpstream(async () =>
      Response.json({ message: 'Service Unavailable' }, { status: 503 }),
    )
    cleanups.push(upstream.close)
    const { base } = await startProxy(upstream.url)
    const res = await rawRequest(base, '/api/braze/segments/list/pages?page=0&pages=3')
    expect(JSON.parse(res.text).pages.map((entry: { status: number }) => entry.status)).toEqual([503, 503, 503])
    expect(upstream.received).toHaveLength(3)
  })
})
