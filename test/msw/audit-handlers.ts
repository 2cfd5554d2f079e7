// The server's /api/audit routes for component tests: the real handler on a real store (SQLite in memory), new for
// every test (test/setup.ts resets it), so what a page writes is read back exactly as the server would answer it.
import { http, type HttpHandler } from 'msw'
import { createAuditHandler, type AuditHandler } from '../../src/server/audit/routes'
import { ALLOWED_ROUTES, parseQuery } from '../../src/server/proxy/allowlist'
import { answerKey } from '../../src/server/proxy/answer-cache'
import type { ProxyTargets } from '../../src/server/proxy/config'
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

const BRAZE: ProxyTargets = {
  mode: 'demo',
  braze: { configured: true, value: { endpoint: 'https://rest.demo-braze.test', apiKey: 'demo-braze-key' } },
  commandersAct: { configured: false, missing: [], invalid: [] },
}

/** The key the proxy keeps its answer to a browser's request under (`/api/braze/segments/details?segment_id=…`). */
export function keptAnswerKey(browserPath: string): string {
  const url = new URL(browserPath, 'http://localhost')
  const route = ALLOWED_ROUTES.get(url.pathname)
  const query = route && parseQuery(url.search.slice(1), route)
  const upstream = route?.kind === 'json' && query?.ok ? route.upstream(BRAZE, query.params) : null
  const key = route?.kind === 'json' && upstream ? answerKey(route, upstream) : undefined
  if (key === undefined) throw new Error(`The proxy keeps no answer to ${browserPath}`)
  return key
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
