// Braze through the proxy, one segment at a time: details and size series (the list is in list-stream.ts).
import { KEPT_AT_HEADER } from '../cache-policy'
import { ProviderError } from '../provider-error'
import { requestProviderAnswer, requestProviderJson, type ProviderRequestOptions } from '../request'
import {
  brazeDataSeriesSchema,
  brazeSegmentDetailsSchema,
  toBrazeSegmentDetails,
  toBrazeSizeSeries,
  type BrazeSegmentDetails,
  type BrazeSizePoint,
} from './schemas'

/** Braze answers 400, not 404, for an unknown segment_id (the proxy 400s an impossible id): both mean "not found". */
function notFoundOnBadRequest(error: unknown): never {
  if (error instanceof ProviderError && error.status === 400) {
    throw new ProviderError('braze', 'not_found', { status: 400, providerMessage: error.providerMessage, cause: error })
  }
  throw error
}

/**
 * One retry after a 5xx or a network error: a detail page asks for details, a size series and the list, and a provider
 * that keeps failing must cost at most 20 calls per page load (the list's share is 16) and show its alert quickly.
 */
const SEGMENT_RETRY = { maxRetries: 1 }

export async function fetchBrazeSegmentDetails(
  id: string,
  options: ProviderRequestOptions = {},
): Promise<BrazeSegmentDetails> {
  const { body, headers } = await requestProviderAnswer(
    'braze',
    '/api/braze/segments/details',
    { segment_id: id },
    brazeSegmentDetailsSchema,
    { ...options, retry: { ...SEGMENT_RETRY, ...options.retry } },
  ).catch(notFoundOnBadRequest)
  const details = toBrazeSegmentDetails(id, body)
  const keptAt = headers.get(KEPT_AT_HEADER)
  return keptAt !== null && !Number.isNaN(Date.parse(keptAt)) ? { ...details, keptAt } : details
}

/** Daily estimated size over the last `days` days (1–100, Braze's limit). */
export async function fetchBrazeDataSeries(
  id: string,
  days: number,
  options: ProviderRequestOptions = {},
): Promise<BrazeSizePoint[]> {
  if (!Number.isInteger(days) || days < 1 || days > 100)
    throw new RangeError(`days must be an integer from 1 to 100, got ${days}`)
  const body = await requestProviderJson(
    'braze',
    '/api/braze/segments/data_series',
    { segment_id: id, length: days },
    brazeDataSeriesSchema,
    { ...options, retry: { ...SEGMENT_RETRY, ...options.retry } },
  ).catch(notFoundOnBadRequest)
  return toBrazeSizeSeries(body)
}
