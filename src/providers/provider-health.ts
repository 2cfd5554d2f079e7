// Whether a provider's last calls worked: the answers the app already has (its list, Braze's details and size series,
// the details scan's included), or one cheap check call.
import {
  queryOptions,
  useIsFetching,
  useQuery,
  useQueryClient,
  type Query,
  type QueryCache,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query'
import { useCallback, useSyncExternalStore } from 'react'
import { brazeSegmentsPageSchema } from './braze/schemas'
import { brazeQueries } from './braze/queries'
import { fetchCommandersActSegments } from './commanders-act/client'
import { commandersActQueries } from './commanders-act/queries'
import { ProviderError } from './provider-error'
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

const listQuery = { braze: brazeQueries.all, 'commanders-act': commandersActQueries.all }

/** The keys of the calls of a provider's list kind: its list, and the check, which reads the list's first page. */
const LIST_KEYS: Record<ProviderId, QueryKey[]> = {
  braze: [listQuery.braze().queryKey, providerCheckQuery('braze').queryKey],
  'commanders-act': [listQuery['commanders-act']().queryKey, providerCheckQuery('commanders-act').queryKey],
}

/** The kinds of call a provider's health is told by; each needs its own Braze key permission. */
type HealthCall = 'list' | 'details' | 'series'

const startsWith = (key: QueryKey, prefix: QueryKey) => prefix.every((part, index) => key[index] === part)

/** Where a Braze segment's keys start, from the factory: its details' key adds the id, its series' key more. */
const SEGMENT_KEY = brazeQueries.details('').queryKey.slice(0, -1)

/** Which kind of the provider's calls a query makes, from its key; undefined for a query that is none of them. */
function callOf(key: QueryKey, provider: ProviderId): HealthCall | undefined {
  if (LIST_KEYS[provider].some((listKey) => startsWith(key, listKey))) return 'list'
  if (provider !== 'braze' || !startsWith(key, SEGMENT_KEY)) return undefined
  return key.length > SEGMENT_KEY.length + 1 ? 'series' : 'details'
}

/** A segment Braze does not have (deleted since the list) is an answer, not a failed call. */
const isFailure = (error: Error) => !(error instanceof ProviderError && error.reason === 'not_found')

/** One kind of call whose last failure no later answer disproves. */
interface StandingFailure {
  call: HealthCall
  at: number
  error: Error
  query: Query
}

interface Calls {
  /** The newest good answer of any kind, 0 without one. */
  workedAt: number
  /** Newest first, one per kind of call. */
  failures: StandingFailure[]
}

/**
 * What the provider's queries say of its last calls. A failure stands until a good answer comes after it, except a
 * refused permission: only a call needing that permission (the same kind) can show the key has it now.
 */
function callsOf(cache: QueryCache, provider: ProviderId): Calls {
  const worked: Partial<Record<HealthCall, number>> = {}
  const failed: Partial<Record<HealthCall, StandingFailure>> = {}
  for (const query of cache.getAll()) {
    const call = callOf(query.queryKey, provider)
    if (!call) continue
    const { dataUpdatedAt, error, errorUpdatedAt } = query.state
    if (dataUpdatedAt > (worked[call] ?? 0)) worked[call] = dataUpdatedAt
    if (error && isFailure(error) && errorUpdatedAt > (failed[call]?.at ?? 0))
      failed[call] = { call, at: errorUpdatedAt, error, query }
  }
  const workedAt = Math.max(0, ...Object.values(worked))
  const failures = Object.values(failed)
    .filter(({ call, at, error }) => {
      const refused = error instanceof ProviderError && error.reason === 'permission_denied'
      return at >= (refused ? (worked[call] ?? 0) : workedAt)
    })
    .sort((a, b) => b.at - a.at)
  return { workedAt, failures }
}

/** What the card shows: the last success, and each standing failure's call, time and whether it is asked again. */
function signatureOf({ workedAt, failures }: Calls): string {
  return [workedAt, ...failures.map(({ call, at, query }) => `${call} ${at} ${query.state.fetchStatus}`)].join(',')
}

/** A segment's failed details or size series asked again, once, of Braze itself rather than of the server's keep. */
function askAgain(queryClient: QueryClient, key: QueryKey, call: 'details' | 'series') {
  const id = String(key[SEGMENT_KEY.length])
  const once = { ...ONE_CALL, refresh: true }
  const asked =
    call === 'details'
      ? queryClient.fetchQuery({ ...brazeQueries.details(id, once), staleTime: 0 })
      : queryClient.fetchQuery({ ...brazeQueries.dataSeries(id, Number(key.at(-1)), once), staleTime: 0 })
  // The answer, good or not, is the query's state the card reads.
  asked.catch(() => undefined)
}

type ProviderHealth =
  | { state: 'working'; at: number }
  | { state: 'failing'; at: number; error: Error; call: HealthCall }
  /** No answer yet: the list's first call, or the check, is on its way. */
  | { state: 'checking' }

/** A kind of call that failed last, and a way to ask it once more. */
export interface HealthFailure {
  call: HealthCall
  error: Error
  checking: boolean
  check: () => void
}

/**
 * A provider's health from what the app knows: its calls' last answers, or the last check. The check runs by itself
 * only when nothing has answered and the list is not on its way; each failure's `check` asks its kind of call once.
 */
export function useProviderHealth(provider: ProviderId): { health: ProviderHealth; failures: HealthFailure[] } {
  const queryClient = useQueryClient()
  const cache = queryClient.getQueryCache()
  const subscribe = useCallback(
    (changed: () => void) =>
      cache.subscribe(({ query }) => void (callOf(query.queryKey, provider) ? changed() : undefined)),
    [cache, provider],
  )
  // Heard as a short text, so that React compares values; the calls are read again below.
  useSyncExternalStore(subscribe, () => signatureOf(callsOf(cache, provider)))
  const { workedAt, failures } = callsOf(cache, provider)
  // Watched, never started here: listing Braze takes many calls, where a check takes one.
  const listing = useIsFetching({ queryKey: listQuery[provider]().queryKey }) > 0
  const answered = workedAt > 0 || failures.length > 0
  const checked = useQuery({ ...providerCheckQuery(provider), enabled: !answered && !listing })
  const checkingList = checked.fetchStatus === 'fetching'
  const newest = failures[0]
  const health: ProviderHealth = newest
    ? { state: 'failing', at: newest.at, error: newest.error, call: newest.call }
    : workedAt > 0
      ? { state: 'working', at: workedAt }
      : { state: 'checking' }
  return {
    health,
    failures: failures.map(({ call, error, query }) => {
      const checking = call === 'list' ? checkingList : query.state.fetchStatus === 'fetching'
      return {
        call,
        error,
        checking,
        // A check already on its way is not asked for twice.
        check: () => {
          if (checking) return
          if (call === 'list') void checked.refetch()
          else askAgain(queryClient, query.queryKey, call)
        },
      }
    }),
  }
}
