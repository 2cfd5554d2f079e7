// Other pages may not spend the credentials: /api/* answers the app only, and no page of the server can be framed.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from 'vite'
import { segmentAuditProxy } from '../../../src/server/proxy/plugin'
import { NO_CREDENTIALS, rawRequest, startProjectPreview, startProjectServer, type RawResponse } from './start-proxy'

const DEMO = { ...NO_CREDENTIALS, DEMO_LATENCY_MS: '0', DEMO_BRAZE_SEGMENTS: '120', DEMO_CA_SEGMENTS: '10' }

function expectNotFramable(res: RawResponse): void {
  expect(res.headers['content-security-policy']).toBe("frame-ancestors 'none'")
  expect(res.headers['x-frame-options']).toBe('DENY')
}

function fakeBuild(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'segment-audit-dist-'))
  mkdirSync(join(outDir, 'assets'))
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>Segment Audit</title>')
  writeFileSync(join(outDir, 'assets', 'index-CFRA80OO.js'), 'console.log("app")')
  return outDir
}

describe.each([
  ['vite', () => startProjectServer(DEMO), '/src/main.tsx'],
  ['vite preview', () => startProjectPreview(DEMO, fakeBuild()), '/assets/index-CFRA80OO.js'],
])('%s', (_, start, asset) => {
  let server: Awaited<ReturnType<typeof startProjectServer | typeof startProjectPreview>>
  beforeAll(async () => {
    server = await start()
  })
  afterAll(() => server?.close())

  it.each(['/', '/segments/braze/abc', asset, '/api/status', '/api/nowhere'])(
    'sends frame headers with %s',
    async (path) => {
      const res = await rawRequest(server.base, path, { headers: { Accept: 'text/html,*/*' } })
      expect(res.status).toBeLessThan(500)
      expectNotFramable(res)
    },
  )

  it('sends the app for an address broken mid-escape, not an empty 404', async () => {
    const res = await rawRequest(server.base, '/segments/braze/50%', { headers: { Accept: 'text/html,*/*' } })
    expect(res.status).toBe(200)
    expect(res.text).toContain('<title>Segment Audit</title>')
  })

  it.each([
    ['the app header', { 'X-Segment-Audit': '1' }],
    ['Sec-Fetch-Site: same-origin', { 'Sec-Fetch-Site': 'same-origin' }],
    ['the app header from a typed address', { 'Sec-Fetch-Site': 'none', 'X-Segment-Audit': '1' }],
  ])('answers a request with %s', async (_, headers) => {
    const res = await rawRequest(server.base, '/api/braze/segments/list', { headers, asApp: false })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text).segments).toHaveLength(100)
  })

  it.each([
    ['no header at all', {}],
    ['a wrong app header', { 'X-Segment-Audit': 'yes' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site', 'X-Segment-Audit': '1' }],
    ['Sec-Fetch-Site: same-site (another localhost port)', { 'Sec-Fetch-Site': 'same-site', 'X-Segment-Audit': '1' }],
  ])('refuses %s with 403, on the status too', async (_, headers) => {
    for (const path of ['/api/braze/segments/list', '/api/status']) {
      const res = await rawRequest(server.base, path, { headers, asApp: false })
      expect(res.status).toBe(403)
      expect(JSON.parse(res.text).error).toBe('forbidden')
      expect(res.text).not.toContain('segments')
      expectNotFramable(res)
    }
  })

  it('refuses a CORS preflight with 405 and no CORS headers', async () => {
    const res = await rawRequest(server.base, '/api/braze/segments/list', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:6666',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'x-segment-audit',
      },
    })
    expect(res.status).toBe(405)
    expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([])
  })
})

describe('the audit routes', () => {
  let close = async () => {}
  let base = ''
  beforeAll(async () => {
    const server = await createServer({
      configFile: false,
      plugins: [segmentAuditProxy({ env: { ...DEMO, DATABASE_URL: ':memory:' } })],
      server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
      optimizeDeps: { noDiscovery: true, include: [] },
      logLevel: 'silent',
    })
    await server.listen()
    const address = server.httpServer?.address()
    if (!address || typeof address === 'string') throw new Error('no port')
    base = `http://127.0.0.1:${address.port}`
    close = () => server.close()
  })
  afterAll(() => close())

  it('sit behind the guard, and the proxy still answers what they leave', async () => {
    expect((await rawRequest(base, '/api/audit/entries')).status).toBe(200)
    const refused = await rawRequest(base, '/api/audit/entries', { headers: { 'Sec-Fetch-Site': 'cross-site' } })
    expect(refused.status).toBe(403)
    expectNotFramable(refused)
    expect((await rawRequest(base, '/api/other')).status).toBe(404)
  })
})
