// The /api/* middleware: answers status, forwards allowlisted provider calls, and refuses everything else itself.
// It sits behind the request guard (request-guard.ts), which the plugin installs first.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ALLOWED_ROUTES, parseQuery, type AllowedRoute } from './allowlist.ts'
import { wantsRefresh, type AnswerCache } from './answer-cache.ts'
import { describeTargets, type ProxyTargets } from './config.ts'
import { forward, forwardPages, type ForwardOptions } from './forward.ts'
import { createListExtent } from './list-extent.ts'
import type { ProxyLimits } from './limits.ts'
import { createRateBudget } from './rate-budget.ts'
import { isApiPath } from './request-guard.ts'
import { sendError, sendJson } from './respond.ts'
import { createUpstreamSlots } from './upstream-slots.ts'

export interface ProxyMiddlewareOptions {
  targets: ProxyTargets
  upstreamTimeoutMs: number
  limits: ProxyLimits
  log: (line: string) => void
  /** Where Braze details and series are kept for the team (the audit database). */
  answerCache?: AnswerCache
}

type Next = (error?: unknown) => void

const STATUS_PATH = '/api/status'
/** Exact, already-normal paths only: no dots, percent escapes, backslashes or empty segments can get through. */
const PLAIN_PATH = /^\/api(?:\/[a-z0-9_-]+)+$/

const NOT_CONFIGURED_VARIABLES = {
  braze: 'braze',
  'commanders-act': 'commandersAct',
} as const

export function createProxyMiddleware(options: ProxyMiddlewareOptions) {
  const { targets, limits } = options
  const brazeBudget = createRateBudget(limits.brazeReserve)
  const brazeList = createListExtent()
  const slots = createUpstreamSlots(limits.maxUpstream)
  const secrets = [
    ...(targets.braze.configured ? [targets.braze.value.apiKey] : []),
    ...(targets.commandersAct.configured ? [targets.commandersAct.value.token] : []),
  ]

  return function segmentAuditProxy(req: IncomingMessage, res: ServerResponse, next: Next): void {
    const rawUrl = req.url ?? '/'
    if (!isApiPath(rawUrl)) return next()

    const queryStart = rawUrl.indexOf('?')
    const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart)
    const rawQuery = queryStart === -1 ? '' : rawUrl.slice(queryStart + 1)

    const route = PLAIN_PATH.test(path) ? ALLOWED_ROUTES.get(path) : undefined
    if (path === STATUS_PATH) {
      if (req.method !== 'GET') return methodNotAllowed(res)
      const status = describeTargets(targets)
      const { braze } = status.providers
      if (!braze.configured) return sendJson(res, 200, status)
      // How many Braze answers the team's scans keep fresh: a new browser loads them (src/stores/team-details.ts).
      const cache = options.answerCache
      void (cache && cache.maxAgeMs > 0 ? cache.store.cacheSummary(cache.maxAgeMs, new Date()) : Promise.resolve(null))
        .catch(() => null)
        .then((kept) => {
          const seen = {
            ...braze,
            rateLimit: brazeBudget.status(),
            listPages: brazeList.pages(),
            kept: kept?.count ?? 0,
          }
          sendJson(res, 200, { ...status, providers: { ...status.providers, braze: seen } })
        })
      return
    }
    if (!route) return sendError(res, 404, 'not_found', { message: 'This path is not served by the proxy.' })
    if (req.method !== 'GET') return methodNotAllowed(res)

    const query = parseQuery(rawQuery, route)
    if (!query.ok) return sendError(res, 400, 'bad_request', { provider: route.provider, message: query.message })

    const target = targets[NOT_CONFIGURED_VARIABLES[route.provider]]
    const call = prepareCall(route, targets, query.params)
    if (!call || !target.configured) {
      const { missing, invalid } = target.configured ? { missing: [], invalid: [] } : target
      return sendError(res, 503, 'not_configured', { provider: route.provider, missing, invalid })
    }
    // Upstream calls end with the browser's request: nobody is left to read their answer.
    const client = new AbortController()
    res.once('close', () => {
      if (!res.writableFinished) client.abort()
    })
    const forwardOptions: ForwardOptions = {
      timeoutMs: options.upstreamTimeoutMs,
      maxBodyBytes: limits.maxBodyBytes,
      slots,
      clientSignal: client.signal,
      brazeBudget,
      brazeList,
      secrets,
      log: options.log,
      answerCache: options.answerCache,
      refresh: wantsRefresh(req),
    }
    call(res, path, forwardOptions).catch(next)
  }
}

type Call = (res: ServerResponse, routePath: string, options: ForwardOptions) => Promise<void>

/** The route's provider call(s), built before anything is sent; null when the provider is not configured. */
function prepareCall(route: AllowedRoute, targets: ProxyTargets, params: Map<string, string>): Call | null {
  if (route.kind === 'pages') {
    const upstreams = route.upstreams(targets, params)
    const firstPage = Number(params.get('page'))
    return (
      upstreams && ((res, routePath, options) => forwardPages(res, route, routePath, firstPage, upstreams, options))
    )
  }
  const upstream = route.upstream(targets, params)
  return upstream && ((res, routePath, options) => forward(res, route, routePath, upstream, options))
}

function methodNotAllowed(res: ServerResponse): void {
  sendError(res, 405, 'method_not_allowed', { message: 'Only GET is allowed.' }, { Allow: 'GET' })
}
