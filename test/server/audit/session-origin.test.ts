// A session file says which Braze workspace and Commanders Act site it was exported from, and the server refuses to
// import one of another, changing nothing: its reviews would read as of segments "no longer listed" here. A file
// without that origin (exported before files had one) imports as before, as does one of this server's own.
import { afterEach, describe, expect, it } from 'vitest'
import { createAuditHandler } from '../../../src/server/audit/routes'
import { sessionOriginOf } from '../../../src/server/audit/session-origin'
import type { ProxyTargets } from '../../../src/server/proxy/config'
import { buildSessionFile, type SessionEntry, type SessionOrigin } from '../../../src/stores/session-file'
import { startPluginServer } from '../proxy/start-proxy'
import { openTestStore } from './databases'

const A = 'braze:8b922b25-dcc6-4e4d-b345-f7b06106046c'
const B = 'commanders-act:BBFAC450'
const REVIEWED_AT = '2026-03-01T10:00:00.000Z'
const KEY = 'a1b2c3d4-e5f6-4789-9abc-def012345678'
const TOKEN = 'c0ffee0123456789abcdef'

function target(braze: { endpoint: string; apiKey: string } | null, site: string | null): ProxyTargets {
  return {
    mode: 'real',
    braze: braze ? { configured: true, value: braze } : { configured: false, missing: ['BRAZE_API_KEY'], invalid: [] },
    commandersAct: site
      ? { configured: true, value: { apiUrl: 'https://api.commander1.com', siteId: site, token: TOKEN } }
      : { configured: false, missing: ['COMMANDERS_ACT_SITE_ID'], invalid: [] },
  }
}

const OURS = sessionOriginOf(target({ endpoint: 'https://rest.fra-01.braze.eu', apiKey: KEY }, '1234'))

function reviews(): SessionEntry[] {
  return [
    { key: A, verdict: 'archive', note: 'Duplicate', reviewer: 'Cleo', reviewedAt: REVIEWED_AT },
    { key: B, verdict: 'keep', note: '', reviewer: 'Cleo', reviewedAt: REVIEWED_AT },
  ]
}

function sessionText(origin: SessionOrigin | undefined): string {
  return JSON.stringify(buildSessionFile(reviews(), [], ['braze', 'commanders-act'], new Date(REVIEWED_AT), origin))
}

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

async function auditServer(origin: SessionOrigin) {
  const opened = await openTestStore(':memory:')
  closers.push(opened.close)
  const handler = createAuditHandler({
    store: opened.store,
    origin,
    authUserHeader: undefined,
    providerCacheTtlMs: 86_400_000,
    log: () => {},
  })
  const importFile = async (text: string) => {
    const response = await handler(
      new Request('http://localhost/api/audit/import?source=file', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Segment-Audit-Reviewer': 'Dan' },
        body: text,
      }),
    )
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }
  const keys = async () => (await opened.store.listEntries()).entries.map((entry) => entry.key).sort()
  return { importFile, keys }
}

describe('the origin a session file is marked with', () => {
  it('is the same for the same workspace and site, a new Commanders Act token included, and says neither secret', () => {
    const again = sessionOriginOf({
      ...target({ endpoint: 'https://rest.fra-01.braze.eu', apiKey: KEY }, '1234'),
      commandersAct: {
        configured: true,
        value: { apiUrl: 'https://api.commander1.com', siteId: '1234', token: 'aNewToken42' },
      },
    })
    expect(again).toEqual(OURS)
    const said = JSON.stringify(OURS)
    for (const secret of [KEY, TOKEN, 'fra-01', 'commander1']) expect(said).not.toContain(secret)
  })

  it.each([
    {
      what: 'another Braze key (another workspace)',
      braze: { endpoint: 'https://rest.fra-01.braze.eu', apiKey: 'k2' },
    },
    { what: 'another Braze instance', braze: { endpoint: 'https://rest.iad-01.braze.com', apiKey: KEY } },
  ])('differs for $what', ({ braze }) => {
    const other = sessionOriginOf(target(braze, '1234'))
    expect(other.braze).not.toBe(OURS.braze)
    expect(other.commandersAct).toBe(OURS.commandersAct)
  })

  it('differs for another Commanders Act site, is "demo" for the demo and null for a provider not configured', () => {
    const otherSite = sessionOriginOf(target({ endpoint: 'https://rest.fra-01.braze.eu', apiKey: KEY }, '5678'))
    expect(otherSite.commandersAct).not.toBe(OURS.commandersAct)
    expect(otherSite.braze).toBe(OURS.braze)
    expect(sessionOriginOf({ ...target(null, null), mode: 'demo' })).toEqual({ braze: 'demo', commandersAct: 'demo' })
    expect(sessionOriginOf(target(null, null))).toEqual({ braze: null, commandersAct: null })
  })
})

