// Provider clients' only way to the proxy: same-origin URL, per-request retries, typed errors, zod parse at the edge.
import type { z } from 'zod/mini'
import { APP_REQUEST_HEADERS, apiUrl, type QueryParams } from '../lib/api-url'
import { defaultRetryPolicy, fetchWithRetry, isRetryableStatus, type RetryPolicy } from '../lib/http'
import { issueText } from '../lib/zod-messages'
import { invalidResponseError, ProviderError, providerErrorFromResponse } from './provider-error'
import type { ProviderId } from './provider-id'

export interface ProviderRequestOptions {
  signal?: AbortSignal
  /** Ask the provider now rather than take the answer the server kept for the team ("Refresh from Braze"). */
  refresh?: boolean
  retry?: Partial<RetryPolicy>
  onRateLimited?: (waitMs: number, response: Response) => void
  /**
   * The longest hold of Braze's reserve this request waits out itself, as a 429 (default: the policy's cap on one 429
   * wait); a longer one fails at once, for the caller to pause until the reset. The details scan passes 0: it pauses
   * all its requests at once, and says until when.
   */
  reserveWaitMs?: number
}

const REFRESH_HEADERS = { 'X-Segment-Audit-Refresh': '1' }

/** Proxy answers that asking again will not change: only a restart with credentials does. */
const FINAL_ERRORS = new Set(['not_configured', 'upstream_timeout'])

/**
 * 429 and 5xx are worth retrying, except the proxy's "not configured" 503, a timeout (a provider that slow would keep
 * the page waiting minutes) and a budget reserve held longer than the policy waits out a 429: the caller then pauses
 * until the reset instead of asking every minute. A reserve held a few seconds (a burst limit's reset) is a 429 like
 * any other, waited out as its Retry-After says.
 */
function isRetryableProviderResponse(maxWaitMs: number) {
  return async (response: Response): Promise<boolean> => {
    if (!isRetryableStatus(response.status)) return false
    try {
      // Read loosely: any field missing or of another type leaves the answer retryable, or the hold final.
      const body = (await response.clone().json()) as Partial<Record<'error' | 'retryAfterSeconds', unknown>>
      if (body.error === 'budget_reserve') return Number(body.retryAfterSeconds) * 1000 <= maxWaitMs
      return !FINAL_ERRORS.has(String(body.error))
    } catch {
      // Not JSON (or JSON null): a gateway's page, worth asking again.
      return true
    }
  }
}

function parseProviderBody<S extends z.ZodMiniType>(provider: ProviderId, schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body, { error: issueText })
  if (!result.success) throw invalidResponseError(provider, result.error, body)
  return result.data
}

/** GETs a proxy path and returns its parsed body; every failure but an abort becomes a ProviderError. */
export async function requestProviderJson<S extends z.ZodMiniType>(
  provider: ProviderId,
  path: string,
  params: QueryParams,
  schema: S,
  options: ProviderRequestOptions = {},
): Promise<z.output<S>> {
  return (await requestProviderAnswer(provider, path, params, schema, options)).body
}

/** Same, with the answer's headers (the rate-limit ones tell how long to wait before asking again). */
export async function requestProviderAnswer<S extends z.ZodMiniType>(
  provider: ProviderId,
  path: string,
  params: QueryParams,
  schema: S,
  { signal, retry, onRateLimited, refresh, reserveWaitMs }: ProviderRequestOptions = {},
): Promise<{ body: z.output<S>; headers: Headers }> {
  let response: Response
  try {
    response = await fetchWithRetry(apiUrl(path, params), {
      headers: { ...APP_REQUEST_HEADERS, Accept: 'application/json', ...(refresh ? REFRESH_HEADERS : {}) },
      signal,
      retry: {
        isRetryable: isRetryableProviderResponse(
          reserveWaitMs ?? retry?.maxRateLimitWaitMs ?? defaultRetryPolicy.maxRateLimitWaitMs,
        ),
        ...retry,
      },
      onRateLimited,
    })
  } catch (error) {
    // fetch rejects with a TypeError when the network (or the proxy) is down; aborts pass through untouched.
    if (error instanceof TypeError && !signal?.aborted) throw new ProviderError(provider, 'network', { cause: error })
    throw error
  }
  if (!response.ok) throw await providerErrorFromResponse(provider, response)
  let body: unknown
  try {
    body = await response.json()
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ProviderError(provider, 'invalid_response', {
      status: response.status,
      detail: 'the answer is not JSON',
      cause: error,
    })
  }
  return { body: parseProviderBody(provider, schema, body), headers: response.headers }
}
