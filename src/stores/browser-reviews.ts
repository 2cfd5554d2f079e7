// Reviews that earlier versions kept in this browser's IndexedDB, before the audit moved to the server. They are
// offered for upload once; once on the server, the browser's copy is deleted, so no browser keeps reviews of its own.
import { clear, createStore, entries } from 'idb-keyval'
import { buildSessionFile, sessionEntrySchema, type SessionEntry } from './session-file'

/** Where versions before the shared audit kept verdicts and notes (idb-keyval: database "segment-audit", store "verdicts"). */
const LEGACY_DATABASE = 'segment-audit'
const LEGACY_STORE = 'verdicts'

/** Opening a database creates it: only look inside one that exists. */
async function legacyDatabaseExists(name: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false
  return (await indexedDB.databases()).some((database) => database.name === name)
}

/** The reviews still in this browser, each checked as a session file's entry would be; unreadable ones are skipped. */
export async function readBrowserReviews(databaseName = LEGACY_DATABASE): Promise<SessionEntry[]> {
  if (!(await legacyDatabaseExists(databaseName))) return []
  const stored = await entries<string, unknown>(createStore(databaseName, LEGACY_STORE))
  const reviews: SessionEntry[] = []
  for (const [, value] of stored) {
    const parsed = sessionEntrySchema.safeParse(value)
    // Never reviewed in substance (an "Unreviewed" with no note) is nothing to move.
    if (parsed.success && (parsed.data.verdict !== 'unreviewed' || parsed.data.note !== '')) reviews.push(parsed.data)
  }
  return reviews
}

/** The reviews as a session file's text, for the server's import route. */
export function browserReviewsFile(reviews: readonly SessionEntry[], now: Date): string {
  return JSON.stringify(buildSessionFile(reviews, [], [], now))
}

export async function forgetBrowserReviews(databaseName = LEGACY_DATABASE): Promise<void> {
  if (!(await legacyDatabaseExists(databaseName))) return
  await clear(createStore(databaseName, LEGACY_STORE))
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(databaseName)
    // Blocked or failed: the store is already empty, which is what matters.
    request.onsuccess = request.onerror = request.onblocked = () => resolve()
  })
}
