// Calls a provider for an allowed route (several times at once for a pages route) and relays its answer: JSON only,
// selected headers only, size-capped, time-limited.
import type { ServerResponse } from 'node:http'
import type { PagesRoute, ProviderId, SingleRoute, UpstreamRequest } from './allowlist.ts'
import { parseVisitorJsonp } from './jsonp.ts'
import { sendError, sendJsonText } from './respond.ts'

export const UPSTREAM_MAX_BYTES = 20 * 1024 * 1024

/** Headers the browser needs to pace itself; cookies and CORS headers from providers are deliberately not among them. */
const RELAYED_HEADERS = ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'] as const

export interface ForwardOptions {
  timeoutMs: number
  log: (line: string) => void
}

/** What one provider call came to: the answer to relay (JSON text, JSONP already converted), or the proxy's own error. */
type UpstreamOutcome =
  | { kind: 'answer'; status: number; text: string; relayed: Record<string, string> }
  | {
      kind: 'error'
      status: 502 | 504
      error: 'upstream_invalid' | 'upstream_unreachable' | 'upstream_timeout'
      message: string
      /** The provider's status, when it answered at all. */
      providerStatus?: number
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

/**
 * Calls the provider once and checks its answer. `where` names the call in log lines: never the URL, where
 * Commanders Act's token is one of the query parameters.
 */
async function callProvider(
  upstream: UpstreamRequest,
  shape: SingleRoute['kind'],
  where: string,
  options: ForwardOptions,
): Promise<UpstreamOutcome> {
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
      return { kind: 'error', status: 502, error: 'upstream_invalid', message: 'The provider answer is too large.' }
    }
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      options.log(`${where}: no answer within ${options.timeoutMs} ms`)
      return { kind: 'error', status: 504, error: 'upstream_timeout', message: 'The provider did not answer in time.' }
    }
    options.log(`${where}: provider unreachable`)
    return { kind: 'error', status: 502, error: 'upstream_unreachable', message: 'The provider could not be reached.' }
  }
  const invalid = (message: string): UpstreamOutcome =>
    ({ kind: 'error', status: 502, error: 'upstream_invalid', message, providerStatus: response.status })

  const relayed: Record<string, string> = {}
  for (const name of RELAYED_HEADERS) {
    const value = response.headers.get(name)
    if (value !== null) relayed[name] = value
  }

  if (response.status >= 300 && response.status < 400) {
    options.log(`${where}: unexpected redirect (${response.status})`)
    return invalid('The provider answered with a redirect.')
  }

  if (shape === 'jsonp' && response.ok) {
    const segmentIds = parseVisitorJsonp(text)
    if (segmentIds === null) {
      options.log(`${where}: JSONP answer did not match the expected shape`)
      return invalid('The provider answer is not the expected JSONP.')
    }
    return { kind: 'answer', status: 200, text: JSON.stringify({ segmentIds }), relayed }
  }

  if (!isJson(text)) {
    options.log(`${where}: answer is not JSON (${response.status})`)
    return invalid('The provider answer is not JSON.')
  }
  if (!response.ok) options.log(`${where}: provider answered ${response.status}`)
  return { kind: 'answer', status: response.status, text, relayed }
}

function send(res: ServerResponse, provider: ProviderId, outcome: UpstreamOutcome): void {
  if (outcome.kind === 'answer') return sendJsonText(res, outcome.status, outcome.text, outcome.relayed)
  const { status, error, message, providerStatus } = outcome
  sendError(res, status, error, { provider, ...(providerStatus === undefined ? {} : { status: providerStatus }), message })
}

/** Relays one provider call. */
export async function forward(
  res: ServerResponse,
  route: SingleRoute,
  routePath: string,
  upstream: UpstreamRequest,
  options: ForwardOptions,
): Promise<void> {
  send(res, route.provider, await callProvider(upstream, route.kind, `${route.provider} ${routePath}`, options))
}

/**
 * Makes the calls at once and answers `{"pages": [...]}` with each body as received, and the rate-limit headers of the
 * answer that arrived last (the freshest). If any call fails, the answer is the one the single route would give for the
 * first failing call in order, and nothing of the others.
 */
export async function forwardPages(
  res: ServerResponse,
  route: PagesRoute,
  routePath: string,
  upstreams: UpstreamRequest[],
  options: ForwardOptions,
): Promise<void> {
  let freshest: Record<string, string> = {}
  const outcomes = await Promise.all(
    upstreams.map(async (upstream, index) => {
      const where = `${route.provider} ${routePath} (call ${index + 1} of ${upstreams.length})`
      const outcome = await callProvider(upstream, 'json', where, options)
      if (outcome.kind === 'answer') freshest = outcome.relayed
      return outcome
    }),
  )
  const texts: string[] = []
  for (const outcome of outcomes) {
    if (outcome.kind === 'error' || outcome.status < 200 || outcome.status > 299) return send(res, route.provider, outcome)
    texts.push(outcome.text)
  }
  // The texts are checked JSON: joining them gives the same bytes the provider sent, without parsing them again.
  sendJsonText(res, 200, `{"pages":[${texts.join(',')}]}`, freshest)
}
