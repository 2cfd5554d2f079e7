// The proxy when things go wrong: missing configuration, silent, unreachable or misbehaving providers.
import { afterEach, describe, expect, it } from 'vitest'
import { createServer } from 'vite'
import { segmentAuditProxy } from '../../../src/server/proxy/plugin'
import {
  captureLogger,
  rawRequest,
  startPluginServer as startPluginServerAlone,
  startProjectServer,
  startRawUpstream,
  startRecordingUpstream,
} from './start-proxy'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.()
})

async function startPluginServer(env: Record<string, string>, upstreamTimeoutMs?: number) {
  const server = await startPluginServerAlone(env, upstreamTimeoutMs)
  cleanups.push(server.close)
  return server
}

function brazeEnv(endpoint: string) {
  return {
    BRAZE_REST_ENDPOINT: endpoint,
    BRAZE_API_KEY: 'secretKey123',
    COMMANDERS_ACT_SITE_ID: '12',
    COMMANDERS_ACT_TOKEN: 'secretToken456',
    COMMANDERS_ACT_API_URL: endpoint,
  }
}

async function upstreamAnswering(handler: (request: Request) => Promise<Response>) {
  const upstream = await startRecordingUpstream(handler)
  cleanups.push(() => upstream.close())
  return upstream
}

describe('configuration', () => {
  it('answers 503 naming the missing variables of a provider that is not configured, and never calls it', async () => {
    const upstream = await upstreamAnswering(async () => Response.json([]))
    const { base } = await startPluginServer({ BRAZE_REST_ENDPOINT: upstream.url, BRAZE_API_KEY: 'k1' })
    const res = await rawRequest(base, '/api/commanders-act/segments/list')
    expect(res.status).toBe(503)
    expect(JSON.parse(res.text)).toEqual({
      error: 'not_configured',
      provider: 'commanders-act',
      missing: ['COMMANDERS_ACT_SITE_ID', 'COMMANDERS_ACT_TOKEN'],
      invalid: [],
    })
    const status = JSON.parse((await rawRequest(base, '/api/status')).text)
    expect(status.mode).toBe('real')
    expect(status.providers.commandersAct.configured).toBe(false)
    expect(upstream.received).toHaveLength(0)
  })

  it('refuses to start when a secret would be bundled through a VITE_ variable', async () => {
    await expect(
      createServer({
        configFile: false,
        plugins: [segmentAuditProxy({ env: { VITE_BRAZE_API_KEY: 'x' } })],
        logLevel: 'silent',
      }),
    ).rejects.toThrow(/VITE_BRAZE_API_KEY/)
  })
})

describe('misbehaving providers', () => {
  it('gives 504 when the provider does not answer in time', async () => {
    const silent = await startRawUpstream(() => {})
    cleanups.push(silent.close)
    const { base } = await startPluginServer(brazeEnv(silent.url), 300)
    const res = await rawRequest(base, '/api/braze/segments/list')
    expect(res.status).toBe(504)
    expect(JSON.parse(res.text)).toMatchObject({ error: 'upstream_timeout', provider: 'braze' })
  })

  it('gives 502 when the provider cannot be reached, and logs no secret', async () => {
    const { base, logs } = await startPluginServer(brazeEnv('http://127.0.0.1:9'))
    const res = await rawRequest(base, '/api/commanders-act/segments/list')
    expect(res.status).toBe(502)
    expect(JSON.parse(res.text)).toMatchObject({ error: 'upstream_unreachable', provider: 'commanders-act' })
    expect(logs.lines.join('\n')).toContain('commanders-act')
    expect(logs.lines.join('\n')).not.toContain('secretToken456')
  })

  it.each([
    [
      'an HTML error page',
      'upstream_error',
      () => new Response('<html>oops</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    ],
    [
      'a redirect',
      'upstream_invalid',
      () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/' } }),
    ],
  ])('gives 502 for %s instead of relaying it', async (_, error, answer) => {
    const upstream = await upstreamAnswering(async () => answer())
    const { base } = await startPluginServer(brazeEnv(upstream.url))
    const res = await rawRequest(base, '/api/braze/segments/list')
    expect(res.status).toBe(502)
    expect(JSON.parse(res.text)).toMatchObject({ error, provider: 'braze' })
    expect(res.text).not.toContain('oops')
  })

  it.each([
    ['JavaScript instead of the expected call', 'alert(document.cookie)'],
    ['another callback name', '/**/evil(["AAAAAAAA"]);'],
    ['a trailing statement', '/**/segmentAuditVisitor(["AAAAAAAA"]);alert(1)'],
    ['non-string ids', '/**/segmentAuditVisitor([{"a":1}]);'],
  ])('refuses a visitor answer that is %s', async (_, body) => {
    const upstream = await upstreamAnswering(
      async () => new Response(body, { headers: { 'content-type': 'application/javascript' } }),
    )
    const { base } = await startPluginServer(brazeEnv(upstream.url))
    const res = await rawRequest(base, '/api/commanders-act/segments?tcid=1')
    expect(res.status).toBe(502)
    expect(res.text).not.toContain('alert')
  })
})

describe('demo mode', () => {
  it('starts the fake providers when no credential is set, and says so', async () => {
    const logs = captureLogger()
    const proxy = await startProjectServer(
      {
        BRAZE_REST_ENDPOINT: undefined,
        BRAZE_API_KEY: undefined,
        COMMANDERS_ACT_SITE_ID: undefined,
        COMMANDERS_ACT_TOKEN: undefined,
        DEMO_BRAZE_SEGMENTS: '150',
        DEMO_CA_SEGMENTS: '20',
        DEMO_LATENCY_MS: '0',
      },
      { customLogger: logs.logger },
    )
    cleanups.push(() => proxy.close())
    const status = JSON.parse((await rawRequest(proxy.base, '/api/status')).text)
    expect(status.mode).toBe('demo')
    expect(logs.lines.join('\n')).toMatch(/demo mode/i)
    const page = JSON.parse((await rawRequest(proxy.base, '/api/braze/segments/list?page=1')).text)
    expect(page.segments).toHaveLength(50)
    const list = JSON.parse((await rawRequest(proxy.base, '/api/commanders-act/segments/list')).text)
    expect(list).toHaveLength(20)
  })
})
