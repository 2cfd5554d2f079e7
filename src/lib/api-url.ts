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
