// One provider call: queued behind the cap, cancelled with its browser request, time-limited, size-capped while
// streaming, and checked before anything of it is relayed. Never retried here: the browser decides.
import type { UpstreamRequest } from './allowlist.ts'
import {
  providerErrorAnswer,
  providerMessage,
  proxyFailure,
  type CallContext,
  type ErrorAnswer,
} from './error-answer.ts'
import { parseVisitorJsonp } from './jsonp.ts'
import type { ListExtent } from './list-extent.ts'
import { readRateHeaders, type RateBudget, type RateHeaders } from './rate-budget.ts'
import type { UpstreamSlots } from './upstream-slots.ts'

export interface UpstreamOptions {
  timeoutMs: number
  maxBodyBytes: number
  slots: UpstreamSlots
  /** Aborts when the browser's request goes away. */
  clientSignal: AbortSignal
  /** Fed every Braze answer's status and rate-limit headers. */
  brazeBudget: RateBudget
  /** Fed every Braze list request's page lengths. */
  brazeList: ListExtent
  log: (line: string) => void
}

/** What the answer must be: Braze's JSON envelope, Commanders Act's bare array, or its visitor JSONP. */
export type AnswerShape = 'braze' | 'array' | 'jsonp'

export type UpstreamOutcome =
  /** `value` is `text` parsed. */
  | { kind: 'answer'; text: string; value: unknown; rate: RateHeaders }
  | { kind: 'error'; answer: ErrorAnswer; rate: RateHeaders }
  /** The browser went away: there is nobody to answer. */
  | { kind: 'gone' }

class BodyTooLarge extends Error {}

async function readCapped(response: Response, maxBytes: number, abort: AbortController): Promise<string> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes) {
    abort.abort()
    throw new BodyTooLarge()
  }
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      // Aborting drops the connection: the rest is never received, let alone buffered.
      abort.abort()
      throw new BodyTooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/**
 * Calls the provider once. `where` names the call in log lines: never the URL, where Commanders Act's token is one of
 * the query parameters.
 */
export async function callUpstream(
  upstream: UpstreamRequest,
  shape: AnswerShape,
  context: CallContext,
  where: string,
  options: UpstreamOptions,
): Promise<UpstreamOutcome> {
  const timeout = AbortSignal.timeout(options.timeoutMs)
  const abort = new AbortController()
  const signal = AbortSignal.any([options.clientSignal, timeout, abort.signal])
  let response: Response
  let text: string
  let release = () => {}
  try {
    release = await options.slots.acquire(signal)
    response = await fetch(upstream.url, { method: 'GET', headers: upstream.headers, redirect: 'manual', signal })
    text = await readCapped(response, options.maxBodyBytes, abort)
  } catch (error) {
    if (options.clientSignal.aborted) return { kind: 'gone' }
    const failure = (reason: 'upstream_too_large' | 'upstream_timeout' | 'upstream_unreachable', line: string) => {
      options.log(`${where}: ${line}`)
      return { kind: 'error', answer: proxyFailure(context, reason), rate: {} } as const
    }
    if (error instanceof BodyTooLarge)
      return failure('upstream_too_large', `answer larger than ${options.maxBodyBytes} bytes`)
    if (timeout.aborted) return failure('upstream_timeout', `no answer within ${options.timeoutMs} ms`)
    return failure('upstream_unreachable', 'provider unreachable')
  } finally {
    release()
  }

  const rate = readRateHeaders(response.headers)
  if (context.provider === 'braze') options.brazeBudget.observe(response.status, rate)
  const fail = (answer: ErrorAnswer, line: string): UpstreamOutcome => {
    options.log(`${where}: ${line}`)
    return { kind: 'error', answer, rate }
  }
  const { status } = response

  if (status >= 300 && status < 400)
    return fail(proxyFailure(context, 'upstream_invalid', status), `unexpected redirect (${status})`)
  const parsed = shape === 'jsonp' && response.ok ? null : parseJson(text)
  if (!response.ok) {
    const answer = providerErrorAnswer(context, status, parsed?.ok ? parsed.value : undefined, rate, Date.now())
    return fail(answer, `provider answered ${status}`)
  }
  if (shape === 'jsonp') {
    const segmentIds = parseVisitorJsonp(text)
    if (segmentIds === null)
      return fail(proxyFailure(context, 'upstream_invalid', status), 'JSONP answer did not match the expected shape')
    return { kind: 'answer', text: JSON.stringify({ segmentIds }), value: { segmentIds }, rate }
  }
  if (!parsed?.ok) return fail(proxyFailure(context, 'upstream_invalid', status), `answer is not JSON (${status})`)
  const body = parsed.value
  if (shape === 'array' && !Array.isArray(body))
    return fail(proxyFailure(context, 'upstream_invalid', status), 'answer is not an array')
  if (shape === 'braze') {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return fail(proxyFailure(context, 'upstream_invalid', status), 'answer is not a JSON object')
    }
    // Braze reports some failures with a 2xx status and another message.
    if (!('message' in body) || body.message !== 'success') {
      const message = providerMessage(body, context.secrets)
      return fail(proxyFailure(context, 'upstream_error', status, message), `answered ${status} without success`)
    }
  }
  return { kind: 'answer', text, value: body, rate }
}
