// Whether a provider's last calls worked: the answers the app already has (its list, Braze's details and size series,
// the details scan's included), the failures kept from before a reload (the details scan's stop, and each permission
// refused), or one cheap check call; and the wait Braze asked of the list, while nothing has answered yet.
import {
  queryOptions,
  useIsFetching,
  useQuery,
  useQueryClient,
  type QueryCache,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query'
import { useCallback, useSyncExternalStore } from 'react'
import { SIZE_SERIES_DAYS } from './braze/cached-queries'
import { brazeSegmentsPageSchema } from './braze/schemas'
import { brazeQueries, brazeSegmentOf } from './braze/queries'
import { fetchCommandersActSegments } from './commanders-act/client'
import { commandersActQueries } from './commanders-act/queries'
import { ProviderError } from './provider-error'
import type { ProviderId } from './provider-id'
import { REFUSED_PERMISSIONS_KEY, type RefusedPermissions } from './refused-permissions'
import { requestProviderJson } from './request'

/**
 * Exactly one call, never retried: Braze's hourly budget is shared with the company's production, and a provider that
 * is down must not be asked again and again by a page that only wants to know whether it is.
 */
const ONE_CALL = { retry: { maxRetries: 0, maxRateLimitRetries: 0 } }

/**
 * A list row's id, if it has one: all a check needs of a row. Read here, not with the list's own reader: this code
 * loads on demand, and importing that reader would make the list page's JavaScript export it, bytes it has no room for.
 */
const rowId = (row: unknown) =>
  typeof row === 'object' && row !== null && 'id' in row && typeof row.id === 'string' && row.id !== ''
    ? row.id
    : undefined

/**
 * One read the proxy already allows: Braze's first list page (lists are never served from the server's keep). It
 * answers with the page's first segment: one to ask a kept failure's details or size series of, if the list is not in.
 */
async function checkBraze(signal: AbortSignal): Promise<string | null> {
  const page = await requestProviderJson('braze', '/api/braze/segments/list', { page: 0 }, brazeSegmentsPageSchema, {
    ...ONE_CALL,
    signal,
  })
  return page.segments.map(rowId).find((id) => id !== undefined) ?? null
}

/** Commanders Act's list is one call, the cheapest read it has. */
async function checkCommandersAct(signal: AbortSignal): Promise<null> {
  await fetchCommandersActSegments({ ...ONE_CALL, signal })
  return null
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

/** Which kind of the provider's calls a query makes, from its key; undefined for a query that is none of them. */
function callOf(key: QueryKey, provider: ProviderId): HealthCall | undefined {
  if (LIST_KEYS[provider].some((listKey) => startsWith(key, listKey))) return 'list'
  const segment = provider === 'braze' ? brazeSegmentOf(key) : undefined
  if (!segment) return undefined
  return segment.days === undefined ? 'details' : 'series'
}

/** A segment Braze does not have (deleted since the list) is an answer, not a failed call. */
const isFailure = (error: Error) => !(error instanceof ProviderError && error.reason === 'not_found')

/** One kind of call whose last failure no later answer disproves. */
interface StandingFailure {
  call: HealthCall
  at: number
  error: Error
  /** The query a check asks again; none for a kept failure of a segment's call while no segment is known. */
  key?: QueryKey
  /** Kept from before a reload, not met by this page. */
  kept?: true
}

/** A failure this browser kept from before a reload (the details scan's stop), with when it happened. */
export interface KeptFailure {
  at: number
  error: Error
}

/** The permissions the provider refused, as the query cache keeps them (restored after a reload). */
function refusalsOf(queryClient: QueryClient, provider: ProviderId): KeptFailure[] {
  const kept = queryClient.getQueryData<RefusedPermissions>(REFUSED_PERMISSIONS_KEY) ?? {}
  return Object.entries(kept)
    .filter(([, refusal]) => refusal.provider === provider)
    .map(([permission, { status, at }]) => ({
      at,
      error: new ProviderError(provider, 'permission_denied', { permission, status }),
    }))
}

/**
 * The kind of call a kept failure stands for. A refused permission names its kind; any other failure that stopped a
 * scan (a wrong key or address, or the list itself failing) is the provider's as a whole, like the list's.
 */
function keptCallOf(error: Error): HealthCall {
  const permission = error instanceof ProviderError ? error.permission : undefined
  return permission === 'segments.details' ? 'details' : permission === 'segments.data_series' ? 'series' : 'list'
}

/**
 * The query a kept failure's check asks: the same kind of call of the first Braze segment the app knows, from the
 * list or the check's page.
 */
function keptKey(queryClient: QueryClient, call: HealthCall): QueryKey | undefined {
  if (call === 'list') return undefined
  const id =
    queryClient.getQueryData(listQuery.braze().queryKey)?.[0]?.id ??
    queryClient.getQueryData(providerCheckQuery('braze').queryKey)
  if (typeof id !== 'string') return undefined
  return call === 'details' ? brazeQueries.details(id).queryKey : brazeQueries.dataSeries(id, SIZE_SERIES_DAYS).queryKey
}

interface Calls {
  /** The newest good answer of any kind, 0 without one. */
  workedAt: number
  /** Newest first, one per kind of call. */
  failures: StandingFailure[]
}

/**
 * What the provider's queries say of its last calls, and the kept failures (the scan's, the refused permissions) unless
 * a newer one of their kind came since. A failure stands until a good answer comes after it, except a refused
 * permission: only a call needing that permission (the same kind) can show the key has it now.
 */
function callsOf(queryClient: QueryClient, provider: ProviderId, kept?: KeptFailure): Calls {
  const cache = queryClient.getQueryCache()
  const worked: Partial<Record<HealthCall, number>> = {}
  const failed: Partial<Record<HealthCall, StandingFailure>> = {}
  for (const query of cache.getAll()) {
    const call = callOf(query.queryKey, provider)
    if (!call) continue
    const { dataUpdatedAt, error, errorUpdatedAt } = query.state
    if (dataUpdatedAt > (worked[call] ?? 0)) worked[call] = dataUpdatedAt
    if (error && isFailure(error) && errorUpdatedAt > (failed[call]?.at ?? 0))
      failed[call] = { call, at: errorUpdatedAt, error, key: query.queryKey }
  }
  for (const failure of [...(kept ? [kept] : []), ...refusalsOf(queryClient, provider)]) {
    if (!isFailure(failure.error)) continue
    const call = keptCallOf(failure.error)
    if (failure.at > (failed[call]?.at ?? 0))
      failed[call] = { call, ...failure, key: keptKey(queryClient, call), kept: true }
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

/** Whether the query a failure's check asks is on its way. */
const asking = (cache: QueryCache, key: QueryKey | undefined) =>
  key !== undefined && cache.find({ queryKey: key, exact: true })?.state.fetchStatus === 'fetching'

/** What the card shows: the last success, and each standing failure's call, time and whether it is asked again. */
function signatureOf(cache: QueryCache, { workedAt, failures }: Calls): string {
  return [workedAt, ...failures.map(({ call, at, key }) => `${call} ${at} ${key} ${asking(cache, key)}`)].join(',')
}

/** A segment's failed details or size series asked again, once, of Braze itself rather than of the server's keep. */
function askAgain(queryClient: QueryClient, key: QueryKey) {
  const segment = brazeSegmentOf(key)
  if (!segment) return
  const once = { ...ONE_CALL, refresh: true }
  const asked =
    segment.days === undefined
      ? queryClient.fetchQuery({ ...brazeQueries.details(segment.id, once), staleTime: 0 })
      : queryClient.fetchQuery({ ...brazeQueries.dataSeries(segment.id, segment.days, once), staleTime: 0 })
  // The answer, good or not, is the query's state the card reads.
  asked.catch(() => undefined)
}

type ProviderHealth =
  | { state: 'working'; at: number }
  | { state: 'failing'; at: number; error: Error; call: HealthCall }
  /** No answer yet: the list's first call, or the check, is on its way. */
  | { state: 'checking' }
  /** Braze asked the list to wait (429) until then (epoch ms): the check is not run meanwhile. */
  | { state: 'waiting'; until: number }

/** A kind of call that failed last, and a way to ask it once more. */
export interface HealthFailure {
  call: HealthCall
  error: Error
  checking: boolean
  check: () => void
}

/**
 * A provider's health from what the app knows: its calls' last answers, the failure kept from before a reload, or the
 * last check. The check runs by itself only when nothing has answered since the page loaded and the list is not on its
 * way; each failure's `check` asks its kind of call once.
 */
export function useProviderHealth(
  provider: ProviderId,
  kept?: KeptFailure,
): { health: ProviderHealth; failures: HealthFailure[] } {
  const queryClient = useQueryClient()
  const cache = queryClient.getQueryCache()
  const subscribe = useCallback(
    (changed: () => void) =>
      cache.subscribe(({ query: { queryKey } }) => {
        // The refusals kept may come back from the persisted cache after the page's first render.
        if (callOf(queryKey, provider) || queryKey[0] === REFUSED_PERMISSIONS_KEY[0]) changed()
      }),
    [cache, provider],
  )
  // Heard as a short text, so that React compares values; the calls are read again below.
  useSyncExternalStore(subscribe, () => signatureOf(cache, callsOf(queryClient, provider, kept)))
  const { workedAt, failures } = callsOf(queryClient, provider, kept)
  // Watched, never started here: listing Braze takes many calls, where a check takes one.
  const listing = useIsFetching({ queryKey: listQuery[provider]().queryKey }) > 0
  // Never fetched: the Braze listing writes it while Braze asks it to wait.
  const listWait = useQuery({ ...brazeQueries.listWait(), enabled: false }).data
  const waitingUntil = provider === 'braze' && listing && typeof listWait === 'number' ? listWait : undefined
  // A kept failure says how the provider answered before the reload: how it answers now is still worth one call.
  const answered = workedAt > 0 || failures.some((failure) => !failure.kept)
  const checked = useQuery({ ...providerCheckQuery(provider), enabled: !answered && !listing })
  const checkingList = checked.fetchStatus === 'fetching'
  const newest = failures[0]
  // The list waiting says more than its pages that came before the wait: it is what the calls do now.
  const health: ProviderHealth = newest
    ? { state: 'failing', at: newest.at, error: newest.error, call: newest.call }
    : waitingUntil !== undefined
      ? { state: 'waiting', until: waitingUntil }
      : workedAt > 0
        ? { state: 'working', at: workedAt }
        : { state: 'checking' }
  return {
    health,
    failures: failures.map(({ call, error, key }) => {
      // With no segment known yet to ask of, the check's page comes first: it names one.
      const checking = call === 'list' || !key ? checkingList : asking(cache, key)
      return {
        call,
        error,
        checking,
        // A check already on its way is not asked for twice.
        check: () => {
          if (checking) return
          if (call === 'list' || !key) void checked.refetch()
          else askAgain(queryClient, key)
        },
      }
    }),
  }
}
