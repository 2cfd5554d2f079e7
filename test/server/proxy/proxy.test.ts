// The proxy, for real: a started Vite server with the project's config in front of recording fake providers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemoData } from '../../../src/server/demo/data'
import { createFakeBraze } from '../../../src/server/demo/braze-fake'
import { createFakeCommandersAct } from '../../../src/server/demo/commanders-act-fake'
import {
  captureLogger,
  expectCleanBrazeHeaders,
  rawRequest,
  startProjectServer,
  startRecordingUpstream,
  withLeakyHeaders,
} from './start-proxy'

const API_KEY = 'brazeKeySecret0123456789'
const SITE_ID = '4321'
const TOKEN = 'caTokenSecretABCDEF0123456789xyz'
const data = generateDemoData({ brazeCount: 250, commandersActCount: 30, seed: 7 })

const fakeBraze = createFakeBraze({ segments: data.braze, apiKey: API_KEY })
const fakeCommandersAct = createFakeCommandersAct({ segments: data.commandersAct, siteId: SITE_ID, token: TOKEN })

let braze: Awaited<ReturnType<typeof startRecordingUpstream>>
let commandersAct: Awaited<ReturnType<typeof startRecordingUpstream>>
let proxy: Awaited<ReturnType<typeof startProjectServer>>
const logs = captureLogger()

beforeAll(async () => {
  // Both fakes try to slip cookies and CORS headers through; the proxy must drop them.
  braze = await startRecordingUpstream(withLeakyHeaders(fakeBraze))
  commandersAct = await startRecordingUpstream(withLeakyHeaders(fakeCommandersAct))
  proxy = await startProjectServer(
    {
      BRAZE_REST_ENDPOINT: braze.url,
      BRAZE_API_KEY: API_KEY,
      COMMANDERS_ACT_API_URL: commandersAct.url,
      COMMANDERS_ACT_SITE_ID: SITE_ID,
      COMMANDERS_ACT_TOKEN: TOKEN,
    },
    { customLogger: logs.logger },
  )
})

afterAll(async () => {
  await proxy?.close()
  await braze?.close()
  await commandersAct?.close()
})

const clearRecords = () => {
  braze.received.length = 0
  commandersAct.received.length = 0
}

