// The app: one QueryClient, restored from and saved to IndexedDB, and the router; then, apart, what follows the restore
// (after-restore.ts).
import { IsRestoringProvider, QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { BrowserRouter } from 'react-router'
import { SCAN_MARKER_KEY } from '../features/audit/scan-marked'
import { brazeQueries } from '../providers/braze/queries'
import { connectionStatusQuery } from '../providers/connection-status'
import { auditEntriesQuery } from '../stores/audit-queries'
import { commandersActQueries } from '../providers/commanders-act/queries'
import { createQueryClient } from './query-client'
import { cachePersistOptions, restoreThenKeepSaving, type CachePersistOptions } from './query-persistence'
import { keptCacheBack } from './first-screen'
import { loadAgain } from '../components/on-demand'
import { draftsInTab } from './layout'
import { AppRoutes } from './router'
import './styles.css'

export interface PersistedClient {
  queryClient: QueryClient
  persistOptions: CachePersistOptions
}

/**
 * The QueryClient with its IndexedDB persistence. Reading the cache starts here: main.tsx creates it before the
 * first render. On a first visit (nothing stored) the segment lists start at once, without waiting for the app to
 * mount and finish an empty restore.
 */
export function createPersistedClient(): PersistedClient {
  const queryClient = createQueryClient()
  const persistOptions = cachePersistOptions(queryClient, {
    onNothingStored: () => {
      void startLists(queryClient)
      // The team's verdicts too: the page's own query waits for the restore, and until they answer every row of the
      // first rows would say Unreviewed. Asked now, they answer before the lists, as the Braze pages fill the
      // browser's connections.
      void queryClient.prefetchQuery(auditEntriesQuery())
    },
  })
  return { queryClient, persistOptions }
}

/** Every page needs both lists; a list already loading or fresh is left alone. Settles once both are in or failed. */
function startLists(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.prefetchQuery(brazeQueries.all()),
    queryClient.prefetchQuery(commandersActQueries.all()),
  ])
}

/**
 * Once the cache is back (or could not be): the segment lists start loading at once — every page needs them, and the
 * page itself still waits for its translations — unless the restored ones are fresh. What else there may be to do loads
 * only when there is something to do (the list's first load carries none of it): a details scan a reload interrupted,
 * Braze answers the team's scans keep on the server, or a review this tab's segment pages left unsaved.
 */
function afterRestore(queryClient: QueryClient): void {
  // The list's alert for a failed provider is code loaded on demand, needed most when it cannot load: a Refresh during
  // an outage of the app's own server said nothing until the server was back. Its code (under 1.5 kB gzip) is fetched
  // a second after the lists are in, taking nothing from their loading; if it fails, the alert asks for it again.
  void startLists(queryClient).then(() =>
    setTimeout(() => import('../features/segments/provider-errors').catch(() => {}), 1000),
  )
  // Asked again until it loads: a link that drops just after a reload would otherwise leave an interrupted scan stopped
  // and the team's kept Braze answers unread for the page's life.
  const load = () =>
    void loadAgain(() => import('./after-restore')).then(({ afterRestore }) => afterRestore(queryClient))
  if (leftInStorage()) return load()
  void queryClient.fetchQuery(connectionStatusQuery()).then(
    ({ providers: { braze } }) => {
      if (braze.configured && braze.kept) load()
    },
    () => {},
  )
}

/** A details scan marked as under way (scan-marked.ts), or a verdict or note draft in this tab. */
function leftInStorage(): boolean {
  try {
    return localStorage.getItem(SCAN_MARKER_KEY) !== null || draftsInTab()
  } catch {
    return false
  }
}

/** Before the interface language has loaded: the header's frame, no words yet. */
function AppLoading() {
  return (
    <div className="app-header" aria-busy="true">
      <span className="skeleton app-loading" />
    </div>
  )
}

export function App({ client }: { client?: PersistedClient }) {
  const [{ queryClient, persistOptions }] = useState(() => client ?? createPersistedClient())
  const [restoring, setRestoring] = useState(true)
  // Once (React's strict mode runs an effect twice: the second finds it under way).
  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    void restoreThenKeepSaving(queryClient, persistOptions).then(() => {
      afterRestore(queryClient)
      setRestoring(false)
    })
  }, [queryClient, persistOptions])
  // Drawn with the kept cache: the picture of the page kept from the last visit may go (first-screen.ts).
  useLayoutEffect(() => {
    if (!restoring) keptCacheBack()
  }, [restoring])
  return (
    <QueryClientProvider client={queryClient}>
      {/* Queries wait while the cache is read back from IndexedDB, which starts while the translations still load. */}
      <IsRestoringProvider value={restoring}>
        <Suspense fallback={<AppLoading />}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </Suspense>
      </IsRestoringProvider>
    </QueryClientProvider>
  )
}
