// The one QueryClient and the defaults every query shares, set here rather than in each provider's query options.
import { QueryClient } from '@tanstack/react-query'
import { CACHE_MAX_AGE_MS } from '../providers/cache-policy'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Each request already retries on its own (src/lib/http, and each page of the Braze list): a query-level retry
        // would multiply the attempts, or list every page again.
        retry: false,
        staleTime: 5 * 60_000,
        // As long as the persisted cache may be: a restored query must not be collected before it could be used.
        gcTime: CACHE_MAX_AGE_MS,
        refetchOnWindowFocus: false,
        // Asked even while the browser says it is offline: the request fails at once, and the page says the app's
        // server cannot be reached and asks again every few seconds, as for a server restarting. Held back instead
        // (the default), a page showed its placeholders with no word for as long as the Wi-Fi was down.
        networkMode: 'always',
      },
      // The same for the writes made as mutations (Refresh from Braze, moving this browser's reviews): offline, they
      // fail at once and say so, rather than show their busy state with no word until the link is back.
      mutations: { networkMode: 'always' },
    },
  })
}
