// The Braze details and size series already in the query cache, by segment id: what the list, the findings and the
// audit page know without asking Braze again. They fill in as the detail views and the details scan load them.
import {
  useQueryClient,
  type Query,
  type QueryCacheNotifyEvent,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query'
import { useCallback, useSyncExternalStore } from 'react'
import { brazeKeys, brazeSegmentOf } from './queries'
import type { BrazeSegmentDetails, BrazeSizePoint } from './schemas'

/** The size series the detail view charts, the scan fetches and the "size 0" finding reads. */
export const SIZE_SERIES_DAYS = 30

type CachedKind = 'details' | 'sizes'

interface CachedData {
  details: BrazeSegmentDetails
  sizes: readonly BrazeSizePoint[]
}

/** A segment's details, or the series the findings read (of SIZE_SERIES_DAYS days); anything else is not kept here. */
function cachedEntry(key: QueryKey): { kind: CachedKind; id: string } | undefined {
  const segment = brazeSegmentOf(key)
  if (segment?.days === undefined) return segment && { kind: 'details', id: segment.id }
  return segment.days === SIZE_SERIES_DAYS ? { kind: 'sizes', id: segment.id } : undefined
}

type Snapshots = { [K in CachedKind]: ReadonlyMap<string, CachedData[K]> }

const EMPTY = new Map<string, never>()

function read<K extends CachedKind>(client: QueryClient, kind: K): ReadonlyMap<string, CachedData[K]> {
  const found = new Map<string, CachedData[K]>()
  const queries = client.getQueryCache().findAll({ queryKey: brazeKeys.segments() }) as Query<CachedData[K]>[]
  for (const query of queries) {
    const data = query.state.data
    const entry = cachedEntry(query.queryKey)
    if (data !== undefined && entry?.kind === kind) found.set(entry.id, data)
  }
  return found.size === 0 ? EMPTY : found
}

/** A fetch starting or failing changes no data: the same map is kept so nothing downstream recomputes. */
function changesData(event: QueryCacheNotifyEvent): boolean {
  if (event.type === 'removed') return true
  if (event.type === 'added') return event.query.state.data !== undefined
  return event.type === 'updated' && (event.action.type === 'success' || event.action.type === 'setState')
}

interface Watch {
  snapshots: Snapshots
  /** The kinds changed since their map was last read. */
  stale: Set<CachedKind>
  listeners: Set<() => void>
}

const watches = new WeakMap<QueryClient, Watch>()

/**
 * Listeners hear of a change at once, then of the next ones at most every quarter of a second: a details scan brings
 * ~20 answers a second, and each hearing reads every segment's data again and works out the findings and the rows anew.
 */
const HEARD_EVERY_MS = 250

/**
 * One client's maps, followed from its first read on whoever is listening: a change made while no page listened (the
 * cache restored between a page's first render and its subscription, or while another page was open) is never missed.
 * A map is read again when next asked for, and listeners hear once per burst (thousands of queries restored at once,
 * or a scan's answers).
 */
function watchOf(client: QueryClient): Watch {
  const known = watches.get(client)
  if (known) return known
  const watch: Watch = {
    snapshots: { details: read(client, 'details'), sizes: read(client, 'sizes') },
    stale: new Set(),
    listeners: new Set(),
  }
  let told = false
  let heard = 0
  client.getQueryCache().subscribe((event) => {
    const kind = cachedEntry(event.query.queryKey)?.kind
    if (!kind || !changesData(event)) return
    watch.stale.add(kind)
    if (told) return
    told = true
    const tell = () => {
      told = false
      heard = Date.now()
      watch.listeners.forEach((listener) => listener())
    }
    const wait = heard + HEARD_EVERY_MS - Date.now()
    if (wait > 0) setTimeout(tell, wait)
    else queueMicrotask(tell)
  })
  watches.set(client, watch)
  return watch
}

function useCached<K extends CachedKind>(kind: K): Snapshots[K] {
  const client = useQueryClient()
  const subscribe = useCallback(
    (onChange: () => void) => {
      const { listeners } = watchOf(client)
      listeners.add(onChange)
      return () => {
        listeners.delete(onChange)
      }
    },
    [client],
  )
  const getSnapshot = useCallback(() => {
    const watch = watchOf(client)
    if (watch.stale.delete(kind)) watch.snapshots = { ...watch.snapshots, [kind]: read(client, kind) }
    return watch.snapshots[kind]
  }, [client, kind])
  return useSyncExternalStore(subscribe, getSnapshot)
}

export function useCachedBrazeDetails(): ReadonlyMap<string, BrazeSegmentDetails> {
  return useCached('details')
}

/** The 30-day size series, for the segments whose series has been loaded. */
export function useCachedBrazeSizes(): ReadonlyMap<string, readonly BrazeSizePoint[]> {
  return useCached('sizes')
}
