// Whether a provider's last calls worked: the newest answer the app already has (its list), or one cheap check call.
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query'
import { brazeSegmentsPageSchema } from './braze/schemas'
import { brazeQueries } from './braze/queries'
import { fetchCommandersActSegments } from './commanders-act/client'
import { commandersActQueries } from './commanders-act/queries'
import type { ProviderId } from './provider-id'
import { requestProviderJson } from './request'

/**
 * Exactly one call, never retried: Braze's hourly budget is shared with the company's production, and a provider that
 * is down must not be asked again and again by a page that only wants to know whether it is.
 */
const ONE_CALL = { retry: { maxRetries: 0, maxRateLimitRetries: 0 } }

/** One read the proxy already allows: Braze's first list page (lists are never served from the server's keep). */
async function checkBraze(signal: AbortSignal): Promise<true> {
  await requestProviderJson('braze', '/api/braze/segments/list', { page: 0 }, brazeSegmentsPageSchema, {
    ...ONE_CALL,
    signal,
  })
  return true
}

/** Commanders Act's list is one call, the cheapest read it has. */
async function checkCommandersAct(signal: AbortSignal): Promise<true> {
  await fetchCommandersActSegments({ ...ONE_CALL, signal })
  return true
}

const providerCheckQuery = (provider: ProviderId) =>
  queryOptions({
    // Outside the persisted roots: a check says how a provider answers now, not how it answered yesterday.
    queryKey: ['provider-check', provider],
    queryFn: ({ signal }) => (provider === 'braze' ? checkBraze(signal) : checkCommandersAct(signal)),
    retry: false,
  })

type ProviderHealth =
  | { state: 'working'; at: number; checking: boolean }
  | { state: 'failing'; at: number; error: Error; checking: boolean }
  /** No answer yet: the list's first call, or the check, is on its way. */
  | { state: 'checking'; checking: true }

type Outcome = { state: 'working'; at: number } | { state: 'failing'; at: number; error: Error }

/** The newest answer a query had: its data or its error, whichever came last. */
function outcomeOf(result: UseQueryResult): Outcome | undefined {
  const failed: Outcome | undefined =
    result.error && result.errorUpdatedAt > 0
      ? { state: 'failing', at: result.errorUpdatedAt, error: result.error }
      : undefined
  const worked: Outcome | undefined =
    result.dataUpdatedAt > 0 ? { state: 'working', at: result.dataUpdatedAt } : undefined
  if (!failed || !worked) return failed ?? worked
  return failed.at >= worked.at ? failed : worked
}

/**
 * A provider's health from what the app knows: its list's last answer (every page loads the lists) or the last check,
 * the newer winning. The check runs by itself only when the list has neither answered nor is on its way; `check` asks
 * once more, one call.
 */
export function useProviderHealth(provider: ProviderId): { health: ProviderHealth; check: () => void } {
  // Watched, never started here: listing Braze takes many calls, where a check takes one. Both lists are watched, so
  // each keeps its own query's type.
  const lists = {
    braze: useQuery({ ...brazeQueries.all(), enabled: false }),
    'commanders-act': useQuery({ ...commandersActQueries.all(), enabled: false }),
  }
  const list = lists[provider]
  const listOutcome = outcomeOf(list)
  const listBusy = list.fetchStatus === 'fetching'
  const checked = useQuery({ ...providerCheckQuery(provider), enabled: !listOutcome && !listBusy })
  const checkOutcome = outcomeOf(checked)
  const checking = checked.fetchStatus === 'fetching'
  const newest =
    listOutcome && checkOutcome
      ? checkOutcome.at >= listOutcome.at
        ? checkOutcome
        : listOutcome
      : (listOutcome ?? checkOutcome)
  // A check already on its way is not asked for twice.
  const check = () => void (checking ? undefined : checked.refetch())
  return { health: newest ? { ...newest, checking } : { state: 'checking', checking: true }, check }
}
