// The Braze details and size series already in the query cache, by segment id: what the list, the findings and the
// audit page know without asking Braze again. They fill in as the detail views and the details scan load them.
import { useQueryClient, type Query, type QueryCacheNotifyEvent, type QueryClient } from '@tanstack/react-query'
import { useCallback, useSyncExternalStore } from 'react'
import type { BrazeSegmentDetails, BrazeSizePoint } from './schemas'

/** The size series the detail view charts, the scan fetches and the "size 0" finding reads. */
export const SIZE_SERIES_DAYS = 30

type CachedKind = 'details' | 'sizes'

interface CachedData {
  details: BrazeSegmentDetails
  sizes: readonly BrazeSizePoint[]
}

/** ['segment', 'braze', id] holds details; ['segment', 'braze', id, 'data_series', 30] the series the findings read. */
function kindOf(key: readonly unknown[]): CachedKind | undefined {
  if (key[0] !== 'segment' || key[1] !== 'braze' || typeof key[2] !== 'string') return undefined
  if (key.length === 3) return 'details'
  if (key.length === 5 && key[3] === 'data_series' && key[4] === SIZE_SERIES_DAYS) return 'sizes'
  return undefined
}

type Snapshots = { [K in CachedKind]: ReadonlyMap<string, CachedData[K]> }

const EMPTY = new Map<string, never>()
const snapshots = new WeakMap<QueryClient, Snapshots>()

function read<K extends CachedKind>(client: QueryClient, kind: K): ReadonlyMap<string, CachedData[K]> {
  const found = new Map<string, CachedData[K]>()
  for (const query of client.getQueryCache().findAll({ queryKey: ['segment', 'braze'] }) as Query<CachedData[K]>[]) {
    const data = query.state.data
    if (data !== undefined && kindOf(query.queryKey) === kind) found.set(query.queryKey[2] as string, data)
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
        if (kindOf(event.query.queryKey) !== kind || !changesData(event)) return
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
