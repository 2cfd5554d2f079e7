// MSW handlers standing in for the proxy in front of the demo fake providers: same paths, credentials added, JSONP converted.
import { http, HttpResponse, type HttpHandler } from 'msw'
import { auditHandlers } from './audit-handlers'
import { createFakeBraze } from '../../src/server/demo/braze-fake'
import { createFakeCommandersAct } from '../../src/server/demo/commanders-act-fake'
import { generateDemoData, type DemoData } from '../../src/server/demo/data'
import { JSONP_CALLBACK, parseVisitorJsonp } from '../../src/server/proxy/jsonp'
import { brazeSegmentListItemSchema, toBrazeSegment } from '../../src/providers/braze/schemas'
import { toCommandersActSegment } from '../../src/providers/commanders-act/schemas'
import type { Segment } from '../../src/providers/segment'

const BRAZE_ENDPOINT = 'https://rest.demo-braze.test'
const BRAZE_API_KEY = 'demo-braze-key'
const COMMANDERS_ACT_API_URL = 'https://api.demo-commanders-act.test'
const COMMANDERS_ACT_SITE_ID = '1234'
const COMMANDERS_ACT_TOKEN = 'demoToken42'
const BRAZE_ENDPOINTS = new Set(['list', 'details', 'data_series'])

export interface DemoHandlersOptions {
  brazeCount: number
  commandersActCount: number
  seed?: number
  /** Latency of every fake answer; 0 by default so unit tests stay fast. */
  latencyMs?: number
}

export interface DemoHandlers {
  handlers: HttpHandler[]
  data: DemoData
  /** What the proxy answers for a browser request to /api/braze/segments/…: for tests that wrap it (count, delay, fail). */
  forwardToBraze: (request: Request) => Promise<Response>
  /** Same for /api/commanders-act/segments/list. */
  forwardToCommandersActList: (request: Request) => Promise<Response>
}

const RATE_LIMIT_HEADERS = ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']

/**
 * The proxy's multi-page route (/api/braze/segments/list/pages), as the proxy composes it: one single-page request
 * per page, all at once — through MSW, so a test's override of /api/braze/segments/list (count, delay, fail) applies
 * to every page — then `{"pages": [...]}` in page order, or the first failing page's answer as it is.
 */
export async function brazeListPages(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const first = Number(url.searchParams.get('page') ?? '0')
  const count = Number(url.searchParams.get('pages') ?? '1')
  const direction = url.searchParams.get('sort_direction')
  let lastAnswered: Response | undefined
  const asked = Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const page = new URL('/api/braze/segments/list', url)
      page.searchParams.set('page', String(first + index))
      if (direction !== null) page.searchParams.set('sort_direction', direction)
      const answer = await fetch(page, { headers: { Accept: 'application/json' }, signal: request.signal })
      lastAnswered = answer
      return { answer, text: await answer.text() }
    }),
  )
  let answers: Awaited<typeof asked>
  try {
    answers = await asked
  } catch (error) {
    // The browser gave up on the request (an abort): nobody reads this answer any more.
    if (request.signal.aborted) return Response.error()
    throw error
  }
  const failed = answers.find(({ answer }) => !answer.ok)
  if (failed) return new Response(failed.text, { status: failed.answer.status, headers: failed.answer.headers })
  const headers = new Headers({ 'Content-Type': 'application/json' })
  for (const name of RATE_LIMIT_HEADERS) {
    const value = lastAnswered?.headers.get(name)
    if (value) headers.set(name, value)
  }
  return new Response(`{"pages":[${answers.map(({ text }) => text).join(',')}]}`, { status: 200, headers })
}

/** The multi-page route alone, for tests that set up their own single-page list handler. */
export const brazeListPagesHandler = http.get('*/api/braze/segments/list/pages', ({ request }) => brazeListPages(request))

function proxyNotFound(): Response {
  return HttpResponse.json({ error: 'not_found', message: 'This path is not served by the proxy.' }, { status: 404 })
}

export function createDemoHandlers({ brazeCount, commandersActCount, seed, latencyMs = 0 }: DemoHandlersOptions): DemoHandlers {
  const data = generateDemoData({ brazeCount, commandersActCount, seed })
  const braze = createFakeBraze({ segments: data.braze, apiKey: BRAZE_API_KEY, latencyMs })
  const commandersAct = createFakeCommandersAct({
    segments: data.commandersAct,
    siteId: COMMANDERS_ACT_SITE_ID,
    token: COMMANDERS_ACT_TOKEN,
    latencyMs,
  })

  const forwardToBraze = (request: Request): Promise<Response> => {
    const browserUrl = new URL(request.url)
    const endpoint = browserUrl.pathname.replace(/^\/api\/braze\/segments\//, '')
    if (!BRAZE_ENDPOINTS.has(endpoint)) return Promise.resolve(proxyNotFound())
    const upstream = new URL(`/segments/${endpoint}${browserUrl.search}`, BRAZE_ENDPOINT)
    return braze(new Request(upstream, { headers: { Authorization: `Bearer ${BRAZE_API_KEY}` }, signal: request.signal }))
  }

  const commandersActUrl = (path: string, params: Record<string, string>): URL => {
    const url = new URL(path, COMMANDERS_ACT_API_URL)
    url.searchParams.set('site', COMMANDERS_ACT_SITE_ID)
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
    url.searchParams.set('token', COMMANDERS_ACT_TOKEN)
    return url
  }

  const forwardToCommandersActList = (request: Request): Promise<Response> =>
    commandersAct(new Request(commandersActUrl('/api/dms/segmentation/segments/list', {}), { signal: request.signal }))

  const handlers: HttpHandler[] = [
    // What the proxy's /api/status says in demo mode (hosts and site only).
    http.get('*/api/status', () =>
      HttpResponse.json({
        mode: 'demo',
        providers: {
          braze: { configured: true, host: new URL(BRAZE_ENDPOINT).host },
          commandersAct: { configured: true, host: new URL(COMMANDERS_ACT_API_URL).host, site: COMMANDERS_ACT_SITE_ID },
        },
      }),
    ),
    ...auditHandlers,
    brazeListPagesHandler,
    http.get('*/api/braze/segments/:endpoint', ({ request }) => forwardToBraze(request)),
    http.get('*/api/commanders-act/segments/list', ({ request }) => forwardToCommandersActList(request)),
    http.get('*/api/commanders-act/segments', async ({ request }) => {
      const tcid = new URL(request.url).searchParams.get('tcid')
      const params: Record<string, string> = { callback: JSONP_CALLBACK, ...(tcid === null ? {} : { tcid }) }
      const answer = await commandersAct(new Request(commandersActUrl('/api/dms/segmentation/segments', params)))
      if (!answer.ok) return answer
      // As the proxy does: JSONP becomes JSON, parsed by pattern, never evaluated.
      const segmentIds = parseVisitorJsonp(await answer.text())
      if (segmentIds === null) return HttpResponse.json({ error: 'upstream_invalid', provider: 'commanders-act' }, { status: 502 })
      return HttpResponse.json({ segmentIds })
    }),
  ]

  return { handlers, data, forwardToBraze, forwardToCommandersActList }
}

/** The demo segments as the app lists them: through the providers' own list schemas and mappings, Braze first. */
export function listedSegments(data: DemoData): Segment[] {
  return [
    ...data.braze.map((segment) =>
      toBrazeSegment(brazeSegmentListItemSchema.parse({ id: segment.id, name: segment.name, analytics_tracking_enabled: segment.analyticsTrackingEnabled, tags: segment.tags })),
    ),
    ...data.commandersAct.map(toCommandersActSegment),
  ]
}
