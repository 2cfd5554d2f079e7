// TanStack Query options for Braze: hierarchical keys, the list streamed into the cache a few pages at a time.
import { experimental_streamedQuery as streamedQuery, queryOptions } from '@tanstack/react-query'
import type { ProviderRequestOptions } from '../request'
import type { Segment } from '../segment'
import { fetchBrazeDataSeries, fetchBrazeSegmentDetails } from './client'
import { streamAllBrazeSegments } from './list-stream'

const TEN_MINUTES = 10 * 60_000

/** What a caller fetching many segments (the details scan) hears of each request: 429s, to slow itself down. */
type SegmentRequestHooks = Pick<ProviderRequestOptions, 'onRateLimited' | 'refresh'>

export const brazeQueries = {
  all: () =>
    queryOptions({
      queryKey: ['segments', 'braze'] as const,
      queryFn: streamedQuery({
        // The signal is left unread on purpose: TanStack Query then lets the listing finish when the last page using
        // it goes away (a visit to another page) instead of cutting it off and keeping a partial list as if whole.
        // An explicit cancel still stops it: the loop ends, which stops the paging.
        // `client` only: reading `signal` here would tie the listing to its observers (see above).
        streamFn: ({ client }) =>
          streamAllBrazeSegments({
            onWait: (until) => client.setQueryData(brazeQueries.listWait().queryKey, until ?? null),
          }),
        reducer: (rows: Segment[], page: Segment[]) => rows.concat(page),
        initialValue: [],
        // A refresh keeps showing the old rows until the new list is complete, instead of emptying the table.
        refetchMode: 'replace',
      }),
      // While the list streams, each chunk's array (the reducer's concat) already keeps every earlier segment object:
      // a deep compare of the whole growing list at each chunk would only cost time. A refresh brings new objects, which
      // the list view derives its rows from once.
      structuralSharing: false,
      // Each page already retries on its own; a query-level retry would list every page again.
      retry: false,
      staleTime: 5 * 60_000,
    }),
  /**
   * While Braze asks the listing to wait (429): when loading resumes, epoch ms; null otherwise. Written by the listing,
   * never fetched; outside the 'segments' root so it is neither persisted nor refetched with the list.
   */
  listWait: () =>
    queryOptions({
      queryKey: ['list-wait', 'braze'] as const,
      queryFn: (): number | null => null,
      initialData: null,
      staleTime: Infinity,
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
