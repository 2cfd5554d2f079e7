// How long provider data kept in the browser may be shown again, and for which shape of it (the query cache kept in
// IndexedDB by src/app/query-persistence.ts).

/**
 * Bump whenever a provider schema or the Segment model changes shape or reads a field another way (2: a date without a
 * time kept as that day, a tracking flag sent as "true" read as on): data kept by another version is dropped.
 */
export const CACHE_BUSTER = 'segment-audit-cache-2'

/** Data kept longer than this is dropped; the QueryClient's gcTime must be at least as long. */
export const CACHE_MAX_AGE_MS = 24 * 60 * 60_000

/** On a Braze answer the audit server kept for the team rather than asked Braze for: when Braze gave it (ISO). */
export const KEPT_AT_HEADER = 'X-Segment-Audit-Fetched-At'
