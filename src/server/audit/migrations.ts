// Versioned migrations of the audit database, run at start-up; a new migration is a new entry, never an edit of one.
import { Migrator, sql, type Kysely, type Migration } from 'kysely'
import type { AuditDatabase, Dialect } from './database.ts'

function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '001-audit': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('audit_entries')
          .addColumn('segment_key', 'text', (c) => c.primaryKey())
          .addColumn('verdict', 'text', (c) => c.notNull().defaultTo('unreviewed'))
          .addColumn('verdict_version', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('verdict_by', 'text')
          .addColumn('verdict_at', 'text')
          .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('note_version', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('note_by', 'text')
          .addColumn('note_at', 'text')
          .addColumn('revision', 'integer', (c) => c.notNull())
          .execute()
        await db.schema.createIndex('audit_entries_revision').on('audit_entries').column('revision').execute()
        await db.schema
          .createTable('audit_history')
          .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('segment_key', 'text', (c) => c.notNull())
          .addColumn('field', 'text', (c) => c.notNull())
          .addColumn('old_value', 'text', (c) => c.notNull())
          .addColumn('new_value', 'text', (c) => c.notNull())
          .addColumn('reviewer', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex('audit_history_segment')
          .on('audit_history')
          .columns(['segment_key', 'id'])
          .execute()
        await db.schema
          .createTable('audit_revision')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('value', 'integer', (c) => c.notNull())
          .execute()
        await sql`insert into audit_revision (id, value) values (1, 0)`.execute(db)
        await db.schema
          .createTable('provider_cache')
          .addColumn('cache_key', 'text', (c) => c.primaryKey())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('fetched_at', 'text', (c) => c.notNull())
          .execute()
      },
    },
  }
}

export async function migrateAuditDatabase(db: Kysely<AuditDatabase>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    migrationTableName: 'audit_migrations',
    migrationLockTableName: 'audit_migrations_lock',
  })
  const { error } = await migrator.migrateToLatest()
  if (error)
    throw new Error(
      `The audit database could not be migrated: ${error instanceof Error ? error.message : String(error)}`,
    )
}
