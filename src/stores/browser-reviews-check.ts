// Whether this browser still holds reviews an earlier version kept in IndexedDB: asked at every start, so it stays
// apart from the code that reads and moves them (src/stores/browser-reviews.ts), which loads only when there are some.

/** Where versions before the shared audit kept reviews (idb-keyval: database "segment-audit", store "verdicts"). */
export const LEGACY_DATABASE = 'segment-audit'

/** Opening a database creates it: only look inside one that exists. */
export async function legacyDatabaseExists(name = LEGACY_DATABASE): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false
  return (await indexedDB.databases()).some((database) => database.name === name)
}
