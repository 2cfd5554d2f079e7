// Braze answers (details, size series) kept in the audit database as they passed through the proxy, with the time
// Braze gave them: served while fresh, so one scan serves the team.
import type { Kysely } from 'kysely'
import type { AuditDatabase } from './database.ts'

export class ProviderAnswers {
  constructor(private readonly db: Kysely<AuditDatabase>) {}

  async cachedAnswer(
    cacheKey: string,
    maxAgeMs: number,
    now: Date,
  ): Promise<{ body: string; fetchedAt: string } | undefined> {
    const row = await this.db
      .selectFrom('provider_cache')
      .selectAll()
      .where('cache_key', '=', cacheKey)
      .executeTakeFirst()
    if (!row || now.getTime() - Date.parse(row.fetched_at) >= maxAgeMs) return undefined
    return { body: row.body, fetchedAt: row.fetched_at }
  }

  async keepAnswer(cacheKey: string, body: string, now: Date): Promise<void> {
    const fetched_at = now.toISOString()
    await this.db
      .insertInto('provider_cache')
      .values({ cache_key: cacheKey, body, fetched_at })
      .onConflict((oc) => oc.column('cache_key').doUpdateSet({ body, fetched_at }))
      .execute()
  }

  /** Every fresh answer with its key: what the team's scans fetched, for a browser that has not fetched it. */
  async freshAnswers(maxAgeMs: number, now: Date): Promise<{ key: string; body: string; fetchedAt: string }[]> {
    const freshSince = new Date(now.getTime() - maxAgeMs).toISOString()
    const rows = await this.db
      .selectFrom('provider_cache')
      .select(['cache_key', 'body', 'fetched_at'])
      .where('fetched_at', '>', freshSince)
      .execute()
    return rows.map((row) => ({ key: row.cache_key, body: row.body, fetchedAt: row.fetched_at }))
  }

  /** How many provider answers are fresh, and when the oldest of them was fetched. */
  async cacheSummary(maxAgeMs: number, now: Date): Promise<{ count: number; oldestFetchedAt: string | null }> {
    const freshSince = new Date(now.getTime() - maxAgeMs).toISOString()
    const row = await this.db
      .selectFrom('provider_cache')
      .select((eb) => [eb.fn.countAll().as('count'), eb.fn.min('fetched_at').as('oldest')])
      .where('fetched_at', '>', freshSince)
      .executeTakeFirstOrThrow()
    return { count: Number(row.count), oldestFetchedAt: row.oldest ?? null }
  }
}
