// One scan serves the team: Braze details and size series that pass through the proxy are kept in the audit database
// and served from there while fresh, so a second reviewer's scan costs Braze (almost) nothing; "Refresh" asks again.
// A new browser is handed them all at once (/api/audit/kept-answers), without a scan.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeBraze } from '../../../src/server/demo/braze-fake'
import { generateDemoData } from '../../../src/server/demo/data'
import { rawRequest, startPluginServer, startRecordingUpstream } from '../proxy/start-proxy'
import { workspaceOf } from '../../../src/server/proxy/answer-cache'
import { readRealTargets } from '../../../src/server/proxy/config'
import { keptAnswerKey } from '../../msw/audit-handlers'
import { openTestStore } from './databases'

const data = generateDemoData({ brazeCount: 60, commandersActCount: 1, now: new Date('2026-12-01T00:00:00Z') })
const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.()
})

/** A Braze workspace (its key `apiKey`) and the app's server pointed at it, keeping its audit in `database`. */
async function start(
  env: Record<string, string> = {},
  { apiKey = 'k1', database = join(mkdtempSync(join(tmpdir(), 'segment-audit-cache-')), 'audit.sqlite') } = {},
) {
  const braze = await startRecordingUpstream(createFakeBraze({ segments: data.braze, apiKey, latencyMs: 0 }))
  cleanups.push(braze.close)
  const server = await startPluginServer({
    BRAZE_REST_ENDPOINT: braze.url,
    BRAZE_API_KEY: apiKey,
    DATABASE_URL: database,
    PROVIDER_CACHE_TTL_HOURS: '24',
    ...env,
  })
  cleanups.push(server.close)
  const workspace = workspaceOf(readRealTargets({ BRAZE_REST_ENDPOINT: braze.url, BRAZE_API_KEY: apiKey }))
  return { braze, base: server.base, database, workspace, close: server.close }
}

/** What a details scan asks: each segment's details, and its 30-day series when tracked. */
async function scan(base: string, headers: Record<string, string> = {}) {
  for (const segment of data.braze) {
    const details = await rawRequest(base, `/api/braze/segments/details?segment_id=${segment.id}`, { headers })
    expect(details.status).toBe(200)
    if (segment.analyticsTrackingEnabled === true) {
      const series = await rawRequest(base, `/api/braze/segments/data_series?segment_id=${segment.id}&length=30`, {
        headers,
      })
      expect(series.status).toBe(200)
    }
  }
}

