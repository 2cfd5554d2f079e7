// Reads the audit's server settings from the environment, opens and migrates its database, and checks that the server
// is not offered beyond this machine without someone to say who each reviewer is.
import type { ServerEnv } from '../proxy/config.ts'
import { openAuditDatabase } from './database.ts'
import { migrateAuditDatabase } from './migrations.ts'
import { AuditStore } from './store.ts'

export interface AuditSettings {
  databaseUrl: string | undefined
  authUserHeader: string | undefined
  providerCacheTtlMs: number
}

const DEFAULT_CACHE_TTL_HOURS = 24
const HEADER_NAME = /^[A-Za-z0-9-]{1,100}$/

export function readAuditSettings(env: ServerEnv): AuditSettings {
  const header = env.AUTH_USER_HEADER?.trim() || undefined
  if (header !== undefined && !HEADER_NAME.test(header)) {
    throw new Error(`AUTH_USER_HEADER must be a header name (letters, digits and dashes), not "${header}".`)
  }
  const ttlText = env.PROVIDER_CACHE_TTL_HOURS?.trim()
  const ttlHours = ttlText ? Number(ttlText) : DEFAULT_CACHE_TTL_HOURS
  if (!Number.isFinite(ttlHours) || ttlHours < 0) {
    throw new Error(`PROVIDER_CACHE_TTL_HOURS must be a number of hours (0 turns the cache off), not "${ttlText}".`)
  }
  return { databaseUrl: env.DATABASE_URL, authUserHeader: header, providerCacheTtlMs: ttlHours * 3_600_000 }
}

/** Vite's `host` option: unset or a loopback name/address keeps the server to this machine. */
export function isLoopbackHost(host: string | boolean | undefined): boolean {
  if (host === undefined || host === false) return true
  if (host === true) return false
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
  return name === 'localhost' || name === '::1' || /^127(?:\.\d{1,3}){3}$/.test(name)
}

export function assertSafeListenAddress(host: string | boolean | undefined, settings: AuditSettings): void {
  if (isLoopbackHost(host) || settings.authUserHeader) return
  throw new Error(
    `Segment Audit will not listen on ${host === true ? 'every network address' : String(host)} without AUTH_USER_HEADER: ` +
      'anyone who could reach it would use the provider credentials and write to the team audit under any name. ' +
      'Serve it on localhost behind an authenticating reverse proxy and set AUTH_USER_HEADER (see README), ' +
      'or drop --host.',
  )
}

export interface OpenedAuditStore {
  store: AuditStore
  description: string
  close: () => Promise<void>
}

export async function openAuditStore(settings: AuditSettings, root: string): Promise<OpenedAuditStore> {
  const { db, dialect, description } = openAuditDatabase(settings.databaseUrl, root)
  try {
    await migrateAuditDatabase(db, dialect)
  } catch (error) {
    await db.destroy()
    throw error
  }
  return { store: new AuditStore(db), description, close: () => db.destroy() }
}
