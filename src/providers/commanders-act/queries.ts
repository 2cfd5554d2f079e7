// TanStack Query options for Commanders Act: the segment list and a visitor's segments.
import { queryOptions } from '@tanstack/react-query'
import { fetchCommandersActSegments, fetchVisitorSegmentIds } from './client'

export const commandersActQueries = {
  all: () =>
    queryOptions({
      queryKey: ['segments', 'commanders-act'] as const,
      queryFn: ({ signal }) => fetchCommandersActSegments({ signal }),
      // Every fetch parses fresh objects, so a deep compare of the thousands of rows with the cached ones never pays.
      structuralSharing: false,
      // fetchWithRetry already retries each request; a query-level retry would multiply the attempts.
      retry: false,
      staleTime: 5 * 60_000,
    }),
  visitor: (tcid: string) =>
    queryOptions({
      queryKey: ['visitor', 'commanders-act', tcid] as const,
      queryFn: ({ signal }) => fetchVisitorSegmentIds(tcid, { signal }),
      retry: false,
    }),
}
