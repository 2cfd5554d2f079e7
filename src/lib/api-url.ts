// Builds same-origin API URLs: relative to the page in the browser, to localhost in Node tests (where MSW answers).
export type QueryParams = Record<string, string | number | undefined>

function currentOrigin(): string {
  // `location` is absent in Node; tests intercept http://localhost with MSW.
  return globalThis.location?.origin ?? 'http://localhost'
}

export function apiUrl(path: string, params: QueryParams = {}): string {
  const url = new URL(path, currentOrigin())
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, String(value))
  }
  return url.href
}

/**
 * Sent with every call the app makes to its own /api/*. A page on another origin cannot add a custom header without a
 * CORS preflight, which the server refuses, so the server can require it (or `Sec-Fetch-Site: same-origin`).
 */
export const APP_REQUEST_HEADERS: Readonly<Record<string, string>> = { 'X-Segment-Audit': '1' }
