// The query cache kept in IndexedDB: reopening the app shows the last lists and details at once (then revalidates
// them), and what the details scan fetched survives a reload. Only whole, successful provider data is kept.
import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister'
import type { Query, QueryClient } from '@tanstack/react-query'
import { persistQueryClientRestore, persistQueryClientSave } from '@tanstack/react-query-persist-client'
import type {
  AsyncStorage,
  PersistedClient,
  Persister,
  PersistQueryClientOptions,
} from '@tanstack/react-query-persist-client'
import { createStore, del, get, set, type UseStore } from 'idb-keyval'
import { CACHE_BUSTER, CACHE_MAX_AGE_MS } from '../providers/cache-policy'
import { connectionIdentity, connectionStatusQuery } from '../providers/connection-status'
import { keepRefusal, REFUSED_PERMISSIONS_KEY } from '../providers/refused-permissions'
import { forgetFirstScreen } from './first-screen'

/** Its own database: idb-keyval cannot add a store to the verdicts' database without a version upgrade. */
const CACHE_DATABASE = 'segment-audit-query-cache'
const CACHE_STORE = 'queries'
const CACHE_KEY = 'query-client'

/**
 * Provider data only: the lists (['segments', …]), each segment's details and size (['segment', …]), and the
 * permissions a provider refused (src/providers/refused-permissions.ts). Not the server's /api/status
 * (['connection-status']): it is read fresh at each start to pick the cache, and a restored copy would keep saying
 * "Demo data" after the server restarts with credentials (its staleTime is Infinity). Not a visitor lookup either: a
 * visitor's segments have no business outliving the visit.
 */
const PERSISTED_ROOTS = new Set<unknown>(['segments', 'segment', ...REFUSED_PERMISSIONS_KEY])

/**
 * Whether a query goes into the persisted cache: successful provider data, as its last fetch left it. A streamed
 * list (Braze) is "success" from its first page on: while it streams in for the first time its rows are partial and
 * never persisted; while a refresh streams in, it still holds the whole previous list, which is.
 */
function shouldPersistQuery(query: Query, settled: WeakSet<object>): boolean {
  const { status, fetchStatus, data } = query.state
  if (status !== 'success' || !PERSISTED_ROOTS.has(query.queryKey[0])) return false
  return fetchStatus === 'idle' || (typeof data === 'object' && data !== null && settled.has(data))
}

/** Data a query held while idle after success: whole, whether fetched, set or restored. */
function trackSettledData(queryClient: QueryClient): WeakSet<object> {
  const settled = new WeakSet<object>()
  queryClient.getQueryCache().subscribe(({ query }) => {
    const { status, fetchStatus, data } = query.state
    if (status === 'success' && fetchStatus === 'idle' && typeof data === 'object' && data !== null) settled.add(data)
  })
  return settled
}

interface StoredCache {
  connection: string
  client: string
}

function isStoredCache(value: unknown): value is StoredCache {
  return (
    typeof value === 'object' &&
    value !== null &&
    'connection' in value &&
    typeof value.connection === 'string' &&
    'client' in value &&
    typeof value.client === 'string'
  )
}

/**
 * Whether a cache is kept, in localStorage: read at once at start, where on a first visit IndexedDB answers that it
 * holds nothing only between the app's first long tasks (~100 ms later): time the lists would otherwise wait for.
 */
interface KeptMark {
  read: () => boolean
  write: (kept: boolean) => void
}

function keptMark(databaseName: string): KeptMark {
  const key = `segment-audit:cache-kept:${databaseName}`
  return {
    read: () => {
      try {
        return localStorage.getItem(key) !== null
      } catch {
        // No localStorage (disabled): IndexedDB is read as before.
        return true
      }
    },
    write: (kept) => {
      try {
        if (kept) localStorage.setItem(key, '1')
        else localStorage.removeItem(key)
      } catch {
        // Without localStorage, `read` says a cache may be kept, and IndexedDB is read every time.
      }
    },
  }
}

/** IndexedDB holding the cache with the connection it came from; under another connection it reads as empty. */
function connectionBoundStorage(
  idb: UseStore,
  connection: () => Promise<string | undefined>,
  onNothingStored: () => void,
  mark: KeptMark,
  onWritten: (written: boolean) => void,
): AsyncStorage<string> {
  return {
    getItem: async (key) => {
      // No mark, nothing kept by this version of the app: the lists have already started (cachePersistOptions), and
      // restoring an older list under them would mix the two. IndexedDB is not even opened.
      if (!mark.read()) return null
      const pending = connection()
      const stored = await get<unknown>(key, idb)
      if (!isStoredCache(stored)) {
        // Nothing kept (a first visit): the lists may start at once, without waiting for the server's configuration.
        onNothingStored()
        return null
      }
      const current = await pending
      if (current === undefined || stored.connection !== current) {
        // Kept under another connection (demo data, then real credentials): neither its data nor its picture stands.
        forgetFirstScreen()
        return null
      }
      return stored.client
    },
    setItem: async (key, client) => {
      const current = await connection()
      // Without knowing the server's configuration, a saved cache could later be restored under the wrong one. An
      // empty client is the same as the one written last: nothing to write.
      if (current === undefined || !client) return
      await set(key, { connection: current, client } satisfies StoredCache, idb)
      mark.write(true)
      onWritten(true)
    },
    removeItem: async (key) => {
      onWritten(false)
      mark.write(false)
      await del(key, idb)
    },
  }
}

