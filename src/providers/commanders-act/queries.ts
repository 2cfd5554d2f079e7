// TanStack Query options for Commanders Act: the segment list and a visitor's segments.
import { queryOptions } from '@tanstack/react-query'
import { retryOnMount, throwIfNotConfigured } from '../not-configured'
import { fetchCommandersActSegments, fetchVisitorSegmentIds } from './client'

/** Commanders Act's query keys, made here only; retries and freshness are the QueryClient's defaults. */
export const commandersActKeys = {
  list: () => ['segments', 'commanders-act'] as const,
  visitor: (tcid: string) => ['visitor', 'commanders-act', tcid] as const,
}

export const commandersActQueries = {
  all: () =>
    queryOptions({
      queryKey: commandersActKeys.list(),
      // No signal, as for Braze's list: leaving the list while it loads lets the request finish into the cache instead
      // of cancelling it and asking Commanders Act again on the way back.
      queryFn: ({ client }) => {
        throwIfNotConfigured(client, 'commanders-act')
        return fetchCommandersActSegments()
      },
      retryOnMount,
      // Every fetch parses fresh objects, so a deep compare of the thousands of rows with the cached ones never pays.
      structuralSharing: false,
    }),
  visitor: (tcid: string) =>
    queryOptions({
      queryKey: commandersActKeys.visitor(tcid),
      queryFn: ({ signal }) => fetchVisitorSegmentIds(tcid, { signal }),
    }),
}
