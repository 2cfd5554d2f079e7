// MSW handlers replacing the proxy in front of the demo fake providers: same paths, credentials added, JSONP converted.
import { http, HttpResponse, type HttpHandler } from 'msw'
import type { SetupServer } from 'msw/node'
import { held } from '../held'
import { auditHandlers, testAuditStore } from './audit-handlers'
import { createFakeBraze } from '../../src/server/demo/braze-fake'
import { createFakeCommandersAct } from '../../src/server/demo/commanders-act-fake'
import { generateDemoData, type DemoData } from '../../src/server/demo/data'
import { JSONP_CALLBACK, parseVisitorJsonp } from '../../src/server/proxy/jsonp'
import { readBrazeListRow } from '../../src/providers/braze/schemas'
import { listRow } from '../../src/server/demo/braze-quirks'
import { toCommandersActSegment } from '../../src/providers/commanders-act/schemas'
import type { Segment } from '../../src/providers/segment'

const BRAZE_ENDPOINT = 'https://rest.demo-braze.test'
const BRAZE_API_KEY = 'demo-braze-key'
const COMMANDERS_ACT_API_URL = 'https://api.demo-commanders-act.test'
const COMMANDERS_ACT_SITE_ID = '1234'
const COMMANDERS_ACT_TOKEN = 'demoToken42'
const BRAZE_ENDPOINTS: readonly string[] = ['list', 'details', 'data_series']
const isBrazeRoute = (endpoint: string): endpoint is BrazeRoute => BRAZE_ENDPOINTS.includes(endpoint)

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
  /** What the proxy answers for a browser request to /api/braze/segments/…: for tests to wrap (count, delay, fail). */
  forwardToBraze: (request: Request) => Promise<Response>
  /** Same for /api/commanders-act/segments/list. */
  forwardToCommandersActList: (request: Request) => Promise<Response>
}

const RATE_LIMIT_HEADERS = ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']

type BrazeRoute = 'list' | 'details' | 'data_series'
const PERMISSION: Record<BrazeRoute, string> = {
  list: 'segments.list',
  details: 'segments.details',
  data_series: 'segments.data_series',
}

function reasonOf(status: number, message: unknown): string {
  if (status === 429) return 'rate_limited'
  if (status === 401) return 'unauthorized'
  if (status === 403)
    return typeof message === 'string' && /access denied|permission/i.test(message) ? 'permission_denied' : 'forbidden'
  if (status === 404) return 'wrong_endpoint'
  if (status === 400) return 'bad_request'
  return status >= 500 ? 'upstream_error' : 'bad_request'
}

/**
 * A failed Braze answer as the proxy sends it to the browser: its own JSON, never Braze's body (an answer that already
 * is the proxy's own, e.g. a test's `{"error": ...}`, passes as it is).
 */
async function asProxyError(
  route: BrazeRoute,
  answer: Response,
): Promise<{ status: number; error: Record<string, unknown> }> {
  let body: unknown
  try {
    body = JSON.parse(await answer.text())
  } catch {
    body = undefined
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  if (typeof record.error === 'string') return { status: answer.status, error: record }
  const reason = reasonOf(answer.status, record.message)
  const retryAfter = answer.headers.get('retry-after')
  return {
    status: answer.status,
    error: {
      error: reason,
      provider: 'braze',
      status: answer.status,
      ...(typeof record.message === 'string' && record.message.length <= 200 ? { message: record.message } : {}),
      ...(reason === 'permission_denied' ? { permission: PERMISSION[route] } : {}),
      ...(retryAfter !== null && /^\d{1,10}$/.test(retryAfter) ? { retryAfterSeconds: Number(retryAfter) } : {}),
    },
  }
}

/** What the real proxy says without `X-Segment-Audit: 1` (or `Sec-Fetch-Site: same-origin`): the app must send it. */
function refusedWithoutAppHeader(request: Request): Response | undefined {
  if (request.headers.get('x-segment-audit') === '1') return undefined
  return HttpResponse.json({ error: 'forbidden', message: 'Missing the app request header.' }, { status: 403 })
}

/**
 * The proxy's multi-page route (/api/braze/segments/list/pages), as the proxy composes it: one single-page request
 * per page, all at once — through MSW, so a test's override of /api/braze/segments/list (count, delay, fail) applies
 * to every page — then `{"pages": [...]}` in page order, one entry per page: Braze's body, or the proxy's error object.
 */
export async function brazeListPages(request: Request): Promise<Response> {
  const refused = refusedWithoutAppHeader(request)
  if (refused) return refused
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
      const answer = await fetch(page, {
        headers: { Accept: 'application/json', 'X-Segment-Audit': '1' },
        signal: request.signal,
      })
      lastAnswered = answer
      if (!answer.ok) return { page: first + index, ...(await asProxyError('list', answer)) }
      try {
        return { page: first + index, status: 200, body: JSON.parse(await answer.text()) as unknown }
      } catch {
        return {
          page: first + index,
          status: 502,
          error: { error: 'upstream_invalid', provider: 'braze', status: answer.status },
        }
      }
    }),
  )
  let pages: Awaited<typeof asked>
  try {
    pages = await asked
  } catch (error) {
    // The browser gave up on the request (an abort): nobody reads this answer any more.
    if (request.signal.aborted) return Response.error()
    throw error
  }
  const headers = new Headers({ 'Content-Type': 'application/json' })
  for (const name of RATE_LIMIT_HEADERS) {
    const value = lastAnswered?.headers.get(name)
    if (value) headers.set(name, value)
  }
  return new Response(JSON.stringify({ pages }), { status: 200, headers })
}

/** The multi-page route alone, for tests that set up their own single-page list handler. */
export const brazeListPagesHandler = http.get('*/api/braze/segments/list/pages', ({ request }) =>
  brazeListPages(request),
)

