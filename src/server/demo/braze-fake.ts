// A fake Braze REST API (the three segment endpoints) as a fetch-style handler: answers as documented, quirks included.
import { burstLimitHeaders, createBrazeBudget } from './braze-budget.ts'
import { detailDate, listRow } from './braze-quirks.ts'
import type { DemoBrazeSegment } from './data.ts'
import { delay, jitter, jsonResponse, parseWholeNumber } from './fake-http.ts'
import { createRandom, hashString } from './random.ts'

/** `true`: every call answers 500; `rate-limit`: every Nth call 429; `permission`: 403 on details and series. */
export type FakeBrazeFailure = boolean | 'rate-limit' | 'permission'

export interface FakeBrazeOptions {
  segments: DemoBrazeSegment[]
  apiKey: string
  /** The mean; each answer waits ±25 % around it. */
  latencyMs?: number
  fail?: FakeBrazeFailure
  /** With `fail: 'rate-limit'`, the period of the 429s (default 5). */
  failEvery?: number
  /** Calls per window (default 250,000) and the window (default an hour). */
  rateLimit?: number
  rateWindowSeconds?: number
  now?: () => Date
}

type BrazeHandler = (request: Request) => Promise<Response>
interface Answer {
  status: number
  body: unknown
}
type Endpoint = (params: URLSearchParams) => Answer

const PAGE_SIZE = 100
const DEFAULT_RATE_LIMIT = 250_000
const DEFAULT_RATE_WINDOW_SECONDS = 3600
const DEFAULT_FAIL_EVERY = 5
const DAY_MS = 86_400_000
const MAX_SERIES_LENGTH = 100
const PERMISSION_ENDPOINTS = new Set(['/segments/details', '/segments/data_series'])

export function createFakeBraze(options: FakeBrazeOptions): BrazeHandler {
  const now = options.now ?? (() => new Date())
  const oldestFirst = sortByCreation(options.segments)
  const byId = new Map(options.segments.map((segment) => [segment.id, segment]))
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT
  const spend = createBrazeBudget({
    limit: rateLimit,
    windowSeconds: options.rateWindowSeconds ?? DEFAULT_RATE_WINDOW_SECONDS,
    now,
  })
  const failEvery = options.failEvery ?? DEFAULT_FAIL_EVERY
  let calls = 0
  const endpoints = new Map<string, Endpoint>([
    ['/segments/list', (params) => listSegments(params, oldestFirst)],
    ['/segments/details', (params) => segmentDetails(params, byId)],
    ['/segments/data_series', (params) => dataSeries(params, byId, now)],
  ])

  return async (request) => {
    await delay(jitter(options.latencyMs ?? 0), request.signal)
    calls += 1
    if (options.fail === 'rate-limit' && calls % failEvery === 0) {
      return jsonResponse(429, { message: 'Rate Limited' }, burstLimitHeaders(rateLimit, now()))
    }
    const budget = spend()
    const answer = (status: number, body: unknown, extra: Record<string, string> = {}) =>
      jsonResponse(status, body, { ...budget.headers, ...extra })
    // Like Braze: no Retry-After, the client reads X-RateLimit-Reset.
    if (budget.spent) return answer(429, { message: 'Rate Limited' })
    if (options.fail === true) return answer(500, { message: 'Internal Server Error' })
    const url = new URL(request.url)
    const endpoint = endpoints.get(url.pathname)
    if (!endpoint) return answer(404, { message: 'Not Found' })
    if (request.method !== 'GET') return answer(405, { message: 'Method Not Allowed' }, { Allow: 'GET' })
    // Exact match: a key in quotes or sent as `api_key` is refused, as by Braze. The key is never echoed.
    if (request.headers.get('authorization') !== `Bearer ${options.apiKey}`) {
      return answer(401, { message: 'Invalid API key: the key is missing, not valid, or for another instance' })
    }
    // A key created without segments.details / segments.data_series.
    if (options.fail === 'permission' && PERMISSION_ENDPOINTS.has(url.pathname))
      return answer(403, { message: 'Access Denied' })
    const { status, body } = endpoint(url.searchParams)
    return answer(status, body)
  }
}