describe('importing a session file of another origin', () => {
  const OTHER_BRAZE = sessionOriginOf(target({ endpoint: 'https://rest.fra-01.braze.eu', apiKey: 'other' }, '1234'))
  const OTHER_SITE = sessionOriginOf(target({ endpoint: 'https://rest.fra-01.braze.eu', apiKey: KEY }, '5678'))

  it.each([
    { what: 'another Braze workspace', origin: OTHER_BRAZE, other: ['braze'] },
    // The file's Braze is this server's: refused all the same, rather than half imported (session-origin.ts).
    { what: 'another Commanders Act site', origin: OTHER_SITE, other: ['commanders-act'] },
    {
      what: 'another workspace and site',
      origin: { braze: OTHER_BRAZE.braze, commandersAct: OTHER_SITE.commandersAct },
      other: ['braze', 'commanders-act'],
    },
    { what: 'the demo', origin: { braze: 'demo', commandersAct: 'demo' }, other: ['braze', 'commanders-act'] },
  ])('is refused when it comes from $what, and nothing is written', async ({ origin, other }) => {
    const server = await auditServer(OURS)
    const answer = await server.importFile(sessionText(origin))
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({
      error: 'invalid_session',
      reason: 'other-origin',
      params: { otherOrigin: other },
    })
    expect(answer.body.message).toMatch(/^This session file comes from another /)
    expect(await server.keys()).toEqual([])
  })

  it.each([
    { what: 'this server’s workspace and site', origin: OURS },
    { what: 'no origin (exported before files had one)', origin: undefined },
    // Neither side can tell for a provider the other had not configured: only what both say is compared.
    { what: 'a server without Commanders Act', origin: { braze: OURS.braze, commandersAct: null } },
  ])('imports a file of $what as before', async ({ origin }) => {
    const server = await auditServer(OURS)
    const answer = await server.importFile(sessionText(origin))
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ added: 2 })
    expect(await server.keys()).toEqual([A, B])
  })

  it('is not checked by a server that does not know what it audits', async () => {
    const server = await auditServer({ braze: null, commandersAct: null })
    expect((await server.importFile(sessionText(OTHER_BRAZE))).status).toBe(200)
  })
})

describe('the Vite plugin’s audit routes', () => {
  it('hand the page this server’s markers, without its secrets, and refuse a file of the demo', async () => {
    const server = await startPluginServer({
      BRAZE_REST_ENDPOINT: 'https://rest.fra-01.braze.eu',
      BRAZE_API_KEY: KEY,
      COMMANDERS_ACT_SITE_ID: '1234',
      COMMANDERS_ACT_TOKEN: TOKEN,
    })
    closers.push(server.close)
    const headers = { 'X-Segment-Audit': '1', 'X-Segment-Audit-Reviewer': 'Dan' }
    const said = await fetch(`${server.base}/api/audit/session-origin`, { headers })
    expect(said.status).toBe(200)
    const text = await said.text()
    expect(JSON.parse(text)).toEqual(OURS)
    expect(text).not.toContain(KEY)
    expect(text).not.toContain(TOKEN)

    const importFile = (origin: SessionOrigin) =>
      fetch(`${server.base}/api/audit/import?source=file`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: sessionText(origin),
      })
    expect(await (await importFile({ braze: 'demo', commandersAct: 'demo' })).json()).toMatchObject({
      reason: 'other-origin',
    })
    expect(await (await importFile(OURS)).json()).toMatchObject({ added: 2 })
  })
})