function proxyNotFound(): Response {
  return HttpResponse.json({ error: 'not_found', message: 'This path is not served by the proxy.' }, { status: 404 })
}

/**
 * The proxy's answer to any call to a provider the server has no variables for (a team that uses the other one only):
 * 503 `not_configured`, naming the variables to set.
 */
export function notConfiguredHandler(provider: 'braze' | 'commanders-act', missing: readonly string[]): HttpHandler {
  return http.get(`*/api/${provider}/*`, () =>
    HttpResponse.json({ error: 'not_configured', provider, missing, invalid: [] }, { status: 503 }),
  )
}

export function createDemoHandlers({
  brazeCount,
  commandersActCount,
  seed,
  latencyMs = 0,
}: DemoHandlersOptions): DemoHandlers {
  const data = generateDemoData({ brazeCount, commandersActCount, seed })
  const braze = createFakeBraze({ segments: data.braze, apiKey: BRAZE_API_KEY, latencyMs })
  const commandersAct = createFakeCommandersAct({
    segments: data.commandersAct,
    siteId: COMMANDERS_ACT_SITE_ID,
    token: COMMANDERS_ACT_TOKEN,
    latencyMs,
  })

  const forwardToBraze = async (request: Request): Promise<Response> => {
    const refused = refusedWithoutAppHeader(request)
    if (refused) return refused
    const browserUrl = new URL(request.url)
    const endpoint = browserUrl.pathname.replace(/^\/api\/braze\/segments\//, '')
    if (!isBrazeRoute(endpoint)) return proxyNotFound()
    const upstream = new URL(`/segments/${endpoint}${browserUrl.search}`, BRAZE_ENDPOINT)
    const answer = await braze(
      new Request(upstream, { headers: { Authorization: `Bearer ${BRAZE_API_KEY}` }, signal: request.signal }),
    )
    if (answer.ok) return answer
    const { status, error } = await asProxyError(endpoint, answer)
    return HttpResponse.json(error, {
      status,
      headers: answer.headers.get('retry-after') ? { 'Retry-After': answer.headers.get('retry-after') ?? '' } : {},
    })
  }

  const commandersActUrl = (path: string, params: Record<string, string>): URL => {
    const url = new URL(path, COMMANDERS_ACT_API_URL)
    url.searchParams.set('site', COMMANDERS_ACT_SITE_ID)
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
    url.searchParams.set('token', COMMANDERS_ACT_TOKEN)
    return url
  }

  const forwardToCommandersActList = async (request: Request): Promise<Response> =>
    refusedWithoutAppHeader(request) ??
    commandersAct(new Request(commandersActUrl('/api/dms/segmentation/segments/list', {}), { signal: request.signal }))

  /** The store may be closed under a request that outlives its test: none kept, as a server whose store fails says. */
  const keptAnswers = () =>
    testAuditStore()
      .then((store) => store.answers.cacheSummary(86_400_000, new Date()))
      .then(
        ({ count }) => count,
        () => 0,
      )

  const handlers: HttpHandler[] = [
    // What the proxy's /api/status says in demo mode (hosts and site, and the Braze answers the test's store keeps).
    http.get(
      '*/api/status',
      async ({ request }) =>
        refusedWithoutAppHeader(request) ??
        HttpResponse.json({
          mode: 'demo',
          providers: {
            braze: {
              configured: true,
              host: new URL(BRAZE_ENDPOINT).host,
              kept: await keptAnswers(),
            },
            commandersAct: {
              configured: true,
              host: new URL(COMMANDERS_ACT_API_URL).host,
              site: COMMANDERS_ACT_SITE_ID,
            },
          },
        }),
    ),
    ...auditHandlers,
    brazeListPagesHandler,
    http.get('*/api/braze/segments/:endpoint', ({ request }) => forwardToBraze(request)),
    http.get('*/api/commanders-act/segments/list', ({ request }) => forwardToCommandersActList(request)),
    http.get('*/api/commanders-act/segments', async ({ request }) => {
      const refused = refusedWithoutAppHeader(request)
      if (refused) return refused
      const tcid = new URL(request.url).searchParams.get('tcid')
      const params: Record<string, string> = { callback: JSONP_CALLBACK, ...(tcid === null ? {} : { tcid }) }
      const answer = await commandersAct(new Request(commandersActUrl('/api/dms/segmentation/segments', params)))
      if (!answer.ok) return answer
      // As the proxy does: JSONP becomes JSON, parsed by pattern, never evaluated.
      const segmentIds = parseVisitorJsonp(await answer.text())
      if (segmentIds === null)
        return HttpResponse.json({ error: 'upstream_invalid', provider: 'commanders-act' }, { status: 502 })
      return HttpResponse.json({ segmentIds })
    }),
  ]

  return { handlers, data, forwardToBraze, forwardToCommandersActList }
}

/**
 * The demo segments as the app lists them, Braze first: each Braze row as the fake sends it (quirks included), read by
 * the app's own row reader, so a row that breaks the schema comes out as the list shows it (malformed fields named).
 */
/** Holds Commanders Act's list until the returned function is called, then answers as the demo proxy does. */
export function holdCommandersActList(server: SetupServer, demo: DemoHandlers): () => void {
  const { released, release } = held()
  server.use(
    http.get('*/api/commanders-act/segments/list', async ({ request }) => {
      await released
      return demo.forwardToCommandersActList(request)
    }),
  )
  return release
}

export function listedSegments(data: DemoData): Segment[] {
  return [
    ...data.braze.flatMap((segment) => readBrazeListRow(listRow(segment)) ?? []),
    ...data.commandersAct.map(toCommandersActSegment),
  ]
}
