// The two list reads every page needs, started by index.html before any of the app's code has loaded, on a visit
// with nothing kept in this browser: the build step src/server/before-app-html.ts inlines this file, so it stays
// self-contained (no imports). The app takes each answer, once, where it would have asked for it
// (src/providers/request.ts); a test checks that these are the very requests it makes first.

/** Set (by src/app/query-persistence.ts) while a query cache is kept: the app then starts from it instead. */
export const CACHE_KEPT_MARK = 'segment-audit:query-cache-kept'

/**
 * The Braze list's first 6 requests of 4 pages (as the list asks for them: the browser's 6 connections, 2,400 segments)
 * and the Commanders Act list. On a first visit only, so a small workspace's unneeded pages cost it a few calls once.
 */
export const EARLY_LIST_PATHS = [
  ...[0, 4, 8, 12, 16, 20].map((page) => `/api/braze/segments/list/pages?page=${page}&pages=4&sort_direction=asc`),
  '/api/commanders-act/segments/list',
]

interface EarlyReadsWindow {
  location: { origin: string }
  fetch: (url: string, init: RequestInit) => Promise<Response>
  segmentAuditEarlyReads?: Map<string, Promise<Response>>
}

/** Starts the list reads when nothing is kept; each under its absolute URL, as the app builds it. */
export function startEarlyListReads(win: EarlyReadsWindow, storage: Pick<Storage, 'getItem'>): void {
  try {
    if (storage.getItem(CACHE_KEPT_MARK) !== null) return
  } catch {
    // No storage: nothing can be kept either.
  }
  const reads = new Map<string, Promise<Response>>()
  for (const path of EARLY_LIST_PATHS) {
    const url = new URL(path, win.location.origin).href
    const read = win.fetch(url, { headers: { 'X-Segment-Audit': '1', Accept: 'application/json' } })
    // A failure surfaces where the app takes the read; until then it must not count as unhandled.
    read.catch(() => {})
    reads.set(url, read)
  }
  win.segmentAuditEarlyReads = reads
}

/** The read index.html started for `url`, handed over once; undefined when none was (or it was already taken). */
export function takeEarlyListRead(url: string): Promise<Response> | undefined {
  const reads = (globalThis as { segmentAuditEarlyReads?: Map<string, Promise<Response>> }).segmentAuditEarlyReads
  const read = reads?.get(url)
  reads?.delete(url)
  return read
}
