// Calls a provider for an allowed route and relays its answer: JSON only, selected headers only, size-capped, time-limited.
import type { ServerResponse } from 'node:http'
import type { AllowedRoute, UpstreamRequest } from './allowlist.ts'
import { parseVisitorJsonp } from './jsonp.ts'
import { sendError, sendJson, sendJsonText } from './respond.ts'

export const UPSTREAM_MAX_BYTES = 20 * 1024 * 1024

/** Headers the browser needs to pace itself; cookies and CORS headers from providers are deliberately not among them. */
const RELAYED_HEADERS = ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'] as const

export interface ForwardOptions {
  timeoutMs: number
  log: (line: string) => void
}

class BodyTooLarge extends Error {}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw new BodyTooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

export async function forward(
  res: ServerResponse,
  route: AllowedRoute,
  routePath: string,
  upstream: UpstreamRequest,
  options: ForwardOptions,
): Promise<void> {
  const { provider } = route
  // Never log upstream.url: Commanders Act's token is one of its query parameters.
  const where = `${provider} ${routePath}`
  let response: Response
  let text: string
  try {
    response = await fetch(upstream.url, {
      method: 'GET',
      headers: upstream.headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    })
    text = await readCapped(response, UPSTREAM_MAX_BYTES)
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      options.log(`${where}: answer larger than ${UPSTREAM_MAX_BYTES} bytes`)
      return sendError(res, 502, 'upstream_invalid', { provider, message: 'The provider answer is too large.' })
    }
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      options.log(`${where}: no answer within ${options.timeoutMs} ms`)
      return sendError(res, 504, 'upstream_timeout', { provider, message: 'The provider did not answer in time.' })
    }
    options.log(`${where}: provider unreachable`)
    return sendError(res, 502, 'upstream_unreachable', { provider, message: 'The provider could not be reached.' })
  }

  const relayed: Record<string, string> = {}
  for (const name of RELAYED_HEADERS) {
    const value = response.headers.get(name)
    if (value !== null) relayed[name] = value
  }

  if (response.status >= 300 && response.status < 400) {
    options.log(`${where}: unexpected redirect (${response.status})`)
    return sendError(res, 502, 'upstream_invalid', { provider, status: response.status, message: 'The provider answered with a redirect.' })
  }

  if (route.kind === 'jsonp' && response.ok) {
    const segmentIds = parseVisitorJsonp(text)
    if (segmentIds === null) {
      options.log(`${where}: JSONP answer did not match the expected shape`)
      return sendError(res, 502, 'upstream_invalid', { provider, status: response.status, message: 'The provider answer is not the expected JSONP.' })
    }
    return sendJson(res, 200, { segmentIds }, relayed)
  }

  if (!isJson(text)) {
    options.log(`${where}: answer is not JSON (${response.status})`)
    return sendError(res, 502, 'upstream_invalid', { provider, status: response.status, message: 'The provider answer is not JSON.' })
  }
  if (!response.ok) options.log(`${where}: provider answered ${response.status}`)
  sendJsonText(res, response.status, text, relayed)
}