describe('the provider cache', () => {
  it('makes a second scan of the same workspace cost Braze at most 5 % of the first', async () => {
    const { braze, base } = await start()
    await scan(base)
    const first = braze.received.length
    expect(first).toBeGreaterThan(60)
    braze.received.length = 0
    await scan(base)
    expect(braze.received.length).toBeLessThanOrEqual(first * 0.05)
    const kept = JSON.parse((await rawRequest(base, '/api/audit/provider-cache')).text)
    expect(kept).toMatchObject({ count: first, ttlHours: 24 })
  })

  it('serves a kept answer with the time Braze gave it, and asks Braze again on "Refresh"', async () => {
    const { braze, base } = await start()
    const path = `/api/braze/segments/details?segment_id=${data.braze[0]?.id ?? ''}`
    const fresh = await rawRequest(base, path)
    const kept = await rawRequest(base, path)
    expect(kept.text).toBe(fresh.text)
    expect(Date.parse(String(kept.headers['x-segment-audit-fetched-at']))).not.toBeNaN()
    expect(braze.received).toHaveLength(1)
    await rawRequest(base, path, { headers: { 'X-Segment-Audit-Refresh': '1' } })
    expect(braze.received).toHaveLength(2)
  })

  it('keeps nothing with PROVIDER_CACHE_TTL_HOURS=0, and never keeps a list', async () => {
    const { braze, base } = await start({ PROVIDER_CACHE_TTL_HOURS: '0' })
    const path = `/api/braze/segments/details?segment_id=${data.braze[0]?.id ?? ''}`
    await rawRequest(base, path)
    await rawRequest(base, path)
    await rawRequest(base, '/api/braze/segments/list?page=0')
    await rawRequest(base, '/api/braze/segments/list?page=0')
    expect(braze.received).toHaveLength(4)
    expect(JSON.parse((await rawRequest(base, '/api/status')).text).providers.braze.kept).toBe(0)
  })

  it('says in its status how many answers it keeps, so that a new browser knows there are some to load', async () => {
    const { base } = await start()
    expect(JSON.parse((await rawRequest(base, '/api/status')).text).providers.braze.kept).toBe(0)
    await rawRequest(base, `/api/braze/segments/details?segment_id=${data.braze[0]?.id ?? ''}`)
    await rawRequest(base, `/api/braze/segments/data_series?segment_id=${data.braze[0]?.id ?? ''}&length=30`)
    expect(JSON.parse((await rawRequest(base, '/api/status')).text).providers.braze.kept).toBe(2)
  })

  it('hands a new browser every fresh kept answer, by segment id and series length, gzipped if asked', async () => {
    const { base, database, workspace } = await start()
    await scan(base)
    const [first, stale, damaged] = data.braze
    const detailsPath = (id = '') => `/api/braze/segments/details?segment_id=${id}`
    const servedFirst = JSON.parse((await rawRequest(base, detailsPath(first?.id))).text)
    // Beside the scan's answers, as another connection to the same database: one kept 25 hours ago (past the 24-hour
    // freshness), and one whose body is not JSON.
    const other = await openTestStore(database)
    cleanups.push(other.close)
    const answers = other.store.answers.of(workspace)
    await answers.keepAnswer(keptAnswerKey(detailsPath(stale?.id)), '{"message":"success"}', hoursAgo(25))
    await answers.keepAnswer(keptAnswerKey(detailsPath(damaged?.id)), '{"message":', new Date())

    // A series that ends on a given day is not the one a page asks for: it is not handed out as that.
    const endingAt = `/api/braze/segments/data_series?segment_id=${first?.id ?? ''}&length=30&ending_at=2026-11-01`
    expect((await rawRequest(base, endingAt)).status).toBe(200)

    const plain = await rawRequest(base, '/api/audit/kept-answers')
    expect(plain.status).toBe(200)
    const kept = JSON.parse(plain.text) as {
      details: { id: string; fetchedAt: string; body: unknown }[]
      series: { id: string; days: number; fetchedAt: string; body: unknown }[]
    }
    const notKept = new Set([stale?.id, damaged?.id])
    expect(kept.details.map((answer) => answer.id).sort()).toEqual(
      data.braze
        .map((segment) => segment.id)
        .filter((id) => !notKept.has(id))
        .sort(),
    )
    expect(kept.details.find((answer) => answer.id === first?.id)?.body).toEqual(servedFirst)
    expect(Date.parse(kept.details[0]?.fetchedAt ?? '')).not.toBeNaN()
    const tracked = data.braze.filter((segment) => segment.analyticsTrackingEnabled === true)
    expect(kept.series.map(({ id, days }) => `${id} ${days}`).sort()).toEqual(
      tracked.map((segment) => `${segment.id} 30`).sort(),
    )

    const compressed = await rawRequest(base, '/api/audit/kept-answers', { headers: { 'Accept-Encoding': 'gzip' } })
    expect(compressed.headers['content-encoding']).toBe('gzip')
    expect(compressed.bytes.byteLength).toBeLessThan(plain.bytes.byteLength / 3)
    expect(JSON.parse(gunzipSync(compressed.bytes).toString('utf8'))).toEqual(kept)
    expect((await rawRequest(base, '/api/audit/kept-answers', { method: 'POST' })).status).toBe(405)
  })

  it('keeps each workspace’s answers apart: pointed at another Braze, the server serves, counts and hands out none of the first one’s', async () => {
    // The demo first, say, then the team's real Braze, in the same database: ids that happen to match are no exception.
    const first = await start()
    await scan(first.base)
    expect(JSON.parse((await rawRequest(first.base, '/api/status')).text).providers.braze.kept).toBeGreaterThan(60)
    await first.close()

    const second = await start({}, { apiKey: 'k2', database: first.database })
    expect(JSON.parse((await rawRequest(second.base, '/api/status')).text).providers.braze.kept).toBe(0)
    expect(JSON.parse((await rawRequest(second.base, '/api/audit/kept-answers')).text)).toEqual({
      details: [],
      series: [],
    })
    expect(JSON.parse((await rawRequest(second.base, '/api/audit/provider-cache')).text)).toMatchObject({ count: 0 })
    const id = data.braze[0]?.id ?? ''
    expect((await rawRequest(second.base, `/api/braze/segments/details?segment_id=${id}`)).status).toBe(200)
    expect(second.braze.received).toHaveLength(1)
  })

  it('forgets at start the answers past their freshness, whichever workspace kept them, and keeps the fresh ones', async () => {
    // Kept earlier in the same database: by a workspace the server no longer points at (one stale, one fresh), and
    // under the keys of a version that filed answers under no workspace. None of the stale ones is ever read again.
    const database = join(mkdtempSync(join(tmpdir(), 'segment-audit-cache-')), 'audit.sqlite')
    const earlier = await openTestStore(database)
    await earlier.store.answers.of('another').keepAnswer('details a', '{}', hoursAgo(25))
    await earlier.store.answers.of('another').keepAnswer('details b', '{}', hoursAgo(2))
    await earlier.store.answers.keepAnswer('details c', '{}', hoursAgo(48))
    await earlier.close()

    await start({}, { database })
    const after = await openTestStore(database)
    cleanups.push(after.close)
    const everything = await after.store.answers.freshAnswers(365 * 86_400_000, new Date())
    expect(everything.map((answer) => answer.key)).toEqual(['another details b'])
  })
})

function hoursAgo(hours: number): Date {
  return new Date(Date.now() - hours * 3_600_000)
}
