// The one way provider clients call the proxy: same-origin URL, per-request retries, typed errors, zod parse at the edge.
import type { z } from 'zod/mini'
import { APP_REQUEST_HEADERS, apiUrl, type QueryParams } from '../lib/api-url'
import { fetchWithRetry, isRetryableStatus, type RetryPolicy } from '../lib/http'
import { issueText } from '../lib/zod-messages'
import { invalidResponseError, ProviderError, providerErrorFromResponse } from './provider-error'
import type { ProviderId } from './provider-id'

export interface ProviderRequestOptions {
  signal?: AbortSignal
  /** Ask the provider now rather than take the answer the server kept for the team ("Refresh from Braze"). */
  refresh?: boolean
  retry?: Partial<RetryPolicy>
  onRateLimited?: (waitMs: number) => void
}

const REFRESH_HEADERS = { 'X-Segment-Audit-Refresh': '1' }

/** Proxy answers that asking again will not change: only a restart with credentials, or the budget's reset, does. */
const FINAL_ERRORS = new Set(['not_configured', 'budget_reserve', 'upstream_timeout'])

/**
 * 429 and 5xx are worth retrying, except the proxy's "not configured" 503, its budget reserve (the caller pauses until
 * the reset instead of asking every minute) and a timeout (a provider that slow would keep the page waiting minutes).
 */
async function isRetryableProviderResponse(response: Response): Promise<boolean> {
  if (!isRetryableStatus(response.status)) return false
  try {
    const body: unknown = await response.clone().json()
    return !(typeof body === 'object' && body !== null && 'error' in body && FINAL_ERRORS.has(String(body.error)))
  } catch {
    return true
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
  { signal, retry, onRateLimited, refresh }: ProviderRequestOptions = {},
): Promise<{ body: z.output<S>; headers: Headers }> {
  let response: Response
  try {
    response = await fetchWithRetry(apiUrl(path, params), {
      headers: { ...APP_REQUEST_HEADERS, Accept: 'application/json', ...(refresh ? REFRESH_HEADERS : {}) },
      signal,
      retry: { isRetryable: isRetryableProviderResponse, ...retry },
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
