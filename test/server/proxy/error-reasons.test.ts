// Each provider failure reaches the browser as a reason it can act on, with the proxy's HTTP status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawRequest, startPluginServer, startRecordingUpstream } from './start-proxy'

const LIST = '/api/braze/segments/list'
const DETAILS = '/api/braze/segments/details?segment_id=abc'
const SERIES = '/api/braze/segments/data_series?segment_id=abc&length=30'

/** What the upstream answers next: each case sets it. */
let answer: () => Response = () => Response.json({ message: 'success' })
let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>
let proxy: Awaited<ReturnType<typeof startPluginServer>>

beforeAll(async () => {
  upstream = await startRecordingUpstream(async () => answer())
  proxy = await startPluginServer({
    BRAZE_REST_ENDPOINT: upstream.url,
    BRAZE_API_KEY: 'k1',
    COMMANDERS_ACT_API_URL: upstream.url,
    COMMANDERS_ACT_SITE_ID: '12',
    COMMANDERS_ACT_TOKEN: 't0ken',
  })
})
afterAll(async () => {
  await proxy?.close()
  await upstream?.close()
})

describe.each([
  [
    LIST,
    403,
    { message: 'Access Denied' },
    403,
    { error: 'permission_denied', permission: 'segments.list', message: 'Access Denied' },
  ],
  [DETAILS, 403, { message: 'Access Denied' }, 403, { error: 'permission_denied', permission: 'segments.details' }],
  [
    SERIES,
    403,
    { message: 'This key lacks the permission' },
    403,
    { error: 'permission_denied', permission: 'segments.data_series' },
  ],
  [DETAILS, 403, { message: 'Forbidden' }, 403, { error: 'forbidden' }],
  [LIST, 401, { message: 'Invalid API key' }, 401, { error: 'unauthorized' }],
  [LIST, 404, { message: 'Invalid URL' }, 404, { error: 'wrong_endpoint' }],
  [DETAILS, 400, { message: 'Invalid segment_id' }, 400, { error: 'bad_request' }],
  [LIST, 429, { message: 'Rate Limited' }, 429, { error: 'rate_limited' }],
  [LIST, 500, { message: 'Internal Server Error' }, 500, { error: 'upstream_error' }],
  [SERIES, 503, 'Service Unavailable', 503, { error: 'upstream_error' }],
  [LIST, 200, { message: 'Some error' }, 502, { error: 'upstream_error', message: 'Some error' }],
  [LIST, 200, ['not', 'an', 'object'], 502, { error: 'upstream_invalid' }],
  [
    '/api/commanders-act/segments/list',
    200,
    { segments: [] },
    502,
    { error: 'upstream_invalid', provider: 'commanders-act' },
  ],
  [
    '/api/commanders-act/segments/list',
    403,
    { message: 'Access Denied' },
    403,
    { error: 'forbidden', provider: 'commanders-act' },
  ],
])('%s answered %i %j', (path, providerStatus, body, httpStatus, expected) => {
  it(`answers ${httpStatus} ${expected.error}`, async () => {
    answer = () =>
      typeof body === 'string'
        ? new Response(body, { status: providerStatus, headers: { 'content-type': 'text/plain' } })
        : Response.json(body, { status: providerStatus })
    const res = await rawRequest(proxy.base, path)
    expect(res.status).toBe(httpStatus)
    expect(JSON.parse(res.text)).toMatchObject({ provider: 'braze', status: providerStatus, ...expected })
  })
})

describe('rate limited without Retry-After', () => {
  it('says how long to wait from X-RateLimit-Reset', async () => {
    const resetSeconds = Math.ceil(Date.now() / 1000) + 120
    answer = () =>
      Response.json(
        { message: 'Rate Limited' },
        {
          status: 429,
          headers: {
            'X-RateLimit-Limit': '1000',
            'X-RateLimit-Remaining': '0',
            'X-RateLimit-Reset': String(resetSeconds),
          },
        },
      )
    const res = await rawRequest(proxy.base, LIST)
    const body = JSON.parse(res.text)
    expect(body).toMatchObject({ error: 'rate_limited', resumeAt: new Date(resetSeconds * 1000).toISOString() })
    expect(body.retryAfterSeconds).toBeGreaterThan(100)
    expect(body.retryAfterSeconds).toBeLessThanOrEqual(121)
    expect(res.headers['retry-after']).toBeUndefined()
  })
})