describe('allowed Braze calls', () => {
  it('forwards the list with the key added and only the allowed parameters', async () => {
    clearRecords()
    const res = await rawRequest(proxy.base, '/api/braze/segments/list?page=1&sort_direction=desc', {
      headers: { Cookie: 'session=browser-cookie', 'X-Extra': 'nope' },
    })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text).segments).toHaveLength(100)
    expect(braze.received).toHaveLength(1)
    const [upstream] = braze.received
    expect(upstream?.url.pathname).toBe('/segments/list')
    expect(Object.fromEntries(upstream?.url.searchParams ?? [])).toEqual({ page: '1', sort_direction: 'desc' })
    expect(upstream?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`)
    expect(upstream?.headers.get('cookie')).toBeNull()
    expect(upstream?.headers.get('x-extra')).toBeNull()
  })

  it('drops provider cookies and CORS headers, keeps the rate-limit headers, and forbids sniffing', async () => {
    expectCleanBrazeHeaders(await rawRequest(proxy.base, '/api/braze/segments/list'))
  })

  it('forwards details and data series', async () => {
    const id = data.braze[0]?.id ?? ''
    const details = await rawRequest(proxy.base, `/api/braze/segments/details?segment_id=${id}`)
    expect(details.status).toBe(200)
    expect(JSON.parse(details.text).name).toBe(data.braze[0]?.name)
    const series = await rawRequest(
      proxy.base,
      `/api/braze/segments/data_series?segment_id=${id}&length=30&ending_at=2026-11-01`,
    )
    expect(series.status).toBe(200)
  })

  it("answers the provider's errors with their status, as the proxy's own JSON", async () => {
    const res = await rawRequest(
      proxy.base,
      '/api/braze/segments/details?segment_id=00000000-0000-0000-0000-000000000000',
    )
    expect(res.status).toBe(400)
    expect(JSON.parse(res.text)).toEqual({
      error: 'bad_request',
      provider: 'braze',
      status: 400,
      message: 'Invalid segment_id',
    })
  })
})

describe('allowed Commanders Act calls', () => {
  it('forwards the list with site and token added server side', async () => {
    clearRecords()
    const res = await rawRequest(proxy.base, '/api/commanders-act/segments/list')
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toHaveLength(30)
    const [upstream] = commandersAct.received
    expect(upstream?.url.pathname).toBe('/api/dms/segmentation/segments/list')
    expect(upstream?.url.searchParams.get('site')).toBe(SITE_ID)
    expect(upstream?.url.searchParams.get('token')).toBe(TOKEN)
  })

  it('turns the visitor JSONP into JSON, so no provider JavaScript reaches the browser', async () => {
    clearRecords()
    const res = await rawRequest(proxy.base, '/api/commanders-act/segments?tcid=123456')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    const body = JSON.parse(res.text)
    expect(body.segmentIds).toEqual(expect.any(Array))
    expect(res.text).not.toContain('(')
    const [upstream] = commandersAct.received
    expect(upstream?.url.pathname).toBe('/api/dms/segmentation/segments')
    expect(upstream?.url.searchParams.get('tcid')).toBe('123456')
    expect(upstream?.url.searchParams.get('callback')).toMatch(/^\w+$/)
    expect(upstream?.url.searchParams.get('token')).toBe(TOKEN)
  })
})

describe('everything else is answered by the proxy itself and never forwarded', () => {
  it.each([
    ['GET', '/api/braze/users/export/ids', 404],
    ['POST', '/api/braze/users/delete', 404],
    ['POST', '/api/braze/segments/list', 405],
    ['DELETE', '/api/braze/segments/details?segment_id=x', 405],
    ['HEAD', '/api/braze/segments/list', 405],
    ['GET', '/api/braze/segments/list/../../users/track', 404],
    ['GET', '/api/braze/%2e%2e/users/export/ids', 404],
    ['GET', '/api/braze/segments%2flist', 404],
    ['GET', '/api/braze//users/track', 404],
    ['GET', '/api/braze/segments/list/', 404],
    ['GET', '/api/commanders-act/../../other', 404],
    ['GET', '/api/commanders-act/segments/list/..%2f..%2fother', 404],
    ['GET', '/api/braze/segments/list?page=0&api_key=x&extra=1', 400],
    ['GET', '/api/braze/segments/list?page=0&page=1', 400],
    ['GET', '/api/braze/segments/list?page=-1', 400],
    ['GET', '/api/braze/segments/list?sort_direction=sideways', 400],
    ['GET', '/api/braze/segments/details', 400],
    ['GET', '/api/braze/segments/details?segment_id=../users', 400],
    ['GET', '/api/braze/segments/data_series?segment_id=abc&length=101', 400],
    ['GET', '/api/braze/segments/data_series?segment_id=abc&length=30&ending_at=yesterday', 400],
    ['GET', '/api/commanders-act/segments/list?token=stolen', 400],
    ['GET', '/api/commanders-act/segments/list?site=1', 400],
    ['GET', '/api/commanders-act/segments?tcid=abc', 400],
    ['GET', '/api/commanders-act/segments?callback=alert', 400],
    ['GET', '/api', 404],
    ['GET', '/api/', 404],
  ])('%s %s → %i', async (method, path, status) => {
    clearRecords()
    const res = await rawRequest(proxy.base, path, { method })
    expect(res.status).toBe(status)
    if (method !== 'HEAD') expect(JSON.parse(res.text).error).toEqual(expect.any(String))
    expect(braze.received).toHaveLength(0)
    expect(commandersAct.received).toHaveLength(0)
  })

  it('refuses a request another site makes on the user’s behalf', async () => {
    clearRecords()
    const res = await rawRequest(proxy.base, '/api/braze/segments/list', {
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    })
    expect(res.status).toBe(403)
    expect(braze.received).toHaveLength(0)
  })
})

describe('status and secrecy', () => {
  it('describes the connections without any secret', async () => {
    const res = await rawRequest(proxy.base, '/api/status')
    expect(res.status).toBe(200)
    const status = JSON.parse(res.text)
    expect(status.mode).toBe('real')
    expect(status.providers.braze).toMatchObject({ configured: true, host: new URL(braze.url).host })
    expect(status.providers.commandersAct).toEqual({
      configured: true,
      host: new URL(commandersAct.url).host,
      site: SITE_ID,
    })
    expect(res.text).not.toContain(API_KEY)
    expect(res.text).not.toContain(TOKEN)
  })

  it('never writes a secret to the log, even when a provider fails', async () => {
    await rawRequest(proxy.base, '/api/commanders-act/segments?tcid=1&x=1')
    await rawRequest(proxy.base, '/api/braze/segments/details?segment_id=unknown')
    const log = logs.lines.join('\n')
    expect(log).not.toContain(API_KEY)
    expect(log).not.toContain(TOKEN)
  })
})
