// A fake Braze REST API (the three segment endpoints) as a fetch-style handler, faithful to PROVIDERS.md including its quirks.
import type { DemoBrazeSegment } from './data.ts'
import { delay, jsonResponse, parseWholeNumber } from './fake-http.ts'
import { createRandom, hashString } from './random.ts'

export interface FakeBrazeOptions {
  segments: DemoBrazeSegment[]
  apiKey: string
  latencyMs?: number
  fail?: boolean
  now?: () => Date
}

type BrazeHandler = (request: Request) => Promise<Response>
interface Answer {
  status: number
  body: unknown
}
type Endpoint = (params: URLSearchParams) => Answer

const PAGE_SIZE = 100
const RATE_LIMIT = 250_000
const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000
const MAX_SERIES_LENGTH = 100

export function createFakeBraze(options: FakeBrazeOptions): BrazeHandler {
  const now = options.now ?? (() => new Date())
  const oldestFirst = sortByCreation(options.segments)
  const byId = new Map(options.segments.map((segment) => [segment.id, segment]))
  const countRequest = createRateLimitCounter(now)
  const endpoints = new Map<string, Endpoint>([
    ['/segments/list', (params) => listSegments(params, oldestFirst)],
    ['/segments/details', (params) => segmentDetails(params, byId)],
    ['/segments/data_series', (params) => dataSeries(params, byId, now)],
  ])

  return async (request) => {
    await delay(options.latencyMs ?? 0, request.signal)
    const rateLimitHeaders = countRequest()
    const answer = (status: number, body: unknown, extra: Record<string, string> = {}) =>
      jsonResponse(status, body, { ...rateLimitHeaders, ...extra })
    if (options.fail) return answer(500, { message: 'Internal Server Error' })
    const url = new URL(request.url)
    const endpoint = endpoints.get(url.pathname)
    if (!endpoint) return answer(404, { message: 'Not Found' })
    if (request.method !== 'GET') return answer(405, { message: 'Method Not Allowed' }, { Allow: 'GET' })
    // Exact match: a key in quotes or sent as `api_key` is refused, as by Braze. The key is never echoed.
    if (request.headers.get('authorization') !== `Bearer ${options.apiKey}`) {
      return answer(401, { message: 'Invalid API key: the key is missing, not valid, or for another instance' })
    }
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

/** The shared hourly budget of the segment endpoints, reported in headers; it refills at the top of each hour. */
function createRateLimitCounter(now: () => Date): () => Record<string, string> {
  let windowEnd = 0
  let remaining = RATE_LIMIT
  return () => {
    const nowMs = now().getTime()
    if (nowMs >= windowEnd) {
      windowEnd = (Math.floor(nowMs / HOUR_MS) + 1) * HOUR_MS
      remaining = RATE_LIMIT
    }
    // Counted, never enforced: a demo session stays far below the budget; 429 handling is tested by wrapping the handler.
    remaining = Math.max(0, remaining - 1)
    return {
      'X-RateLimit-Limit': String(RATE_LIMIT),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': String(windowEnd / 1000),
    }
  }
}

function listSegments(params: URLSearchParams, oldestFirst: readonly DemoBrazeSegment[]): Answer {
  const page = params.has('page') ? parseWholeNumber(params.get('page')) : 0
  if (page === null) return { status: 400, body: { message: 'Invalid page: expected an integer from 0' } }
  const direction = params.get('sort_direction') ?? 'asc'
  if (direction !== 'asc' && direction !== 'desc') {
    return { status: 400, body: { message: "Invalid sort_direction: expected 'asc' or 'desc'" } }
  }
  const ordered = direction === 'asc' ? oldestFirst : [...oldestFirst].reverse()
  const segments = ordered.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).map((segment) => ({
    id: segment.id,
    name: segment.name,
    analytics_tracking_enabled: segment.analyticsTrackingEnabled,
    // Old accounts omit the key entirely; nulls are passed through as Braze sends them.
    ...(segment.tags === undefined ? {} : { tags: segment.tags }),
  }))
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
      created_at: segment.createdAt,
      updated_at: segment.updatedAt,
      name: segment.name,
      description: segment.description,
      // Added later to the API: older workspaces omit the key.
      ...(segment.textDescription === undefined ? {} : { text_description: segment.textDescription }),
      tags: (segment.tags ?? []).filter((tag): tag is string => tag !== null),
      ...(segment.teams === undefined ? {} : { teams: segment.teams }),
    },
  }
}

function dataSeries(
  params: URLSearchParams,
  byId: ReadonlyMap<string, DemoBrazeSegment>,
  now: () => Date,
): Answer {
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
