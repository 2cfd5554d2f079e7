// Braze answers (details, size series) kept in the audit database as they passed through the proxy, with the time
// Braze gave them: served while fresh, so one scan serves the team. Each is kept under the workspace it came from
// (`of`): after the server is pointed at another one (the demo, then the team's real Braze), the first one's answers
// are neither served, nor counted, nor handed to browsers.
import type { Kysely } from 'kysely'
import type { AuditDatabase } from './database.ts'

export class ProviderAnswers {
  /** `scope`: the start of every key of this workspace's answers (none: every answer kept, whichever workspace). */
  constructor(
    private readonly db: Kysely<AuditDatabase>,
    private readonly scope = '',
  ) {}

  /** The answers of one workspace (`workspaceOf` in src/server/proxy/answer-cache.ts), in the same database. */
  of(workspace: string): ProviderAnswers {
    return new ProviderAnswers(this.db, `${workspace} `)
  }

  async cachedAnswer(
    cacheKey: string,
    maxAgeMs: number,
    now: Date,
  ): Promise<{ body: string; fetchedAt: string } | undefined> {
    const row = await this.db
      .selectFrom('provider_cache')
      .selectAll()
      .where('cache_key', '=', this.scope + cacheKey)
      .executeTakeFirst()
    if (!row || now.getTime() - Date.parse(row.fetched_at) >= maxAgeMs) return undefined
    return { body: row.body, fetchedAt: row.fetched_at }
  }

  async keepAnswer(cacheKey: string, body: string, now: Date): Promise<void> {
    const fetched_at = now.toISOString()
    await this.db
      .insertInto('provider_cache')
      .values({ cache_key: this.scope + cacheKey, body, fetched_at })
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
      .where('cache_key', 'like', `${this.scope}%`)
      .execute()
    return rows.map((row) => ({
      key: row.cache_key.slice(this.scope.length),
      body: row.body,
      fetchedAt: row.fetched_at,
    }))
  }

  /**
   * Deletes the answers fetched `maxAgeMs` or longer before `now`, whichever workspace kept them:
   * none is served or handed out any more (a workspace the server no longer points at is never read
   * at all), and the table would only grow.
   */
  async forgetStale(maxAgeMs: number, now: Date): Promise<void> {
    const freshSince = new Date(now.getTime() - maxAgeMs).toISOString()
    await this.db.deleteFrom('provider_cache').where('fetched_at', '<=', freshSince).execute()
  }

  /** How many provider answers are fresh, and when the oldest of them was fetched. */
  async cacheSummary(maxAgeMs: number, now: Date): Promise<{ count: number; oldestFetchedAt: string | null }> {
    const freshSince = new Date(now.getTime() - maxAgeMs).toISOString()
    const row = await this.db
      .selectFrom('provider_cache')
      .select((eb) => [eb.fn.countAll().as('count'), eb.fn.min('fetched_at').as('oldest')])
      .where('fetched_at', '>', freshSince)
      .where('cache_key', 'like', `${this.scope}%`)
      .executeTakeFirstOrThrow()
    return { count: Number(row.count), oldestFetchedAt: row.oldest ?? null }
  }
}