/**
 * A persister whose first restore starts now (main.tsx creates it before the first render): reading
 * IndexedDB and asking the server's configuration happen while the interface language loads and the page
 * renders. `restoreThenKeepSaving`, once the app is mounted, gets the result. A save or removal before
 * that first restore makes it read afresh.
 */
function restoringEarly(persister: Persister): Persister {
  let early: ReturnType<Persister['restoreClient']> | undefined = persister.restoreClient()
  // Failures surface when the provider restores; this promise is only a head start.
  void Promise.resolve(early).catch(() => {})
  return {
    restoreClient: () => {
      const restored = early ?? persister.restoreClient()
      early = undefined
      return restored
    },
    persistClient: (client) => {
      early = undefined
      return persister.persistClient(client)
    },
    removeClient: () => {
      early = undefined
      return persister.removeClient()
    },
  }
}

/**
 * The server's configuration, asked once it is known; undefined when the server cannot say. A failed or cancelled
 * ask is not kept: the next save asks again, or nothing would ever be saved in this visit.
 */
function connectionOf(queryClient: QueryClient): () => Promise<string | undefined> {
  let identity: Promise<string | undefined> | undefined
  return () => {
    identity ??= queryClient.fetchQuery(connectionStatusQuery()).then(connectionIdentity, () => {
      identity = undefined
      return undefined
    })
    return identity
  }
}

export type CachePersistOptions = Omit<PersistQueryClientOptions, 'queryClient'>

export interface CachePersistExtras {
  databaseName?: string
  /** Called as soon as IndexedDB turns out to hold no cache (a first visit): nothing will be restored. */
  onNothingStored?: () => void
}

/**
 * What `restoreThenKeepSaving` needs to restore `queryClient` from IndexedDB and keep saving it there. Restoring
 * starts now: create these options as early as possible.
 */
export function cachePersistOptions(
  queryClient: QueryClient,
  { databaseName = CACHE_DATABASE, onNothingStored = () => {} }: CachePersistExtras = {},
): CachePersistOptions {
  const settled = trackSettledData(queryClient)
  const connection = connectionOf(queryClient)
  // Asked at once: a stored cache cannot be restored before the server says which configuration it runs.
  void connection()
  const mark = keptMark(databaseName)
  // Nothing kept (a first visit): the lists start now, as the client is made, not once IndexedDB has said so.
  if (!mark.read()) onNothingStored()
  // Any event of a kept query saves (a fetch starting, a page watching one): a save whose kept queries, and when each
  // got its data, are those last written or restored serialises and writes nothing, instead of every list again.
  let kept = ''
  let saving = ''
  const storage = connectionBoundStorage(
    createStore(databaseName, CACHE_STORE),
    connection,
    onNothingStored,
    mark,
    (written) => (kept = written ? saving : ''),
  )
  const summary = ({ clientState: { queries } }: PersistedClient) =>
    `${queries.length} ${queries.reduce((sum, query) => sum + query.state.dataUpdatedAt, 0)}`
  const serialize = (client: PersistedClient) => ((saving = summary(client)) === kept ? '' : JSON.stringify(client))
  const deserialize = (text: string) => {
    const client = JSON.parse(text) as PersistedClient
    kept = summary(client)
    return client
  }
  return {
    persister: restoringEarly(createAsyncStoragePersister({ storage, key: CACHE_KEY, serialize, deserialize })),
    maxAge: CACHE_MAX_AGE_MS,
    buster: CACHE_BUSTER,
    dehydrateOptions: { shouldDehydrateQuery: (query) => shouldPersistQuery(query, settled) },
  }
}

/**
 * Restores the kept cache, then saves it at most once a second while a query it keeps changes. (React Query's
 * provider saved at every event of the cache, and each save looked through every query: each audit poll, every 2 s,
 * and each call of a details scan, whose cost then grew with the square of the segments.) A refused permission, met on
 * whatever page, is kept as it comes.
 */
export async function restoreThenKeepSaving(queryClient: QueryClient, options: CachePersistOptions): Promise<void> {
  await persistQueryClientRestore({ ...options, queryClient }).catch(() => {})
  let due: ReturnType<typeof setTimeout> | undefined
  queryClient.getQueryCache().subscribe((event) => {
    const { query } = event
    if (event.type === 'updated' && event.action.type === 'error')
      keepRefusal(queryClient, event.action.error, query.state.errorUpdatedAt)
    if (due || !PERSISTED_ROOTS.has(query.queryKey[0])) return
    due = setTimeout(() => {
      due = undefined
      void persistQueryClientSave({ ...options, queryClient })
    }, 1000)
  })
}
