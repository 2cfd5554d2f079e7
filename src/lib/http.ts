// fetch with per-request retries: waits out 429s as the server asks, backs off on 5xx and network errors.

export interface RetryPolicy {
  /** Retries after a 5xx answer or a network error (not counting 429s). */
  maxRetries: number
  /** Retries after a 429: a separate budget, since waiting for quota is not a failure. */
  maxRateLimitRetries: number
  /** First 5xx/network backoff; doubles at each retry. */
  baseDelayMs: number
  /** Cap of one 5xx/network backoff. */
  maxDelayMs: number
  /** ± fraction applied to backoffs so parallel requests do not retry in lockstep. */
  jitter: number
  /** First wait after a 429 that says nothing about when to come back; doubles at each one. */
  rateLimitDelayMs: number
  /** Cap of one 429 wait, whatever the server asks (X-RateLimit-Reset can be an hour away). */
  maxRateLimitWaitMs: number
  /** Whether a failed answer deserves another attempt; 429 and 5xx by default. */
  isRetryable: (response: Response) => boolean | Promise<boolean>
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  random: () => number
  now: () => number
}

export type FetchWithRetryInit = Omit<RequestInit, 'signal'> & {
  signal?: AbortSignal
  retry?: Partial<RetryPolicy>
  /** Told before each 429 wait, with the 429 (to read what it says), so callers can slow down their other requests. */
  onRateLimited?: (waitMs: number, response: Response) => void
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 4,
  maxRateLimitRetries: 6,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  jitter: 0.25,
  rateLimitDelayMs: 2_000,
  maxRateLimitWaitMs: 60_000,
  isRetryable: (response) => isRetryableStatus(response.status),
  sleep: abortableSleep,
  random: Math.random,
  now: Date.now,
}

const DELTA_SECONDS = /^\d+(?:\.\d+)?$/

/** Milliseconds the `Retry-After` header asks to wait (delta seconds or HTTP date), or undefined. */
export function parseRetryAfter(headers: Headers, now: number): number | undefined {
  const value = headers.get('retry-after')?.trim()
  if (!value) return undefined
  if (DELTA_SECONDS.test(value)) return Math.ceil(Number(value) * 1000)
  // An HTTP date names its month; without this, Date.parse would read "-5" as a year.
  if (!/[a-z]/i.test(value)) return undefined
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Milliseconds until `X-RateLimit-Reset` (UTC epoch seconds), or undefined when absent or already past. */
export function parseRateLimitReset(headers: Headers, now: number): number | undefined {
  const value = headers.get('x-ratelimit-reset')?.trim()
  if (!value || !DELTA_SECONDS.test(value)) return undefined
  const wait = Math.ceil(Number(value) * 1000 - now)
  // A reset in the past (clock skew) says nothing useful: fall back to backoff rather than hammer.
  return wait > 0 ? wait : undefined
}

/** Exponential backoff with ± jitter: base × 2^attempt, capped. */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  capMs: number,
  jitter: number,
  random: () => number,
): number {
  const exponential = Math.min(capMs, baseMs * 2 ** attempt)
  return Math.max(0, Math.round(exponential * (1 + jitter * (2 * random() - 1))))
}

/** How long to wait after the `attempt`-th 429: what the server asks, else backoff; never above the cap. */
export function rateLimitDelay(headers: Headers, attempt: number, policy: RetryPolicy): number {
  const asked = parseRetryAfter(headers, policy.now()) ?? parseRateLimitReset(headers, policy.now())
  const wait =
    asked ?? backoffDelay(attempt, policy.rateLimitDelayMs, policy.maxRateLimitWaitMs, policy.jitter, policy.random)
  return Math.min(wait, policy.maxRateLimitWaitMs)
}

function isAbortError(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof DOMException && error.name === 'AbortError')
}

/** Frees the connection of an answer we will not read. Not awaited: some fetch shims never settle a cancel. */
function discardBody(response: Response): void {
  response.body?.cancel().catch(() => {
    // The body is thrown away anyway; a failure to cancel it changes nothing.
  })
}

/**
 * fetch that retries on its own: 429 after the wait the server asks for, 5xx and network errors
 * (fetch's TypeError) with backoff. Other answers, and the last one when retries run out, are
 * returned as they are; an abort rejects at once, also during a wait.
 */
export async function fetchWithRetry(url: string, init: FetchWithRetryInit = {}): Promise<Response> {
  const { retry, onRateLimited, ...requestInit } = init
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...retry }
  const { signal } = init
  let failures = 0
  let rateLimits = 0
  for (;;) {
    let response: Response
    try {
      response = await fetch(url, requestInit)
    } catch (error) {
      if (isAbortError(error, signal) || !(error instanceof TypeError) || failures >= policy.maxRetries) throw error
      await policy.sleep(
        backoffDelay(failures++, policy.baseDelayMs, policy.maxDelayMs, policy.jitter, policy.random),
        signal,
      )
      signal?.throwIfAborted()
      continue
    }
    if (response.ok || !(await policy.isRetryable(response))) return response

    let wait: number
    if (response.status === 429) {
      if (rateLimits >= policy.maxRateLimitRetries) return response
      wait = rateLimitDelay(response.headers, rateLimits++, policy)
      onRateLimited?.(wait, response)
    } else {
      if (failures >= policy.maxRetries) return response
      wait = backoffDelay(failures++, policy.baseDelayMs, policy.maxDelayMs, policy.jitter, policy.random)
    }
    discardBody(response)
    await policy.sleep(wait, signal)
    signal?.throwIfAborted()
  }
}
