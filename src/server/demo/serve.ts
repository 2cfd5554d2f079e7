// Runs the fake providers as real HTTP servers on 127.0.0.1 with new credentials per start, for `npm start` and tests.
import { randomInt, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createFakeBraze } from './braze-fake.ts'
import { createFakeCommandersAct } from './commanders-act-fake.ts'
import { generateDemoData } from './data.ts'
import type { DemoOptions } from './demo-options.ts'

export interface RunningDemoProviders {
  braze: { url: string; apiKey: string }
  commandersAct: { url: string; siteId: string; token: string }
  close(): Promise<void>
}

type FetchHandler = (request: Request) => Promise<Response>

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const DAY_MS = 86_400_000
// Managed by node:http itself, or only valid for one hop: never copied from the handler's Response.
const SKIPPED_RESPONSE_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'set-cookie',
])

export async function startDemoProviders(options: DemoOptions): Promise<RunningDemoProviders> {
  // Dates are relative to today (so "not updated in 6 months" stays meaningful) yet stable across same-day restarts.
  const today = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS)
  const data = generateDemoData({
    brazeCount: options.brazeCount,
    commandersActCount: options.commandersActCount,
    now: today,
  })
  // Fresh secrets each start: the proxy must get them from here, as it would from the environment.
  const apiKey = randomUUID()
  const siteId = String(randomInt(1000, 100_000))
  const token = Array.from({ length: 32 }, () => ALPHANUMERIC.charAt(randomInt(ALPHANUMERIC.length))).join('')
  const { latencyMs } = options
  const brazeFailure =
    options.fail === 'braze'
      ? true
      : options.fail === 'rate-limit' || options.fail === 'permission'
        ? options.fail
        : false
  const braze = await serveFetchHandler(
    createFakeBraze({
      segments: data.braze,
      apiKey,
      latencyMs,
      fail: brazeFailure,
      failEvery: options.failEvery,
      rateLimit: options.brazeRateLimit,
      rateWindowSeconds: options.brazeRateWindowSeconds,
    }),
  )
  try {
    const commandersAct = await serveFetchHandler(
      createFakeCommandersAct({
        segments: data.commandersAct,
        siteId,
        token,
        latencyMs,
        fail: options.fail === 'commanders-act',
      }),
    )
    return {
      braze: { url: braze.url, apiKey },
      commandersAct: { url: commandersAct.url, siteId, token },
      close: async () => {
        await Promise.all([braze.close(), commandersAct.close()])
      },
    }
  } catch (error) {
    await braze.close()
    throw error
  }
}

/** Adapts a fetch-style handler to node:http on 127.0.0.1 with a free port. */
export function serveFetchHandler(handler: FetchHandler): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    let origin = ''
    const server = createServer((incoming, outgoing) => {
      void respond(handler, origin, incoming, outgoing)
    })
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      if (address === null || typeof address === 'string') {
        reject(new Error('The demo provider server has no TCP address.'))
        return
      }
      origin = `http://127.0.0.1:${address.port}`
      resolve({ url: origin, close: closeOnce(server) })
    })
  })
}

async function respond(handler: FetchHandler, origin: string, incoming: IncomingMessage, outgoing: ServerResponse) {
  try {
    const response = await handler(await toRequest(origin, incoming, outgoing))
    outgoing.statusCode = response.status
    response.headers.forEach((value, name) => {
      if (!SKIPPED_RESPONSE_HEADERS.has(name)) outgoing.setHeader(name, value)
    })
    // Several cookies must stay several headers; Headers.forEach would join them with commas.
    const cookies = response.headers.getSetCookie()
    if (cookies.length > 0) outgoing.setHeader('set-cookie', cookies)
    outgoing.end(Buffer.from(await response.arrayBuffer()))
  } catch {
    // Also reached for a request target that is not a path (absolute-form, garbage): no stack trace to the client.
    if (!outgoing.headersSent) {
      outgoing.statusCode = 500
      outgoing.setHeader('content-type', 'text/plain')
    }
    outgoing.end('Demo provider error')
  }
}

async function toRequest(origin: string, incoming: IncomingMessage, outgoing: ServerResponse): Promise<Request> {
  const method = incoming.method ?? 'GET'
  // Aborted when the client hangs up (or the server closes) before the answer is sent, as fetch handlers expect.
  const abort = new AbortController()
  outgoing.once('close', () => {
    if (!outgoing.writableFinished) abort.abort()
  })
  const headers = new Headers()
  for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) {
    headers.append(incoming.rawHeaders[i] ?? '', incoming.rawHeaders[i + 1] ?? '')
  }
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(incoming)
  return new Request(origin + (incoming.url ?? '/'), { method, headers, body, signal: abort.signal })
}

async function readBody(incoming: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = []
  for await (const chunk of incoming) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
  // A copy on a plain ArrayBuffer: what the Request body type accepts.
  return new Uint8Array(Buffer.concat(chunks))
}

/** Also drops idle keep-alive connections, or close() would wait for clients to hang up; a second call is harmless. */
function closeOnce(server: Server): () => Promise<void> {
  let closing: Promise<void> | undefined
  return () => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()))
      server.closeAllConnections()
    })
    return closing
  }
}
