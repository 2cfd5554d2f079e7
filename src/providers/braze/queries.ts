// TanStack Query options for Braze: hierarchical keys, the list streamed into the cache a few pages at a time.
import { experimental_streamedQuery as streamedQuery, queryOptions, type QueryKey } from '@tanstack/react-query'
import { brazeListPagesOf, connectionStatusQuery } from '../connection-status'
import { retryOnMount, throwIfNotConfigured } from '../not-configured'
import type { ProviderRequestOptions } from '../request'
import type { Segment } from '../segment'
import { fetchBrazeDataSeries, fetchBrazeSegmentDetails } from './client'
import { streamAllBrazeSegments } from './list-stream'

/** How long a segment's details and size series stay fresh: a page opened later asks for them again. */
export const DETAILS_FRESH_MS = 10 * 60_000

/** The status the page fetched as it started, if that was a moment ago; on a later refresh, the server's status now. */
const statusAsTheListStarts = () => ({ ...connectionStatusQuery(), staleTime: 10_000 })

/**
 * Braze's query keys, made here only. The list sits under 'segments' and one segment's data under 'segment': the roots
 * the persisted cache keeps. Retries and the usual freshness are the QueryClient's defaults (src/app/query-client.ts).
 */
export const brazeKeys = {
  list: () => ['segments', 'braze'] as const,
  listWait: () => ['list-wait', 'braze'] as const,
  segments: () => ['segment', 'braze'] as const,
  details: (id: string) => [...brazeKeys.segments(), id] as const,
  dataSeries: (id: string, days: number) => [...brazeKeys.details(id), 'data_series', days] as const,
}

/** A segment query's key read back, here where it is made: its id, and a size series' days; undefined for any other. */
export function brazeSegmentOf(key: QueryKey): { id: string; days?: number } | undefined {
  const root = brazeKeys.segments()
  if (!root.every((part, index) => key[index] === part)) return undefined
  const [id, series, days, ...more] = key.slice(root.length)
  if (typeof id !== 'string' || more.length > 0) return undefined
  if (series === undefined) return { id }
  return series === 'data_series' && typeof days === 'number' ? { id, days } : undefined
}

/**
 * What a caller asks of each segment request: the details scan hears 429s, to slow itself down, and waits for the
 * budget's reserve itself; a refresh asks Braze rather than the server's keep; the Connections check asks once, without
 * retries.
 */
type SegmentRequestHooks = Pick<ProviderRequestOptions, 'onRateLimited' | 'refresh' | 'retry' | 'reserveWaitMs'>

export const brazeQueries = {
  all: () =>
    queryOptions({
      queryKey: brazeKeys.list(),
      queryFn: streamedQuery({
        // The signal is left unread on purpose: TanStack Query then lets the listing finish when the last page using
        // it goes away (a visit to another page) instead of cutting it off and keeping a partial list as if whole.
        // An explicit cancel still stops it: the loop ends, which stops the paging.
        // `client` only: reading `signal` here would tie the listing to its observers (see above).
        streamFn: async function* ({ client }) {
          // A list the server has seen whole lately is asked for at once; without a status, page by page as usual.
          const status = await client.fetchQuery(statusAsTheListStarts()).catch(() => undefined)
          throwIfNotConfigured(client, 'braze')
          yield* streamAllBrazeSegments({
            knownPages: status && brazeListPagesOf(status),
            onWait: (until) => client.setQueryData(brazeQueries.listWait().queryKey, until ?? null),
          })
        },
        reducer: (rows: Segment[], page: Segment[]) => rows.concat(page),
        initialValue: [],
        // A refresh keeps showing the old rows until the new list is complete, instead of emptying the table.
        refetchMode: 'replace',
      }),
      retryOnMount,
      // While the list streams, each chunk's array (the reducer's concat) already keeps every earlier segment object: a
      // deep compare of the whole growing list at each chunk would only cost time. A refresh brings new objects, which
      // the list view derives its rows from once.
      structuralSharing: false,
    }),
  /**
   * While Braze asks the listing to wait (429): when loading resumes, epoch ms; null otherwise. Written by the listing,
   * never fetched; outside the 'segments' root so it is neither persisted nor refetched with the list.
   */
  listWait: () =>
    queryOptions({
      queryKey: brazeKeys.listWait(),
      queryFn: (): number | null => null,
      initialData: null,
      staleTime: Infinity,
    }),
  details: (id: string, hooks: SegmentRequestHooks = {}) =>
    queryOptions({
      queryKey: brazeKeys.details(id),
      queryFn: ({ signal }) => fetchBrazeSegmentDetails(id, { ...hooks, signal }),
      staleTime: DETAILS_FRESH_MS,
    }),
  dataSeries: (id: string, days: number, hooks: SegmentRequestHooks = {}) =>
    queryOptions({
      queryKey: brazeKeys.dataSeries(id, days),
      queryFn: ({ signal }) => fetchBrazeDataSeries(id, days, { ...hooks, signal }),
      staleTime: DETAILS_FRESH_MS,
    }),
}
