// The server's /api/audit routes for component tests: the real handler on a real store (SQLite in memory), new for
// every test (test/setup.ts resets it), so what a page writes is read back exactly as the server would answer it.
import { http, type HttpHandler } from 'msw'
import { createAuditHandler, type AuditHandler } from '../../src/server/audit/routes'
import { openAuditStore, type OpenedAuditStore } from '../../src/server/audit/setup'
import type { AuditStore } from '../../src/server/audit/store'

let opened: Promise<OpenedAuditStore> | undefined
let handler: Promise<AuditHandler> | undefined

async function currentStore(): Promise<OpenedAuditStore> {
  opened ??= openAuditStore({ databaseUrl: ':memory:', authUserHeader: undefined, providerCacheTtlMs: 86_400_000 }, '.')
  return opened
}

/** The store behind this test's audit routes: for seeding reviews as if another reviewer had made them. */
export async function testAuditStore(): Promise<AuditStore> {
  return (await currentStore()).store
}

export async function resetTestAudit(): Promise<void> {
  const previous = opened
  opened = undefined
  handler = undefined
  if (previous) await (await previous).close()
}

export const auditHandlers: HttpHandler[] = [
  http.all('*/api/audit/*', async ({ request }) => {
    handler ??= currentStore().then(({ store }) =>
      createAuditHandler({ store, authUserHeader: undefined, providerCacheTtlMs: 86_400_000, log: () => {} }),
    )
    return (await handler)(request)
  }),
]
