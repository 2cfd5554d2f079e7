// Both providers' lists, one query each, merged: one failing leaves the other usable. Used by every page needing them.
import { useQueries, type UseQueryResult } from '@tanstack/react-query'
import { brazeQueries } from './braze/queries'
import { commandersActQueries } from './commanders-act/queries'
import { connectionStatusQuery, type ConnectionStatus } from './connection-status'
import { isNotConfigured } from './provider-error'
import type { ProviderId } from './provider-id'
import type { Segment } from './segment'

export interface ProviderListState {
  provider: ProviderId
  /** Rows received so far (all of them once `loading` is false). */
  count: number
  /** Pages are still arriving, or a refresh is under way. */
  loading: boolean
  /** No row yet: the first page has not arrived. */
  pending: boolean
  error: Error | null
  /**
   * False when the server has no usable variables for it (its status says so, or the list's answer): no list will
   * come, and asking again cannot change that. Such a provider is neither loading nor counted.
   */
  configured: boolean
  updatedAt: number
  /** While the provider asked to wait (a 429): when loading resumes, epoch ms. */
  waitingUntil?: number
  refetch: () => void
}

export interface SegmentList {
  segments: readonly Segment[]
  providers: readonly [ProviderListState, ProviderListState]
}

const EMPTY: readonly Segment[] = []

function stateOf(
  provider: ProviderId,
  result: UseQueryResult<Segment[]>,
  status: ConnectionStatus | undefined,
): ProviderListState {
  const configured =
    status?.providers[provider === 'braze' ? 'braze' : 'commandersAct'].configured !== false &&
    !isNotConfigured(result.error)
  return {
    provider,
    count: result.data?.length ?? 0,
    loading: configured && result.fetchStatus === 'fetching',
    pending: result.isPending,
    error: result.error,
    configured,
    updatedAt: result.dataUpdatedAt,
    refetch: () => void result.refetch(),
  }
}

let lastInputs: readonly unknown[] = []
let lastSegments: readonly Segment[] = EMPTY

/** Keeps the merged array identical while neither list changed, so sorting is not redone on every render. */
function mergeSegments(braze: Segment[] | undefined, commandersAct: Segment[] | undefined): readonly Segment[] {
  if (lastInputs[0] === braze && lastInputs[1] === commandersAct) return lastSegments
  lastInputs = [braze, commandersAct]
  // Commanders Act first: TanStack Query compares a combined result with the previous one element by element, and
  // as the Braze list streams in, its new rows then only ever append — every earlier row stays at its index.
  lastSegments = [...(commandersAct ?? EMPTY), ...(braze ?? EMPTY)]
  return lastSegments
}

type ListResults = [
  UseQueryResult<Segment[]>,
  UseQueryResult<Segment[]>,
  UseQueryResult<number | null>,
  UseQueryResult<ConnectionStatus>,
]

function combine([braze, commandersAct, brazeWait, { data: status }]: ListResults): SegmentList {
  const brazeState = stateOf('braze', braze, status)
  return {
    segments: mergeSegments(braze.data, commandersAct.data),
    providers: [
      typeof brazeWait.data === 'number' && brazeState.loading
        ? { ...brazeState, waitingUntil: brazeWait.data }
        : brazeState,
      stateOf('commanders-act', commandersAct, status),
    ],
  }
}

export function useSegmentList(): SegmentList {
  return useQueries({
    queries: [brazeQueries.all(), commandersActQueries.all(), brazeQueries.listWait(), connectionStatusQuery()],
    combine,
  })
}
