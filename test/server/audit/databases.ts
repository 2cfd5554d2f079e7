// The databases the audit store runs on, for tests that run against each: SQLite always, PostgreSQL when
// TEST_DATABASE_URL names a server (`.ci/with-postgres` starts a throwaway one). Each open gives an empty database.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { openAuditStore, readAuditSettings, type OpenedAuditStore } from '../../../src/server/audit/setup'

export interface TestDatabase {
  name: string
  /** A DATABASE_URL for a new, empty database. */
  create: () => Promise<string>
}

let created = 0

const sqlite: TestDatabase = {
  name: 'SQLite',
  create: async () => `file:${join(mkdtempSync(join(tmpdir(), 'segment-audit-db-')), 'audit.sqlite')}`,
}

function postgres(adminUrl: string): TestDatabase {
  return {
    name: 'PostgreSQL',
    create: async () => {
      created += 1
      const name = `audit_test_${process.pid}_${created}`
      const admin = new pg.Client(adminUrl)
      await admin.connect()
      try {
        await admin.query(`drop database if exists ${name}`)
        await admin.query(`create database ${name}`)
      } finally {
        await admin.end()
      }
      const url = new URL(adminUrl)
      url.pathname = `/${name}`
      return url.href
    },
  }
}

const adminUrl = process.env.TEST_DATABASE_URL
export const TEST_DATABASES: TestDatabase[] = adminUrl ? [sqlite, postgres(adminUrl)] : [sqlite]

export async function openTestStore(databaseUrl: string): Promise<OpenedAuditStore> {
  return openAuditStore(readAuditSettings({ DATABASE_URL: databaseUrl }), tmpdir())
}
