// TanStack Query options for Braze: hierarchical keys, the list streamed page by page into the cache.
import { experimental_streamedQuery as streamedQuery, queryOptions } from '@tanstack/react-query'
import type { ProviderRequestOptions } from '../request'
import type { Segment } from '../segment'
import { fetchBrazeDataSeries, fetchBrazeSegmentDetails, streamAllBrazeSegments } from './client'

const TEN_MINUTES = 10 * 60_000

/** What a caller fetching many segments (the details scan) hears of each request: 429s, to slow itself down. */
type SegmentRequestHooks = Pick<ProviderRequestOptions, 'onRateLimited'>

export const brazeQueries = {
  all: () =>
    queryOptions({
      queryKey: ['segments', 'braze'] as const,
      queryFn: streamedQuery({
        streamFn: ({ signal }) => streamAllBrazeSegments({ signal }),
        reducer: (rows: Segment[], page: Segment[]) => rows.concat(page),
        initialValue: [],
        // A refresh keeps showing the old rows until the new list is complete, instead of emptying the table.
        refetchMode: 'replace',
      }),
      // Each page already retries on its own; a query-level retry would list every page again.
      retry: false,
      staleTime: 5 * 60_000,
    }),
  details: (id: string, hooks: SegmentRequestHooks = {}) =>
    queryOptions({
      queryKey: ['segment', 'braze', id] as const,
      queryFn: ({ signal }) => fetchBrazeSegmentDetails(id, { ...hooks, signal }),
      retry: false,
      staleTime: TEN_MINUTES,
    }),
  dataSeries: (id: string, days: number, hooks: SegmentRequestHooks = {}) =>
    queryOptions({
      queryKey: ['segment', 'braze', id, 'data_series', days] as const,
      queryFn: ({ signal }) => fetchBrazeDataSeries(id, days, { ...hooks, signal }),
      retry: false,
      staleTime: TEN_MINUTES,
    }),
}
