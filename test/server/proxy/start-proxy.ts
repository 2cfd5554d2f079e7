// Test helper: starts the real Vite server (vite.config.ts, or the plugin alone) and sends raw HTTP requests to it.
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createServer, createLogger, type InlineConfig, type Logger, type ViteDevServer } from 'vite'
import { expect } from 'vitest'
import { serveFetchHandler } from '../../../src/server/demo/serve'
import { segmentAuditProxy } from '../../../src/server/proxy/plugin'

export const PROJECT_ROOT = resolve(import.meta.dirname, '../../..')

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

/** A raw request: unlike fetch, node:http sends the path exactly as written (no `..` folding), as an attacker's client would. */
export function rawRequest(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(base)
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest({ host: hostname, port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

/** A relayed fake Braze answer: provider cookies and CORS headers dropped, rate-limit headers kept, never sniffed. */
export function expectCleanBrazeHeaders(res: RawResponse): void {
  expect(res.headers['set-cookie']).toBeUndefined()
  expect(res.headers['access-control-allow-origin']).toBeUndefined()
  expect(res.headers['x-ratelimit-limit']).toBe('250000')
  expect(res.headers['x-ratelimit-reset']).toMatch(/^\d+$/)
  expect(res.headers['content-type']).toMatch(/^application\/json/)
  expect(res.headers['x-content-type-options']).toBe('nosniff')
}

export interface RecordedRequest {
  method: string
  url: URL
  headers: Headers
}

/** Serves a fetch-style handler on loopback and records every request that reaches it. */
export async function startRecordingUpstream(handler: (request: Request) => Promise<Response>) {
  const received: RecordedRequest[] = []
  const server = await serveFetchHandler(async (request) => {
    received.push({ method: request.method, url: new URL(request.url), headers: request.headers })
    return handler(request)
  })
  return { ...server, received }
}

/** A node:http upstream, for what a fetch-style handler cannot do: never answer, or drop the connection. */
export async function startRawUpstream(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createHttpServer(handler)
  await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  const close = () =>
    new Promise<void>((resolvePromise) => {
      server.closeAllConnections()
      server.close(() => resolvePromise())
    })
  return { url: `http://127.0.0.1:${address.port}`, close }
}

/** Adds the cookies and CORS headers a provider might send, which the proxy must drop. */
export const withLeakyHeaders = (handler: (r: Request) => Promise<Response>) => async (request: Request) => {
  const response = await handler(request)
  const headers = new Headers(response.headers)
  headers.set('Set-Cookie', 'provider_session=abc; Path=/')
  headers.set('Access-Control-Allow-Origin', '*')
  return new Response(response.body, { status: response.status, headers })
}

export interface CapturedLogger {
  logger: Logger
  lines: string[]
}

export function captureLogger(): CapturedLogger {
  const lines: string[] = []
  const base = createLogger('info', { allowClearScreen: false })
  const logger: Logger = {
    ...base,
    info: (msg) => void lines.push(msg),
    warn: (msg) => void lines.push(msg),
    warnOnce: (msg) => void lines.push(msg),
    error: (msg) => void lines.push(msg),
  }
  return { logger, lines }
}

/**
 * Starts Vite with the project's own vite.config.ts. The config reads .env files from the working directory,
 * so the test runs from an empty folder: a developer's .env.local cannot leak into the test.
 */
export async function startProjectServer(env: Record<string, string | undefined>, extra: InlineConfig = {}) {
  const previousCwd = process.cwd()
  const saved = new Map<string, string | undefined>()
  for (const [name, value] of Object.entries(env)) {
    saved.set(name, process.env[name])
    if (value === undefined) Reflect.deleteProperty(process.env, name)
    else process.env[name] = value
  }
  process.chdir(mkdtempSync(join(tmpdir(), 'segment-audit-env-')))
  let server: ViteDevServer
  try {
    server = await createServer({
      configFile: join(PROJECT_ROOT, 'vite.config.ts'),
      root: PROJECT_ROOT,
      server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
      optimizeDeps: { noDiscovery: true, include: [] },
      logLevel: 'silent',
      ...extra,
    })
    await server.listen()
  } finally {
    process.chdir(previousCwd)
    for (const [name, value] of saved) {
      if (value === undefined) Reflect.deleteProperty(process.env, name)
      else process.env[name] = value
    }
  }
  const address = server.httpServer?.address()
  if (!address || typeof address === 'string') throw new Error('Vite did not listen on a port')
  return { server, base: `http://127.0.0.1:${address.port}`, close: () => server.close() }
}

/** The plugin alone, so the upstream timeout can be made short. */
export async function startPluginServer(env: Record<string, string>, upstreamTimeoutMs = 20_000) {
  const logs = captureLogger()
  const server = await createServer({
    configFile: false,
    plugins: [segmentAuditProxy({ env, upstreamTimeoutMs })],
    server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    customLogger: logs.logger,
  })
  await server.listen()
  const address = server.httpServer?.address()
  if (!address || typeof address === 'string') {
    await server.close()
    throw new Error('no port')
  }
  return { base: `http://127.0.0.1:${address.port}`, logs, close: () => server.close() }
}

export const NO_CREDENTIALS = {
  BRAZE_REST_ENDPOINT: undefined,
  BRAZE_API_KEY: undefined,
  COMMANDERS_ACT_API_URL: undefined,
  COMMANDERS_ACT_SITE_ID: undefined,
  COMMANDERS_ACT_TOKEN: undefined,
}
