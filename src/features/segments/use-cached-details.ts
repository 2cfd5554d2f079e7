// The Braze details already in the query cache, by segment id: dates and description fill in as details load.
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useSyncExternalStore } from 'react'
import type { BrazeSegmentDetails } from '../../providers/braze/schemas'

const EMPTY = new Map<string, BrazeSegmentDetails>()
const snapshots = new WeakMap<QueryClient, Map<string, BrazeSegmentDetails>>()

function isDetailsKey(key: readonly unknown[]): boolean {
  return key.length === 3 && key[0] === 'segment' && key[1] === 'braze'
}

function readDetails(client: QueryClient): Map<string, BrazeSegmentDetails> {
  const details = new Map<string, BrazeSegmentDetails>()
  for (const query of client.getQueryCache().findAll({ queryKey: ['segment', 'braze'] })) {
    const data = query.state.data as BrazeSegmentDetails | undefined
    if (isDetailsKey(query.queryKey) && data) details.set(data.id, data)
  }
  return details.size === 0 ? EMPTY : details
}

export function useCachedBrazeDetails(): ReadonlyMap<string, BrazeSegmentDetails> {
  const client = useQueryClient()
  const subscribe = useCallback(
    (onChange: () => void) =>
      client.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' && event.type !== 'removed') return
        if (!isDetailsKey(event.query.queryKey)) return
        snapshots.set(client, readDetails(client))
        onChange()
      }),
    [client],
  )
  const getSnapshot = useCallback(() => {
    let snapshot = snapshots.get(client)
    if (!snapshot) {
      snapshot = readDetails(client)
      snapshots.set(client, snapshot)
    }
    return snapshot
  }, [client])
  return useSyncExternalStore(subscribe, getSnapshot)
}
