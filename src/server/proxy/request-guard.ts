// Keeps other pages from spending the proxy's credentials: /api/* only for the app itself, and the app never framed.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendError } from './respond.ts'

type Next = (error?: unknown) => void

/** The header the app sends on every /api/* call (APP_REQUEST_HEADERS in src/lib/api-url.ts). */
export const APP_REQUEST_HEADER = 'x-segment-audit'

/** On every response: a framed app's own calls would count as same-origin, so nobody may frame it. */
export const FRAME_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
}

export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')
}

/**
 * Whether a request may use /api/*. `Sec-Fetch-Site` is set by the browser and cannot be forged by a page; a page
 * elsewhere can only add a custom header after a CORS preflight, which the guard refuses. Same-site counts as
 * elsewhere: another localhost port is another app.
 */
export function isAppRequest(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site']
  if (site === 'same-origin') return true
  if (site !== undefined && site !== 'none') return false
  return req.headers[APP_REQUEST_HEADER] === '1'
}

/** The result is used: a bundler may drop a call to a global it holds for pure, and with it the throw. */
function decodable(url: string): boolean {
  try {
    return decodeURI(url) !== ''
  } catch {
    return false
  }
}

/**
 * Connect middleware, installed before every other: frame headers on every response, and /api/* refused to anyone
 * but the app. Another /api middleware installed after it is guarded too.
 */
export function requestGuard(req: IncomingMessage, res: ServerResponse, next: Next): void {
  for (const [name, value] of Object.entries(FRAME_HEADERS)) res.setHeader(name, value)
  if (!isApiPath(req.url ?? '/')) {
    // An address broken mid-escape (a lone '%'): the server's page fallback cannot decode it and answered an empty 404,
    // which the browser showed as its own error. The app is sent instead, and says what it can of the address.
    if (!decodable(req.url ?? '/')) req.url = '/'
    return next()
  }
  if (req.method === 'OPTIONS') {
    return sendError(
      res,
      405,
      'method_not_allowed',
      { message: 'Cross-origin requests are refused.' },
      { Allow: 'GET' },
    )
  }
  if (!isAppRequest(req)) return sendError(res, 403, 'forbidden', { message: 'Only the app itself may call /api.' })
  next()
}
