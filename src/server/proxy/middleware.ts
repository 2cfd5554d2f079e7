// The /api/* middleware: answers status, forwards allowlisted provider calls, and refuses everything else itself.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ALLOWED_ROUTES, parseQuery, type AllowedRoute } from './allowlist.ts'
import { describeTargets, type ProxyTargets } from './config.ts'
import { forward, forwardPages, type ForwardOptions } from './forward.ts'
import { sendError, sendJson } from './respond.ts'

export interface ProxyMiddlewareOptions {
  targets: ProxyTargets
  upstreamTimeoutMs: number
  log: (line: string) => void
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
  const { targets } = options
  return function segmentAuditProxy(req: IncomingMessage, res: ServerResponse, next: Next): void {
    const rawUrl = req.url ?? '/'
    if (rawUrl !== '/api' && !rawUrl.startsWith('/api/') && !rawUrl.startsWith('/api?')) return next()

    const queryStart = rawUrl.indexOf('?')
    const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart)
    const rawQuery = queryStart === -1 ? '' : rawUrl.slice(queryStart + 1)

    // A page on another site may not spend our credentials (the browser tells us where a request comes from).
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      return sendError(res, 403, 'forbidden', { message: 'Cross-site requests are refused.' })
    }

    const route = PLAIN_PATH.test(path) ? ALLOWED_ROUTES.get(path) : undefined
    if (path === STATUS_PATH) {
      if (req.method !== 'GET') return methodNotAllowed(res)
      return sendJson(res, 200, describeTargets(targets))
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
    call(res, path, { timeoutMs: options.upstreamTimeoutMs, log: options.log }).catch(next)
  }
}

type Call = (res: ServerResponse, routePath: string, options: ForwardOptions) => Promise<void>

/** The route's provider call(s), built before anything is sent; null when the provider is not configured. */
function prepareCall(route: AllowedRoute, targets: ProxyTargets, params: Map<string, string>): Call | null {
  if (route.kind === 'pages') {
    const upstreams = route.upstreams(targets, params)
    return upstreams && ((res, routePath, options) => forwardPages(res, route, routePath, upstreams, options))
  }
  const upstream = route.upstream(targets, params)
  return upstream && ((res, routePath, options) => forward(res, route, routePath, upstream, options))
}

function methodNotAllowed(res: ServerResponse): void {
  sendError(res, 405, 'method_not_allowed', { message: 'Only GET is allowed.' }, { Allow: 'GET' })
}
