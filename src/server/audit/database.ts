// Opens the audit database: an SQLite file by default, PostgreSQL when DATABASE_URL says postgres://. The SQL is
// written once, with Kysely, for both dialects.
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, type Generated } from 'kysely'
import pg from 'pg'

export interface AuditEntryTable {
  segment_key: string
  verdict: string
  verdict_version: number
  verdict_by: string | null
  verdict_at: string | null
  note: string
  note_version: number
  note_by: string | null
  note_at: string | null
  revision: number
}

export interface AuditHistoryTable {
  id: Generated<number>
  segment_key: string
  field: string
  old_value: string
  new_value: string
  reviewer: string
  at: string
  source: string
}

/** One row: the change counter. Writers bump it first, which also serialises them on PostgreSQL (a row lock). */
export interface AuditRevisionTable {
  id: number
  value: number
}

export interface ProviderCacheTable {
  cache_key: string
  body: string
  fetched_at: string
}

export interface AuditDatabase {
  audit_entries: AuditEntryTable
  audit_history: AuditHistoryTable
  audit_revision: AuditRevisionTable
  provider_cache: ProviderCacheTable
}

export type Dialect = 'sqlite' | 'postgres'

export interface OpenedDatabase {
  db: Kysely<AuditDatabase>
  dialect: Dialect
  /** Where the audit is, for the start-up line: a file path, or the PostgreSQL host and database (never a password). */
  description: string
}

export const DEFAULT_SQLITE_PATH = 'data/segment-audit.sqlite'

/** `DATABASE_URL`: unset → the default SQLite file; `postgres://…` → PostgreSQL; `file:PATH` or a path → that SQLite file. */
export function openAuditDatabase(databaseUrl: string | undefined, root: string): OpenedDatabase {
  const url = databaseUrl?.trim() ?? ''
  if (/^postgres(?:ql)?:\/\//.test(url)) {
    const parsed = new URL(url)
    const pool = new pg.Pool({ connectionString: url, max: 10 })
    // An idle connection the database cut (a restart, a failover) is dropped by the pool, and the next request opens a
    // new one; unheard, the pool's error event would end the whole server.
    pool.on('error', () => {})
    return {
      db: new Kysely<AuditDatabase>({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
      description: `PostgreSQL database "${parsed.pathname.slice(1)}" on ${parsed.host}`,
    }
  }
  const file = url === '' ? DEFAULT_SQLITE_PATH : url.replace(/^file:/, '')
  const path = file === ':memory:' ? file : resolve(root, file)
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SQLite(path)
  // WAL: readers never wait for a writer; a crash loses nothing that was committed.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('busy_timeout = 5000')
  return {
    db: new Kysely<AuditDatabase>({ dialect: new SqliteDialect({ database: sqlite }) }),
    dialect: 'sqlite',
    description: path === ':memory:' ? 'an in-memory SQLite database' : `the SQLite file ${path}`,
  }
}
