// Braze's shared hourly budget as its answers report it, and the reserve the proxy keeps for the company's production.
import type { RateReserve } from './limits.ts'

/** Headers the browser needs to pace itself; providers' cookies and CORS headers are deliberately not among them. */
const RATE_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after'] as const
/** Digits only, at most 10: an HTTP-date, a sign, a fraction or a huge value is dropped rather than trusted. */
const PLAIN_INTEGER = /^\d{1,10}$/

export type RateHeaders = Partial<Record<(typeof RATE_HEADERS)[number], string>>

/** The rate-limit headers of a provider answer that are plain non-negative integers; anything else is dropped. */
export function readRateHeaders(headers: Headers): RateHeaders {
  const kept: RateHeaders = {}
  for (const name of RATE_HEADERS) {
    const value = headers.get(name)?.trim()
    if (value !== undefined && PLAIN_INTEGER.test(value)) kept[name] = value
  }
  return kept
}

/** When a rate-limited caller may try again: Retry-After first, else the reset if it is ahead. */
export function waitFromHeaders(
  headers: RateHeaders,
  nowMs: number,
): { retryAfterSeconds: number; resumeAt: string } | null {
  const retryAfter = headers['retry-after']
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter)
    return { retryAfterSeconds: seconds, resumeAt: new Date(nowMs + seconds * 1000).toISOString() }
  }
  const reset = headers['x-ratelimit-reset']
  if (reset !== undefined && Number(reset) * 1000 > nowMs) {
    const resetMs = Number(reset) * 1000
    return { retryAfterSeconds: Math.ceil((resetMs - nowMs) / 1000), resumeAt: new Date(resetMs).toISOString() }
  }
  return null
}

export interface RateLimitStatus {
  limit: number
  remaining: number
  resetAt: string
  reserve: number
  observedAt: string
}

export interface ReserveHold {
  retryAfterSeconds: number
  resumeAt: string
}

export interface RateBudget {
  /**
   * Called with every Braze answer's status and headers; the latest complete reading wins. A 429's figures are not a
   * reading: Braze also refuses short bursts, with Remaining 0 and a reset seconds ahead, long before the hour's budget
   * is spent, and the 429 itself tells its caller how long to wait.
   */
  observe(status: number, headers: RateHeaders): void
  /**
   * Non-null when the next details or series call must wait for the reset, to leave the rest of the budget to
   * production: the calls still in flight are counted as spent, as they will be once Braze answers them.
   */
  hold(): ReserveHold | null
  /** Counts a details or series call as in flight until the returned function is called, when it comes back. */
  sending(): () => void
  status(): RateLimitStatus | null
}

function reserveCalls(reserve: RateReserve, limit: number): number {
  return 'calls' in reserve ? reserve.calls : Math.ceil((limit * reserve.percent) / 100)
}

export function createRateBudget(reserve: RateReserve, now: () => number = Date.now): RateBudget {
  let latest: { limit: number; remaining: number; resetMs: number; observedMs: number } | null = null
  let inFlight = 0
  return {
    observe(status, headers) {
      if (status === 429) return
      const { 'x-ratelimit-limit': limit, 'x-ratelimit-remaining': remaining, 'x-ratelimit-reset': reset } = headers
      if (limit === undefined || remaining === undefined || reset === undefined) return
      latest = { limit: Number(limit), remaining: Number(remaining), resetMs: Number(reset) * 1000, observedMs: now() }
    },
    hold() {
      const nowMs = now()
      if (!latest || latest.resetMs <= nowMs) return null
      if (latest.remaining - inFlight > reserveCalls(reserve, latest.limit)) return null
      return {
        retryAfterSeconds: Math.max(1, Math.ceil((latest.resetMs - nowMs) / 1000)),
        resumeAt: new Date(latest.resetMs).toISOString(),
      }
    },
    sending() {
      inFlight += 1
      // Counted back once, however often the caller calls it.
      let back = false
      return () => {
        if (back) return
        back = true
        inFlight -= 1
      }
    },
    status() {
      if (!latest) return null
      return {
        limit: latest.limit,
        remaining: latest.remaining,
        resetAt: new Date(latest.resetMs).toISOString(),
        reserve: reserveCalls(reserve, latest.limit),
        observedAt: new Date(latest.observedMs).toISOString(),
      }
    },
  }
}
