// The fake Commanders Act API: a bare-array list and a JSONP visitor endpoint, with token and site checks.
import { describe, it, expect } from 'vitest'
import { createFakeCommandersAct, demoVisitorSegmentIds } from '../../../src/server/demo/commanders-act-fake'
import { generateDemoData } from '../../../src/server/demo/data'

const SITE = '4321'
const TOKEN = 'caToken0123456789abcdefABCDEF012'
const { commandersAct: segments } = generateDemoData({ brazeCount: 60, commandersActCount: 40, seed: 5 })
const handler = createFakeCommandersAct({ segments, siteId: SITE, token: TOKEN })
const listedIds = new Set(segments.map((s) => s.id))
const JSONP = /^\/\*\*\/(\w+)\((\[[^()]*\])\);$/

function call(path: string, method = 'GET', fake = handler) {
  return fake(new Request(`https://api.commander1.test${path}`, { method }))
}

function parseJsonp(text: string): { callback: string; ids: unknown } {
  const match = JSONP.exec(text)
  if (!match?.[1] || !match[2]) throw new Error(`Not the JSONP shape: ${text}`)
  return { callback: match[1], ids: JSON.parse(match[2]) }
}

describe('fake Commanders Act: GET /api/dms/segmentation/segments/list', () => {
  it('answers a bare JSON array of id and label, some entries with an extra field', async () => {
    const response = await call(`/api/dms/segmentation/segments/list?site=${SITE}&token=${TOKEN}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    const text = await response.text()
    expect(text.startsWith('[{"id":')).toBe(true)
    const list = JSON.parse(text) as Record<string, unknown>[]
    expect(list.map(({ id, label }) => ({ id, label }))).toEqual(segments)
    expect(list[0]).toEqual(segments[0])
    expect(list.filter((entry) => 'type' in entry).length).toBeGreaterThan(0)
  })

  it.each([
    ['a wrong token', `site=${SITE}&token=wrong`],
    ['no token', `site=${SITE}`],
  ])('refuses %s with 401', async (_, query) => {
    const response = await call(`/api/dms/segmentation/segments/list?${query}`)
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ error: 'invalid token' })
  })

  it.each([
    ['an unknown site', `site=9999&token=${TOKEN}`],
    ['no site', `token=${TOKEN}`],
  ])('answers %s with 404', async (_, query) => {
    const response = await call(`/api/dms/segmentation/segments/list?${query}`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: expect.any(String) })
  })

  it('answers 405 to other methods, 404 to other paths, and 500 to everything when failing', async () => {
    expect((await call(`/api/dms/segmentation/segments/list?site=${SITE}&token=${TOKEN}`, 'DELETE')).status).toBe(405)
    expect((await call(`/api/dms/segmentation/segments/details?site=${SITE}&token=${TOKEN}`)).status).toBe(404)
    const failing = createFakeCommandersAct({ segments, siteId: SITE, token: TOKEN, fail: true })
    expect((await call(`/api/dms/segmentation/segments/list?site=${SITE}&token=${TOKEN}`, 'GET', failing)).status).toBe(
      500,
    )
    expect((await call(`/api/dms/segmentation/segments?site=${SITE}&callback=cb`, 'GET', failing)).status).toBe(500)
  })

  it('waits the configured latency before answering', async () => {
    const slow = createFakeCommandersAct({ segments, siteId: SITE, token: TOKEN, latencyMs: 40 })
    const started = performance.now()
    await call(`/api/dms/segmentation/segments/list?site=${SITE}&token=${TOKEN}`, 'GET', slow)
    // 40 ms ± 25 % of jitter.
    expect(performance.now() - started).toBeGreaterThanOrEqual(28)
  })
})

describe('fake Commanders Act: GET /api/dms/segmentation/segments (JSONP)', () => {
  it('answers a visitor’s segment ids as /**/CB([...]); in JavaScript', async () => {
    const response = await call(
      `/api/dms/segmentation/segments?site=${SITE}&callback=myCallback_1&tcid=123456&token=${TOKEN}`,
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/javascript')
    const text = await response.text()
    expect(text).toBe(`/**/myCallback_1(${JSON.stringify(demoVisitorSegmentIds('123456', segments))});`)
    expect(parseJsonp(text).callback).toBe('myCallback_1')
  })

  it('answers an empty array without tcid (no cookie server side)', async () => {
    const response = await call(`/api/dms/segmentation/segments?site=${SITE}&callback=cb`)
    expect(await response.text()).toBe('/**/cb([]);')
  })

  it.each(['alert(1)//', 'a.b', 'cb%20x', ''])('refuses callback=%s with 400', async (callback) => {
    expect((await call(`/api/dms/segmentation/segments?site=${SITE}&callback=${callback}`)).status).toBe(400)
  })

  it('refuses a missing callback with 400', async () => {
    expect((await call(`/api/dms/segmentation/segments?site=${SITE}`)).status).toBe(400)
  })

  it('requires the right token with a tcid, and a tcid of digits', async () => {
    const base = `/api/dms/segmentation/segments?site=${SITE}&callback=cb`
    expect((await call(`${base}&tcid=42`)).status).toBe(401)
    expect((await call(`${base}&tcid=42&token=wrong`)).status).toBe(401)
    expect((await call(`${base}&tcid=abc&token=${TOKEN}`)).status).toBe(400)
    expect((await call(`/api/dms/segmentation/segments?site=1&callback=cb&tcid=42&token=${TOKEN}`)).status).toBe(404)
  })
})

describe('demoVisitorSegmentIds', () => {
  const tcids = Array.from({ length: 300 }, (_, i) => String(1_000_000 + i * 7919))
  const memberships = tcids.map((tcid) => demoVisitorSegmentIds(tcid, segments))

  it('is deterministic per tcid', () => {
    expect(demoVisitorSegmentIds('123456', segments)).toEqual(demoVisitorSegmentIds('123456', segments))
    expect(new Set(memberships.map((ids) => ids.join())).size).toBeGreaterThan(100)
  })

  it('gives 0 to 6 distinct listed ids, plus sometimes one deleted segment', () => {
    for (const ids of memberships) {
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids.filter((id) => listedIds.has(id)).length).toBeLessThanOrEqual(6)
      expect(ids.filter((id) => !listedIds.has(id)).length).toBeLessThanOrEqual(1)
      expect(ids.every((id) => /^[0-9A-F]{8}$/.test(id))).toBe(true)
    }
    expect(memberships.some((ids) => ids.length === 0)).toBe(true)
    expect(memberships.some((ids) => ids.filter((id) => listedIds.has(id)).length === 6)).toBe(true)
    expect(memberships.some((ids) => ids.some((id) => !listedIds.has(id)))).toBe(true)
  })

  it('copes with an empty segment list', () => {
    expect(demoVisitorSegmentIds('42', []).length).toBeLessThanOrEqual(1)
  })
})
