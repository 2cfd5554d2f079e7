// Every listed segment of both providers by row key, for naming reviewed segments and snapshotting a session.
import { useQueries, type UseQueryResult } from '@tanstack/react-query'
import { brazeQueries } from '../../providers/braze/queries'
import { commandersActQueries } from '../../providers/commanders-act/queries'
import type { ProviderId } from '../../providers/provider-error'
import type { Segment } from '../../providers/segment'

export interface ListFailure {
  provider: ProviderId
  error: Error
  retry: () => void
}

export interface ListedSegments {
  byKey: ReadonlyMap<string, Segment>
  /** A list is still arriving: counts and snapshots would be partial. */
  loading: boolean
  /** Providers whose list is complete: a snapshot covers these. */
  completeProviders: readonly ProviderId[]
  failures: readonly ListFailure[]
}

const PROVIDERS: readonly ProviderId[] = ['braze', 'commanders-act']
let lastInputs: readonly unknown[] = []
let last: ListedSegments = { byKey: new Map(), loading: true, completeProviders: [], failures: [] }

function combine(results: UseQueryResult<Segment[]>[]): ListedSegments {
  const inputs = results.flatMap((result) => [result.data, result.fetchStatus, result.status, result.error])
  if (inputs.length === lastInputs.length && inputs.every((value, index) => value === lastInputs[index])) return last
  lastInputs = inputs
  const byKey = new Map<string, Segment>()
  for (const result of results) for (const segment of result.data ?? []) byKey.set(segment.key, segment)
  const idle = (result: UseQueryResult<Segment[]>) => result.fetchStatus === 'idle'
  last = {
    byKey,
    loading: results.some((result) => !idle(result)),
    completeProviders: PROVIDERS.filter((_, index) => {
      const result = results[index]
      return result !== undefined && result.isSuccess && idle(result)
    }),
    failures: results.flatMap((result, index) => {
      const provider = PROVIDERS[index]
      return result.error && idle(result) && provider ? [{ provider, error: result.error, retry: () => void result.refetch() }] : []
    }),
  }
  return last
}

export function useListedSegments(): ListedSegments {
  return useQueries({ queries: [brazeQueries.all(), commandersActQueries.all()], combine })
}
