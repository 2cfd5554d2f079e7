// How long provider data kept in the browser may be shown again, and for which shape of it. The query cache
// (src/app/query-persistence.ts) and the list's first screen (src/features/segments/list-preview.ts) obey the same rules.

/** Bump whenever a provider schema or the Segment model changes shape: data kept by another version is dropped. */
export const CACHE_BUSTER = 'segment-audit-cache-1'

/** Data kept longer than this is dropped; the QueryClient's gcTime must be at least as long. */
export const CACHE_MAX_AGE_MS = 24 * 60 * 60_000
