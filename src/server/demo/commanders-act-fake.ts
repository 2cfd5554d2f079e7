// A fake Commanders Act DMS segmentation API (list + JSONP visitor segments) as a fetch-style
// handler, as Commanders Act documents it.
import type { DemoCommandersActSegment } from './data.ts'
import { delay, jitter, jsonResponse } from './fake-http.ts'
import { chance, createRandom, hashString, pickDistinct, randomHex, randomInt } from './random.ts'

export interface FakeCommandersActOptions {
  segments: DemoCommandersActSegment[]
  siteId: string
  token: string
  latencyMs?: number
  fail?: boolean
}

type CommandersActHandler = (request: Request) => Promise<Response>

const LIST_PATH = '/api/dms/segmentation/segments/list'
const VISITOR_PATH = '/api/dms/segmentation/segments'
const CALLBACK_PATTERN = /^\w+$/
const TCID_PATTERN = /^\d+$/
const MAX_VISITOR_SEGMENTS = 6

// The error bodies are undocumented in reality; these are deliberately simple and clients must not rely on them.
export function createFakeCommandersAct(options: FakeCommandersActOptions): CommandersActHandler {
  const listBody = JSON.stringify(options.segments.map(withUndocumentedField))
  return async (request) => {
    await delay(jitter(options.latencyMs ?? 0), request.signal)
    if (options.fail) return jsonResponse(500, { error: 'internal server error' })
    const url = new URL(request.url)
    if (url.pathname !== LIST_PATH && url.pathname !== VISITOR_PATH) return jsonResponse(404, { error: 'not found' })
    if (request.method !== 'GET') return jsonResponse(405, { error: 'method not allowed' }, { Allow: 'GET' })
    const params = url.searchParams
    if (params.get('site') !== options.siteId) return jsonResponse(404, { error: 'unknown site' })
    if (url.pathname === LIST_PATH) {
      if (params.get('token') !== options.token) return jsonResponse(401, { error: 'invalid token' })
      return new Response(listBody, { status: 200, headers: { 'Content-Type': 'application/json' } })
    }
    return visitorSegments(params, options)
  }
}

/** Real answers carry fields beyond the documented id and label; consumers must ignore them. */
function withUndocumentedField(segment: DemoCommandersActSegment, index: number) {
  const base = { id: segment.id, label: segment.label }
  return index % 3 === 1 ? { ...base, type: 'engage' } : base
}

function visitorSegments(params: URLSearchParams, options: FakeCommandersActOptions): Response {
  const callback = params.get('callback')
  if (callback === null || !CALLBACK_PATTERN.test(callback)) return jsonResponse(400, { error: 'invalid callback' })
  const tcid = params.get('tcid')
  let ids: string[] = []
  if (tcid !== null) {
    if (!TCID_PATTERN.test(tcid)) return jsonResponse(400, { error: 'invalid tcid' })
    if (params.get('token') !== options.token) return jsonResponse(401, { error: 'invalid token' })
    ids = demoVisitorSegmentIds(tcid, options.segments)
  }
  // Without tcid the real API reads the visitor from its own cookie, which a server-side caller never has.
  return new Response(`/**/${callback}(${JSON.stringify(ids)});`, {
    status: 200,
    headers: { 'Content-Type': 'application/javascript' },
  })
}

/**
 * The segments a visitor belongs to: 0 to 6 listed ids, the same for the same tcid, and for about
 * one visitor in five also the id of a segment that no longer exists (membership outlives deletion).
 */
export function demoVisitorSegmentIds(tcid: string, segments: DemoCommandersActSegment[]): string[] {
  const random = createRandom(hashString(`tcid:${tcid}`))
  const ids = pickDistinct(random, segments, randomInt(random, 0, MAX_VISITOR_SEGMENTS)).map((segment) => segment.id)
  if (chance(random, 0.2)) {
    const listed = new Set(segments.map((segment) => segment.id))
    let deleted = randomHex(random, 8).toUpperCase()
    while (listed.has(deleted)) deleted = randomHex(random, 8).toUpperCase()
    ids.splice(randomInt(random, 0, ids.length), 0, deleted)
  }
  return ids
}