/** Braze lists by creation time; sorting here keeps hand-built test arrays honest too (stable for equal times). */
function sortByCreation(segments: readonly DemoBrazeSegment[]): DemoBrazeSegment[] {
  return segments
    .map((segment, index) => ({ segment, index, time: Date.parse(segment.createdAt) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ segment }) => segment)
}

function listSegments(params: URLSearchParams, oldestFirst: readonly DemoBrazeSegment[]): Answer {
  const page = params.has('page') ? parseWholeNumber(params.get('page')) : 0
  if (page === null) return { status: 400, body: { message: 'Invalid page: expected an integer from 0' } }
  const direction = params.get('sort_direction') ?? 'asc'
  if (direction !== 'asc' && direction !== 'desc') {
    return { status: 400, body: { message: "Invalid sort_direction: expected 'asc' or 'desc'" } }
  }
  const ordered = direction === 'asc' ? oldestFirst : [...oldestFirst].reverse()
  const segments = ordered.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).map(listRow)
  // `message` last on purpose: real answers vary the key order and clients must not depend on it.
  return { status: 200, body: { segments, message: 'success' } }
}

function segmentDetails(params: URLSearchParams, byId: ReadonlyMap<string, DemoBrazeSegment>): Answer {
  const segment = byId.get(params.get('segment_id') ?? '')
  // Braze answers an unknown id with 400, not 404.
  if (!segment) return { status: 400, body: { message: 'Invalid segment_id' } }
  return {
    status: 200,
    body: {
      message: 'success',
      created_at: detailDate(segment.createdAt, segment.dateForm, 'created_at'),
      updated_at: detailDate(segment.updatedAt, segment.dateForm, 'updated_at'),
      name: segment.name,
      description: segment.description,
      // Added later to the API: older workspaces omit the key.
      ...(segment.textDescription === undefined ? {} : { text_description: segment.textDescription }),
      tags: (segment.tags ?? []).filter((tag): tag is string => tag !== null),
      ...(segment.teams === undefined ? {} : { teams: segment.teams }),
    },
  }
}

function dataSeries(params: URLSearchParams, byId: ReadonlyMap<string, DemoBrazeSegment>, now: () => Date): Answer {
  const segment = byId.get(params.get('segment_id') ?? '')
  if (!segment) return { status: 400, body: { message: 'Invalid segment_id' } }
  const length = parseWholeNumber(params.get('length'))
  if (length === null || length < 1 || length > MAX_SERIES_LENGTH) {
    return { status: 400, body: { message: `length must be an integer from 1 to ${MAX_SERIES_LENGTH}` } }
  }
  const endingAt = params.has('ending_at') ? Date.parse(params.get('ending_at') ?? '') : now().getTime()
  if (Number.isNaN(endingAt)) return { status: 400, body: { message: 'Invalid ending_at: expected an ISO 8601 date' } }
  // Without analytics tracking Braze keeps no history.
  if (!segment.analyticsTrackingEnabled) return { status: 200, body: { message: 'success', data: [] } }
  const lastDay = Math.floor(endingAt / DAY_MS)
  const data = Array.from({ length }, (_, index) => {
    const day = lastDay - (length - 1) + index
    return { time: new Date(day * DAY_MS).toISOString().slice(0, 10), size: sizeOnDay(segment, day) }
  })
  return { status: 200, body: { message: 'success', data } }
}

/** A function of (segment, day) only, so overlapping requests agree: weekly rhythm, slow drift, a little noise. */
function sizeOnDay(segment: DemoBrazeSegment, day: number): number {
  if (segment.baseSize === 0) return 0
  const seed = hashString(segment.id)
  const phase = (seed % 6283) / 1000
  const weekly = 0.03 * Math.sin((day * 2 * Math.PI) / 7 + phase)
  const drift = 0.08 * Math.sin(day / 45 + phase)
  const noise = (createRandom(seed ^ day)() - 0.5) * 0.02
  return Math.max(0, Math.round(segment.baseSize * (1 + weekly + drift + noise)))
}
