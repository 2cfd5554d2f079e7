// Braze details and size series kept in the audit database as they passed through: served while fresh, so a second
// reviewer's scan of a workspace already scanned costs Braze (almost) nothing. Lists are never kept: they must be now.
import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { SingleRoute, UpstreamRequest } from './allowlist.ts'
import type { ProxyTargets } from './config.ts'

/** Where kept answers live (the audit store); `maxAgeMs` 0 turns keeping off. */
export interface AnswerStore {
  cachedAnswer(key: string, maxAgeMs: number, now: Date): Promise<{ body: string; fetchedAt: string } | undefined>
  keepAnswer(key: string, body: string, now: Date): Promise<void>
  cacheSummary(maxAgeMs: number, now: Date): Promise<{ count: number }>
}

export interface AnswerCache {
  store: AnswerStore
  maxAgeMs: number
}

/**
 * The Braze workspace the server is pointed at, as kept answers are filed under: the demo, or the endpoint and API key
 * (a key is one workspace's) through a one-way hash, which says nothing of the key.
 */
export function workspaceOf(targets: ProxyTargets): string {
  const { braze } = targets
  if (targets.mode === 'demo') return 'demo'
  if (!braze.configured) return 'none'
  const { endpoint, apiKey } = braze.value
  return `braze-${createHash('sha256').update(`${endpoint}\n${apiKey}`).digest('hex').slice(0, 16)}`
}

/** Sent by the page's "Refresh from Braze": ask Braze again and keep the new answer. */
export const REFRESH_HEADER = 'x-segment-audit-refresh'

/**
 * The key of a cacheable call: its provider path and query without the credentials (Braze's key travels in a header,
 * so the query is the segment id and the series length, in a stable order); undefined for anything else.
 */
export function answerKey(route: SingleRoute, upstream: UpstreamRequest): string | undefined {
  if (
    route.provider !== 'braze' ||
    (route.permission !== 'segments.details' && route.permission !== 'segments.data_series')
  ) {
    return undefined
  }
  const params = [...upstream.url.searchParams].sort(([a], [b]) => a.localeCompare(b))
  return `braze ${upstream.url.pathname}?${new URLSearchParams(params).toString()}`
}

/**
 * A kept answer's key read back: its segment id, and a size series' days; undefined for any other key, a series that
 * ends on a given day (`ending_at`) included: the page's queries never ask for one.
 */
export function readAnswerKey(key: string): { id: string; days?: number } | undefined {
  const [provider, pathAndQuery = ''] = key.split(' ', 2)
  if (provider !== 'braze') return undefined
  const [pathname = '', query = ''] = pathAndQuery.split('?', 2)
  const params = new URLSearchParams(query)
  const id = params.get('segment_id')
  const names = [...params.keys()].join(' ')
  if (!id) return undefined
  // The endpoint's own path, whatever path the configured Braze endpoint starts with.
  if (pathname.endsWith('/segments/details')) return names === 'segment_id' ? { id } : undefined
  const days = Number(params.get('length'))
  const isSeries = pathname.endsWith('/segments/data_series') && names === 'length segment_id'
  return isSeries && Number.isInteger(days) && days > 0 ? { id, days } : undefined
}

export function wantsRefresh(req: IncomingMessage): boolean {
  return req.headers[REFRESH_HEADER] === '1'
}
