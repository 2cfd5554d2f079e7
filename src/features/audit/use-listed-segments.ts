// Every listed segment of both providers by row key, for naming reviewed segments and snapshotting a session.
import { useQueries, type UseQueryResult } from '@tanstack/react-query'
import { brazeQueries } from '../../providers/braze/queries'
import { commandersActQueries } from '../../providers/commanders-act/queries'
import type { Segment } from '../../providers/segment'

export interface ListedSegments {
  byKey: ReadonlyMap<string, Segment>
  /** Both lists complete: a snapshot taken now is whole. */
  complete: boolean
}

let lastInputs: readonly unknown[] = []
let last: ListedSegments = { byKey: new Map(), complete: false }

function combine(results: UseQueryResult<Segment[]>[]): ListedSegments {
  const inputs = results.flatMap((result) => [result.data, result.fetchStatus, result.isSuccess])
  if (inputs.length === lastInputs.length && inputs.every((value, index) => value === lastInputs[index])) return last
  lastInputs = inputs
  const byKey = new Map<string, Segment>()
  for (const result of results) for (const segment of result.data ?? []) byKey.set(segment.key, segment)
  last = { byKey, complete: results.every((result) => result.isSuccess && result.fetchStatus === 'idle') }
  return last
}

export function useListedSegments(): ListedSegments {
  return useQueries({ queries: [brazeQueries.all(), commandersActQueries.all()], combine })
}
