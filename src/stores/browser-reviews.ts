// Reviews that earlier versions kept in this browser's IndexedDB, before the audit moved to the server. They are
// offered for upload once; once on the server, the browser's copy is deleted, so no browser keeps reviews of its own.
import { LEGACY_DATABASE, legacyDatabaseExists } from './browser-reviews-check'
import { buildSessionFile, sessionEntrySchema, type SessionEntry } from './session-file'

const LEGACY_STORE = 'verdicts'

function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB failed'))
  })
}

/** Every value of the old store, read with a connection closed at once so the database can then be deleted. */
async function readLegacyValues(databaseName: string): Promise<unknown[]> {
  const database = await settled(indexedDB.open(databaseName))
  try {
    if (!database.objectStoreNames.contains(LEGACY_STORE)) return []
    return await settled(database.transaction(LEGACY_STORE, 'readonly').objectStore(LEGACY_STORE).getAll())
  } finally {
    database.close()
  }
}

/** The reviews still in this browser, each checked as a session file's entry would be; unreadable ones are skipped. */
export async function readBrowserReviews(databaseName = LEGACY_DATABASE): Promise<SessionEntry[]> {
  if (!(await legacyDatabaseExists(databaseName))) return []
  const reviews: SessionEntry[] = []
  for (const value of await readLegacyValues(databaseName)) {
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
  await settled(indexedDB.deleteDatabase(databaseName))
}
