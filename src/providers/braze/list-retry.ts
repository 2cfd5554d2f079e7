// How the Braze list treats a page that did not come back: wait as Braze asks, back off, or give up.
import { parseRateLimitReset, rateLimitDelay, type RetryPolicy } from '../../lib/http'
import type { ProviderError } from '../provider-error'

/**
 * Retries of a page that failed with a 5xx or a network error. With the first request alone until a page comes back, a
 * provider that keeps failing costs 4 + 4 × 3 = 16 upstream calls before the list gives up (at most 20 per page load).
 */
export const BRAZE_LIST_MAX_RETRIES = 3

/** What a failed page calls for: a wait Braze asked for, a backoff, or the end of the listing. */
export function remedyFor(error: ProviderError): 'wait' | 'backoff' | 'fatal' {
  if (error.reason === 'rate_limited' || error.reason === 'budget_reserve') return 'wait'
  return error.reason === 'server' || error.reason === 'network' ? 'backoff' : 'fatal'
}

/** A window reset this close is worth waiting for even while the budget is not spent (a burst limit, say). */
const NEAR_RESET_MS = 10_000

/**
 * The wait a 429 page asks for: its own Retry-After, else the answer's Retry-After, else the answer's X-RateLimit-Reset
 * when the budget is spent or the reset is near, else backoff. The answer's headers are the latest Braze sent, maybe
 * another page's: a reset at the top of the hour with calls left says nothing about this 429.
 */
export function rateLimitWait(error: ProviderError, headers: Headers, attempt: number, policy: RetryPolicy): number {
  const asked = new Headers(headers)
  if (error.retryAfterSeconds !== undefined) asked.set('retry-after', String(error.retryAfterSeconds))
  const remaining = Number(asked.get('x-ratelimit-remaining') ?? '0')
  const reset = parseRateLimitReset(asked, policy.now())
  if (remaining > 0 && reset !== undefined && reset > NEAR_RESET_MS) asked.delete('x-ratelimit-reset')
  return rateLimitDelay(asked, attempt, policy)
}

/** The first run of consecutive pages in `pages` (sorted), at most `max` long, taken out of it. */
export function takeRun(pages: number[], max: number): number[] {
  let length = 1
  while (length < max && pages[length] === (pages[0] ?? 0) + length) length += 1
  return pages.splice(0, length)
}
