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
import { brazeKeys } from './queries'
import type { BrazeSegmentDetails, BrazeSizePoint } from './schemas'

/** The size series the detail view charts, the scan fetches and the "size 0" finding reads. */
export const SIZE_SERIES_DAYS = 30

type CachedKind = 'details' | 'sizes'

interface CachedData {
  details: BrazeSegmentDetails
  sizes: readonly BrazeSizePoint[]
}

const sameKey = (a: QueryKey, b: QueryKey) => a.length === b.length && a.every((part, index) => part === b[index])

/** A segment's details, or the series the findings read (of SIZE_SERIES_DAYS days); anything else is not kept here. */
function cachedEntry(key: QueryKey): { kind: CachedKind; id: string } | undefined {
  // Where the id sits, from the factory: every segment's key starts with brazeKeys.segments().
  const id = key[brazeKeys.segments().length]
  if (typeof id !== 'string') return undefined
  if (sameKey(key, brazeKeys.details(id))) return { kind: 'details', id }
  if (sameKey(key, brazeKeys.dataSeries(id, SIZE_SERIES_DAYS))) return { kind: 'sizes', id }
  return undefined
}

type Snapshots = { [K in CachedKind]: ReadonlyMap<string, CachedData[K]> }

const EMPTY = new Map<string, never>()
const snapshots = new WeakMap<QueryClient, Snapshots>()

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

function snapshotsOf(client: QueryClient): Snapshots {
  let current = snapshots.get(client)
  if (!current) {
    current = { details: read(client, 'details'), sizes: read(client, 'sizes') }
    snapshots.set(client, current)
  }
  return current
}

/** A fetch starting or failing changes no data: the same map is kept so nothing downstream recomputes. */
function changesData(event: QueryCacheNotifyEvent): boolean {
  if (event.type === 'removed') return true
  if (event.type === 'added') return event.query.state.data !== undefined
  return event.type === 'updated' && (event.action.type === 'success' || event.action.type === 'setState')
}

function useCached<K extends CachedKind>(kind: K): Snapshots[K] {
  const client = useQueryClient()
  const subscribe = useCallback(
    (onChange: () => void) =>
      client.getQueryCache().subscribe((event) => {
        if (cachedEntry(event.query.queryKey)?.kind !== kind || !changesData(event)) return
        snapshots.set(client, { ...snapshotsOf(client), [kind]: read(client, kind) })
        onChange()
      }),
    [client, kind],
  )
  const getSnapshot = useCallback(() => snapshotsOf(client)[kind], [client, kind])
  return useSyncExternalStore(subscribe, getSnapshot)
}

export function useCachedBrazeDetails(): ReadonlyMap<string, BrazeSegmentDetails> {
  return useCached('details')
}

/** The 30-day size series, for the segments whose series has been loaded. */
export function useCachedBrazeSizes(): ReadonlyMap<string, readonly BrazeSizePoint[]> {
  return useCached('sizes')
}
