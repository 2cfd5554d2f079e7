// The only calls the proxy forwards: exact paths, GET, and validated parameters. Everything else is refused.
import type { ProviderId } from '../../providers/provider-id.ts'
import type { ProxyTargets } from './config.ts'
import { JSONP_CALLBACK } from './jsonp.ts'

/** The Braze key permission each endpoint needs, named in a permission_denied answer. */
export type Permission = 'segments.list' | 'segments.details' | 'segments.data_series'

interface ParameterRule {
  required?: boolean
  valid: (value: string) => boolean
}

export interface UpstreamRequest {
  url: URL
  headers: Record<string, string>
}

interface RouteRules {
  provider: ProviderId
  permission?: Permission
  params: Record<string, ParameterRule>
}

/** One provider call a request. */
export interface SingleRoute extends RouteRules {
  /** Answer shape: JSON passed through, or JSONP converted to `{"segmentIds": [...]}`. */
  kind: 'json' | 'jsonp'
  /** Built only from validated parameters; null when the provider is not configured. */
  upstream: (targets: ProxyTargets, params: Map<string, string>) => UpstreamRequest | null
}

/**
 * Several JSON calls made at once, answered together as `{"pages": [...]}`: the browser's six connections per host
 * stop being the limit.
 */
export interface PagesRoute extends RouteRules {
  kind: 'pages'
  /** In answer order, built only from validated parameters; null when the provider is not configured. */
  upstreams: (targets: ProxyTargets, params: Map<string, string>) => UpstreamRequest[] | null
}

export type AllowedRoute = SingleRoute | PagesRoute

const digits = (max: number) => (v: string) => new RegExp(`^\\d{1,${max}}$`).test(v)
const segmentId = (v: string) => /^[A-Za-z0-9-]{1,64}$/.test(v)
const sortDirection = (v: string) => v === 'asc' || v === 'desc'
const isoDate = (v: string) =>
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v) &&
  !Number.isNaN(Date.parse(v))

function brazeRequest(targets: ProxyTargets, path: string, params: Map<string, string>): UpstreamRequest | null {
  if (!targets.braze.configured) return null
  const url = new URL(`${targets.braze.value.endpoint}${path}`)
  for (const [name, value] of params) url.searchParams.set(name, value)
  return {
    url,
    headers: { Authorization: `Bearer ${targets.braze.value.apiKey}`, Accept: 'application/json' },
  }
}

/** The list pages `page` to `page + pages - 1`, each requested as the single list route would request it. */
function brazeListPages(targets: ProxyTargets, params: Map<string, string>): UpstreamRequest[] | null {
  const first = Number(params.get('page'))
  const direction = params.get('sort_direction')
  const requests: UpstreamRequest[] = []
  for (let page = first; page < first + Number(params.get('pages')); page++) {
    const pageParams = new Map([['page', String(page)]])
    if (direction !== undefined) pageParams.set('sort_direction', direction)
    const request = brazeRequest(targets, '/segments/list', pageParams)
    if (!request) return null
    requests.push(request)
  }
  return requests
}

function commandersActRequest(
  targets: ProxyTargets,
  path: string,
  params: Map<string, string>,
  extra: Record<string, string> = {},
): UpstreamRequest | null {
  if (!targets.commandersAct.configured) return null
  const { apiUrl, siteId, token } = targets.commandersAct.value
  const url = new URL(`${apiUrl}${path}`)
  url.searchParams.set('site', siteId)
  for (const [name, value] of params) url.searchParams.set(name, value)
  for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value)
  // The token travels as a query parameter (the provider's design): the URL must never be logged.
  url.searchParams.set('token', token)
  return { url, headers: { Accept: 'application/json, application/javascript' } }
}

export const ALLOWED_ROUTES: ReadonlyMap<string, AllowedRoute> = new Map<string, AllowedRoute>([
  [
    '/api/braze/segments/list',
    {
      provider: 'braze',
      permission: 'segments.list',
      kind: 'json',
      params: { page: { valid: digits(6) }, sort_direction: { valid: sortDirection } },
      upstream: (t, p) => brazeRequest(t, '/segments/list', p),
    },
  ],
  [
    '/api/braze/segments/list/pages',
    {
      provider: 'braze',
      permission: 'segments.list',
      kind: 'pages',
      params: {
        page: { required: true, valid: digits(6) },
        // At most 5: a bounded fan-out per browser request.
        pages: { required: true, valid: (v) => /^[1-5]$/.test(v) },
        sort_direction: { valid: sortDirection },
      },
      upstreams: brazeListPages,
    },
  ],
  [
    '/api/braze/segments/details',
    {
      provider: 'braze',
      permission: 'segments.details',
      kind: 'json',
      params: { segment_id: { required: true, valid: segmentId } },
      upstream: (t, p) => brazeRequest(t, '/segments/details', p),
    },
  ],
  [
    '/api/braze/segments/data_series',
    {
      provider: 'braze',
      permission: 'segments.data_series',
      kind: 'json',
      params: {
        segment_id: { required: true, valid: segmentId },
        length: { required: true, valid: (v) => digits(3)(v) && Number(v) >= 1 && Number(v) <= 100 },
        ending_at: { valid: isoDate },
      },
      upstream: (t, p) => brazeRequest(t, '/segments/data_series', p),
    },
  ],
  [
    '/api/commanders-act/segments/list',
    {
      provider: 'commanders-act',
      kind: 'json',
      params: {},
      upstream: (t, p) => commandersActRequest(t, '/api/dms/segmentation/segments/list', p),
    },
  ],
  [
    '/api/commanders-act/segments',
    {
      provider: 'commanders-act',
      kind: 'jsonp',
      params: { tcid: { valid: digits(32) } },
      upstream: (t, p) => commandersActRequest(t, '/api/dms/segmentation/segments', p, { callback: JSONP_CALLBACK }),
    },
  ],
])

export type ParsedQuery = { ok: true; params: Map<string, string> } | { ok: false; message: string }

/** Parses the raw query string by a route's rules: unknown, repeated, malformed or missing parameters are refused. */
export function parseQuery(rawQuery: string, route: AllowedRoute): ParsedQuery {
  const params = new Map<string, string>()
  for (const piece of rawQuery.split('&')) {
    if (piece === '') continue
    const eq = piece.indexOf('=')
    let name: string
    let value: string
    try {
      name = decodeURIComponent((eq === -1 ? piece : piece.slice(0, eq)).replace(/\+/g, ' '))
      value = eq === -1 ? '' : decodeURIComponent(piece.slice(eq + 1).replace(/\+/g, ' '))
    } catch {
      return { ok: false, message: 'Malformed query string.' }
    }
    const rule = Object.hasOwn(route.params, name) ? route.params[name] : undefined
    if (!rule) return { ok: false, message: `Parameter "${name.slice(0, 40)}" is not allowed.` }
    if (params.has(name)) return { ok: false, message: `Parameter "${name}" is repeated.` }
    if (!rule.valid(value)) return { ok: false, message: `Parameter "${name}" has an invalid value.` }
    params.set(name, value)
  }
  for (const [name, rule] of Object.entries(route.params)) {
    if (rule.required && !params.has(name)) return { ok: false, message: `Parameter "${name}" is required.` }
  }
  return { ok: true, params }
}
