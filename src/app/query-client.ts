// The one QueryClient. Retries happen per request in src/lib/http, so queries do not retry on top of them.
import { QueryClient } from '@tanstack/react-query'
import { CACHE_MAX_AGE_MS } from '../providers/cache-policy'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        staleTime: 5 * 60_000,
        // As long as the persisted cache may be: a restored query must not be collected before it could be used.
        gcTime: CACHE_MAX_AGE_MS,
        refetchOnWindowFocus: false,
      },
    },
  })
}
