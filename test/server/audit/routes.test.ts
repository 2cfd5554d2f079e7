// The /api/audit routes through the real Vite plugin: who may write, conflicts as 409, hostile session files refused
// with nothing changed, AUTH_USER_HEADER, the refusal to listen beyond loopback, and an audit that survives a restart.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'vite'
import { afterEach, describe, expect, it } from 'vitest'
import { segmentAuditProxy } from '../../../src/server/proxy/plugin'
import { buildSessionFile } from '../../../src/stores/session-file'
import { rawRequest, startPluginServer } from '../proxy/start-proxy'

const A = 'braze:8b922b25-dcc6-4e4d-b345-f7b06106046c'
const DEMO = { DEMO_BRAZE_SEGMENTS: '20', DEMO_CA_SEGMENTS: '5', DEMO_LATENCY_MS: '0' }
const JSON_HEADERS = { 'Content-Type': 'application/json', 'X-Segment-Audit': '1' }

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

async function start(env: Record<string, string> = {}) {
  const server = await startPluginServer({ ...DEMO, ...env })
  closers.push(server.close)
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${server.base}${path}`, { ...init, headers: { 'X-Segment-Audit': '1', ...init.headers } })
  const write = (body: unknown, reviewer = 'Ana') =>
    call('/api/audit/writes', {
      method: 'POST',
      headers: { ...JSON_HEADERS, 'X-Segment-Audit-Reviewer': encodeURIComponent(reviewer) },
      body: JSON.stringify(body),
    })
  const importFile = (text: string, reviewer = 'Dan') =>
    call('/api/audit/import?source=file', {
      method: 'POST',
      headers: { ...JSON_HEADERS, 'X-Segment-Audit-Reviewer': reviewer },
      body: text,
    })
  return { ...server, call, write, importFile }
}

const session = (entries: unknown[]) => JSON.stringify({ ...buildSessionFile([], [], [], new Date()), entries })

describe('the audit routes', () => {
  it('write a field under the reviewer named by the page, and answer 409 with the current value on a stale version', async () => {
    const app = await start()
    const first = await app.write({ key: A, field: 'note', value: 'Zoé’s note', baseVersion: 0 }, 'Zoé')
    expect(first.status).toBe(200)
    expect(await first.json()).toMatchObject({ entry: { note: 'Zoé’s note', noteBy: 'Zoé', noteVersion: 1 } })

    const stale = await app.write({ key: A, field: 'note', value: 'mine', baseVersion: 0 }, 'Ben')
    expect(stale.status).toBe(409)
    expect(await stale.json()).toMatchObject({ error: 'conflict', entry: { note: 'Zoé’s note', noteBy: 'Zoé' } })
    // On the right version, but not on the value it expected there: refused too.
    const wrongBase = await app.write({ key: A, field: 'note', value: 'mine', baseVersion: 1, baseValue: 'x' }, 'Ben')
    expect(wrongBase.status).toBe(409)
    expect(await wrongBase.json()).toMatchObject({ error: 'conflict', entry: { note: 'Zoé’s note', noteVersion: 1 } })

    const history = await app.call(`/api/audit/history?key=${encodeURIComponent(A)}`)
    expect(await history.json()).toEqual({
      history: [expect.objectContaining({ newValue: 'Zoé’s note', reviewer: 'Zoé' })],
    })
  })

  it('refuse a write with no reviewer, a key that is not a segment key, or a body that is not JSON', async () => {
    const app = await start()
    const anonymous = await app.call('/api/audit/writes', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ key: A, field: 'verdict', value: 'keep', baseVersion: 0 }),
    })
    expect(anonymous.status).toBe(400)
    expect(await anonymous.json()).toMatchObject({ error: 'reviewer_required' })
    expect((await app.write({ key: 'constructor:x', field: 'verdict', value: 'keep', baseVersion: 0 })).status).toBe(
      400,
    )
    const form = await app.call('/api/audit/writes', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'X-Segment-Audit-Reviewer': 'Ana' },
      body: 'x',
    })
    expect(form.status).toBe(415)
    expect(await (await app.call('/api/audit/entries')).json()).toMatchObject({ entries: [] })
  })

  it.each([
    [
      'a key that is not a segment key',
      [{ key: 'constructor:x', verdict: 'keep', note: '', reviewer: 'x', reviewedAt: '2026-01-01T00:00:00Z' }],
      'entries.0.key',
    ],
    [
      'a date that is not a date',
      [{ key: A, verdict: 'keep', note: '', reviewer: 'x', reviewedAt: 'not a date' }],
      'entries.0.reviewedAt',
    ],
    [
      'a date in the future',
      [{ key: A, verdict: 'keep', note: '', reviewer: 'x', reviewedAt: '9999-12-31T00:00:00Z' }],
      'entries.0.reviewedAt',
    ],
    [
      'a verdict set in the future',
      [
        {
          key: A,
          verdict: 'keep',
          verdictBy: 'x',
          verdictAt: '9999-12-31T00:00:00Z',
          note: '',
          reviewer: 'x',
          reviewedAt: '2026-01-01T00:00:00Z',
        },
      ],
      'entries.0.verdictAt',
    ],
  ])('refuse a session file with %s and change nothing', async (_case, entries, field) => {
    const app = await start()
    const answer = await app.importFile(session(entries))
    expect(answer.status).toBe(400)
    expect(await answer.json()).toMatchObject({ error: 'invalid_session', reason: 'damaged', params: { field } })
    expect(await (await app.call('/api/audit/entries')).json()).toMatchObject({ entries: [] })
  })

  it('refuse a session file over 50,000 entries or over 10 MB', async () => {
    const app = await start()
    const entry = { key: A, verdict: 'keep', note: '', reviewer: 'x', reviewedAt: '2026-01-01T00:00:00Z' }
    const many = await app.importFile(session(Array.from({ length: 50_001 }, () => entry)))
    expect(await many.json()).toMatchObject({ error: 'invalid_session', params: { field: 'entries' } })
    const huge = await app.importFile(session([{ ...entry, note: 'x'.repeat(10_000) }]).padEnd(11 * 1024 * 1024, ' '))
    expect(huge.status).toBe(413)
    expect(await (await app.call('/api/audit/entries')).json()).toMatchObject({ entries: [] })
  })

  it('merge a valid session file and count what it did', async () => {
    const app = await start()
    const answer = await app.importFile(
      session([{ key: A, verdict: 'archive', note: 'n', reviewer: 'Cleo', reviewedAt: '2026-01-01T00:00:00Z' }]),
    )
    expect(await answer.json()).toEqual({ added: 1, updated: 0, unchanged: 0, keptNewer: 0, partlyKept: 0 })
    const history = await (await app.call(`/api/audit/history?key=${encodeURIComponent(A)}`)).json()
    expect(history.history[0]).toMatchObject({ reviewer: 'Dan', source: 'import' })
  })

  it('set one verdict on many segments at once, answering which went through and which changed meanwhile', async () => {
    const app = await start()
    const keys = Array.from(
      { length: 100 },
      (_, index) => `commanders-act:${index.toString(16).toUpperCase().padStart(8, '0')}`,
    )
    await app.write({ key: keys[0], field: 'verdict', value: 'keep', baseVersion: 0 }, 'Ben')
    const answer = await app.call('/api/audit/bulk', {
      method: 'POST',
      headers: { ...JSON_HEADERS, 'X-Segment-Audit-Reviewer': 'Ana' },
      body: JSON.stringify({
        writes: keys.map((key) => ({ key, field: 'verdict', value: 'archive', baseVersion: 0 })),
      }),
    })
    const body = await answer.json()
    expect(body.saved).toHaveLength(99)
    expect(body.conflicts).toEqual([expect.objectContaining({ key: keys[0], verdict: 'keep', verdictBy: 'Ben' })])
  })

  it('answer a segment whose verdict changed meanwhile as refused once, its note not written either', async () => {
    const app = await start()
    const [changed, other] = ['commanders-act:0000000A', 'commanders-act:0000000B']
    await app.write({ key: changed, field: 'verdict', value: 'keep', baseVersion: 0 }, 'Ben')
    const answer = await app.call('/api/audit/bulk', {
      method: 'POST',
      headers: { ...JSON_HEADERS, 'X-Segment-Audit-Reviewer': 'Ana' },
      body: JSON.stringify({
        writes: [changed, other].flatMap((key) => [
          { key, field: 'verdict', value: 'fix', baseVersion: 0 },
          { key, field: 'note', value: 'Merge into one', baseVersion: 0 },
        ]),
      }),
    })
    const body = await answer.json()
    expect(body.conflicts).toEqual([
      expect.objectContaining({ key: changed, verdict: 'keep', note: '', reviewer: 'Ben' }),
    ])
    expect(body.saved).toEqual([expect.objectContaining({ key: other, verdict: 'fix', note: 'Merge into one' })])
    const history = await (await app.call(`/api/audit/history?key=${encodeURIComponent(changed)}`)).json()
    expect(history.history).toEqual([expect.objectContaining({ field: 'verdict', reviewer: 'Ben' })])
  })

  it('keep the audit in its database across a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'segment-audit-restart-')), 'audit.sqlite')
    const first = await start({ DATABASE_URL: file })
    await first.write({ key: A, field: 'verdict', value: 'fix', baseVersion: 0 })
    await first.close()
    closers.splice(0)
    const second = await start({ DATABASE_URL: file })
    expect(await (await second.call('/api/audit/entries')).json()).toMatchObject({
      entries: [{ key: A, verdict: 'fix', verdictBy: 'Ana' }],
    })
  })
})

describe('with AUTH_USER_HEADER', () => {
  it('take the reviewer from the header and refuse requests without it', async () => {
    const app = await start({ AUTH_USER_HEADER: 'X-Forwarded-Email' })
    expect((await app.call('/api/audit/entries')).status).toBe(401)
    const signedIn = { 'X-Forwarded-Email': 'ana@example.com' }
    expect(await (await app.call('/api/audit/reviewer', { headers: signedIn })).json()).toEqual({
      reviewer: 'ana@example.com',
    })
    const written = await app.call('/api/audit/writes', {
      method: 'POST',
      headers: { ...JSON_HEADERS, ...signedIn, 'X-Segment-Audit-Reviewer': 'Somebody Else' },
      body: JSON.stringify({ key: A, field: 'verdict', value: 'keep', baseVersion: 0 }),
    })
    expect(await written.json()).toMatchObject({ entry: { verdictBy: 'ana@example.com' } })
  })

  it('serve the host name the reverse proxy passes on, as oauth2-proxy and Cloudflare do by default', async () => {
    const signedIn = { 'X-Forwarded-Email': 'ana@example.com', Host: 'audit.example.com' }
    const app = await start({ AUTH_USER_HEADER: 'X-Forwarded-Email' })
    expect((await rawRequest(app.base, '/api/audit/reviewer', { headers: signedIn })).status).toBe(200)
    // On a machine of its own, without the header, Vite's guard against DNS rebinding stays: localhost names only.
    const alone = await start()
    expect(
      (await rawRequest(alone.base, '/api/audit/reviewer', { headers: { Host: 'audit.example.com' } })).status,
    ).toBe(403)
  })
})

describe('listening beyond this machine', () => {
  it.each([[true], ['0.0.0.0'], ['192.168.1.20']])(
    'is refused for host %s without AUTH_USER_HEADER, saying why',
    async (host) => {
      const server = createServer({
        configFile: false,
        plugins: [segmentAuditProxy({ env: { DATABASE_URL: ':memory:', ...DEMO } })],
        server: { host, port: 0, hmr: false, watch: null },
        logLevel: 'silent',
      })
      await expect(server).rejects.toThrow(/AUTH_USER_HEADER/)
    },
  )

  it('is fine on a loopback address', async () => {
    const app = await start()
    expect((await app.call('/api/audit/reviewer')).status).toBe(200)
  })
})
