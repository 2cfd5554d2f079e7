// Test helper: starts the real Vite server (vite.config.ts, or the plugin alone) and sends raw HTTP requests to it.
import {
  createServer as createHttpServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import {
  createServer,
  createLogger,
  preview,
  type InlineConfig,
  type Logger,
  type PreviewServer,
  type ViteDevServer,
} from 'vite'
import { expect } from 'vitest'
import { APP_REQUEST_HEADERS } from '../../../src/lib/api-url'
import { serveFetchHandler } from '../../../src/server/demo/serve'
import { segmentAuditProxy } from '../../../src/server/proxy/plugin'

export const PROJECT_ROOT = resolve(import.meta.dirname, '../../..')

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  /** The body as sent, before any decoding. */
  bytes: Buffer
}

/**
 * A raw request: unlike fetch, node:http sends the path exactly as written (no `..` folding), as an attacker's client
 * would. It sends the app's request header, as the app does, unless `asApp` is false.
 */
export function rawRequest(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; asApp?: boolean } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(base)
  const headers = { ...(options.asApp === false ? {} : APP_REQUEST_HEADERS), ...options.headers }
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest({ host: hostname, port, path, method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolvePromise({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
          bytes: Buffer.concat(chunks),
        }),
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

interface RecordedRequest {
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
 * Runs `start` with `env` set in process.env and from an empty working directory: the project's vite.config.ts reads
 * .env files from there, so a developer's .env.local cannot leak into the test. Everything is put back afterwards.
 */
async function inProjectEnv<T>(given: Record<string, string | undefined>, start: () => Promise<T>): Promise<T> {
  // Each server keeps its audit in memory unless the test names a database: tests never touch the project's data/.
  // Braze answers are not kept unless the test asks: a proxy test sees every call reach its fake.
  const env = { DATABASE_URL: ':memory:', PROVIDER_CACHE_TTL_HOURS: '0', ...given }
  const previousCwd = process.cwd()
  const saved = new Map<string, string | undefined>()
  for (const [name, value] of Object.entries(env)) {
    saved.set(name, process.env[name])
    if (value === undefined) Reflect.deleteProperty(process.env, name)
    else process.env[name] = value
  }
  process.chdir(mkdtempSync(join(tmpdir(), 'segment-audit-env-')))
  try {
    return await start()
  } finally {
    process.chdir(previousCwd)
    for (const [name, value] of saved) {
      if (value === undefined) Reflect.deleteProperty(process.env, name)
      else process.env[name] = value
    }
  }
}

function baseOf(httpServer: { address(): AddressInfo | string | null } | null): string {
  const address = httpServer?.address()
  if (!address || typeof address === 'string') throw new Error('Vite did not listen on a port')
  return `http://127.0.0.1:${address.port}`
}

/** Starts Vite with the project's own vite.config.ts (see inProjectEnv). */
export async function startProjectServer(env: Record<string, string | undefined>, extra: InlineConfig = {}) {
  const server: ViteDevServer = await inProjectEnv(env, async () => {
    const started = await createServer({
      configFile: join(PROJECT_ROOT, 'vite.config.ts'),
      root: PROJECT_ROOT,
      server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
      optimizeDeps: { noDiscovery: true, include: [] },
      logLevel: 'silent',
      ...extra,
    })
    await started.listen()
    return started
  })
  return { server, base: baseOf(server.httpServer), close: () => server.close() }
}

/** `vite preview` with the project's own vite.config.ts (see inProjectEnv), serving the build in `outDir`. */
export async function startProjectPreview(env: Record<string, string | undefined>, outDir: string) {
  const server: PreviewServer = await inProjectEnv(env, () =>
    preview({
      configFile: join(PROJECT_ROOT, 'vite.config.ts'),
      root: PROJECT_ROOT,
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', open: false },
      logLevel: 'silent',
    }),
  )
  return { base: baseOf(server.httpServer), close: () => server.close() }
}

/** The plugin alone, so the upstream timeout can be made short. */
export async function startPluginServer(env: Record<string, string>, upstreamTimeoutMs = 20_000) {
  const logs = captureLogger()
  const server = await createServer({
    configFile: false,
    plugins: [
      segmentAuditProxy({
        env: { DATABASE_URL: ':memory:', PROVIDER_CACHE_TTL_HOURS: '0', ...env },
        upstreamTimeoutMs,
      }),
    ],
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
