// Braze's shared budget: read from every answer, shown in /api/status, and a reserve kept for the company's production.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakeBraze } from '../../../src/server/demo/braze-fake'
import { generateDemoData } from '../../../src/server/demo/data'
import { held } from '../../held'
import { rawRequest, startPluginServer, startRecordingUpstream } from './start-proxy'

const DETAILS = '/api/braze/segments/details?segment_id=abc'
const SERIES = '/api/braze/segments/data_series?segment_id=abc&length=30'
const LIST = '/api/braze/segments/list'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.()
})

/** A Braze whose next answers report the budget the test sets, each after the wait the test queues for it, if any. */
async function brazeReporting(env: Record<string, string> = {}) {
  const budget = { limit: 1000, remaining: 900, resetSeconds: Math.ceil(Date.now() / 1000) + 600 }
  const waits: Promise<void>[] = []
  const upstream = await startRecordingUpstream(async () => {
    await waits.shift()
    return Response.json(
      { message: 'success' },
      {
        headers: {
          'X-RateLimit-Limit': String(budget.limit),
          'X-RateLimit-Remaining': String(budget.remaining),
          'X-RateLimit-Reset': String(budget.resetSeconds),
        },
      },
    )
  })
  cleanups.push(upstream.close)
  const proxy = await startPluginServer({ BRAZE_REST_ENDPOINT: upstream.url, BRAZE_API_KEY: 'k1', ...env })
  cleanups.push(proxy.close)
  return { budget, waits, upstream, base: proxy.base }
}

const statusOf = async (base: string) =>
  JSON.parse((await rawRequest(base, '/api/status')).text).providers.braze.rateLimit

describe('the reserve', () => {
  it('answers details and series itself once the budget left is at the reserve, until the reset', async () => {
    const { budget, upstream, base } = await brazeReporting()
    expect((await rawRequest(base, DETAILS)).status).toBe(200)
    budget.remaining = 100 // 10 % of 1000: the default reserve
    expect((await rawRequest(base, DETAILS)).status).toBe(200)
    upstream.received.length = 0

    for (const path of [DETAILS, SERIES]) {
      const res = await rawRequest(base, path)
      expect(res.status).toBe(429)
      const body = JSON.parse(res.text)
      expect(body).toEqual({
        error: 'budget_reserve',
        provider: 'braze',
        status: 429,
        retryAfterSeconds: expect.any(Number),
        resumeAt: new Date(budget.resetSeconds * 1000).toISOString(),
      })
      expect(body.retryAfterSeconds).toBeGreaterThan(590)
      expect(res.headers['retry-after']).toBe(String(body.retryAfterSeconds))
    }
    expect(upstream.received).toHaveLength(0)

    // A list costs little and is not held.
    expect((await rawRequest(base, LIST)).status).toBe(200)
    expect(upstream.received).toHaveLength(1)
  })

  it('lets calls through again once the reset has passed', async () => {
    const { budget, upstream, base } = await brazeReporting()
    budget.remaining = 0
    budget.resetSeconds = Math.floor(Date.now() / 1000) - 1
    await rawRequest(base, LIST)
    expect((await rawRequest(base, DETAILS)).status).toBe(200)
    expect(upstream.received).toHaveLength(2)
  })

  it.each([
    ['a number of calls', '50', 51, 50],
    ['a percentage', '25%', 251, 250],
  ])('reads BRAZE_RATE_RESERVE as %s', async (_, reserve, above, atReserve) => {
    const { budget, base } = await brazeReporting({ BRAZE_RATE_RESERVE: reserve })
    budget.remaining = above
    await rawRequest(base, LIST)
    expect((await rawRequest(base, DETAILS)).status).toBe(200)
    budget.remaining = atReserve
    await rawRequest(base, LIST)
    expect((await rawRequest(base, DETAILS)).status).toBe(429)
    expect((await statusOf(base)).reserve).toBe(atReserve)
  })

  it('counts the details and series calls still waiting for Braze as spent, so they cannot take the reserve', async () => {
    const { budget, waits, upstream, base } = await brazeReporting({ BRAZE_RATE_RESERVE: '5' })
    budget.remaining = 8
    expect((await rawRequest(base, DETAILS)).status).toBe(200)
    // Three calls on their way, their answers held back: 8 left minus 3 is the reserve.
    const gate = held()
    waits.push(gate.released, gate.released, gate.released)
    const inFlight = [DETAILS, SERIES, DETAILS].map((path) => rawRequest(base, path))
    await vi.waitFor(() => expect(upstream.received).toHaveLength(4))

    const next = await rawRequest(base, SERIES)
    expect(next.status).toBe(429)
    expect(JSON.parse(next.text).error).toBe('budget_reserve')
    expect(upstream.received).toHaveLength(4)

    // Their answers back with the same reading: nothing is on its way any more, and calls go again.
    gate.release()
    expect((await Promise.all(inFlight)).map((res) => res.status)).toEqual([200, 200, 200])
    expect((await rawRequest(base, DETAILS)).status).toBe(200)
    expect(upstream.received).toHaveLength(5)
  })

  it("takes a burst 429's figures for no budget: the next details call goes to Braze", async () => {
    const segment = generateDemoData({ brazeCount: 1, commandersActCount: 0 }).braze[0]
    // Every 2nd call refused with Remaining 0 and a reset 1–2 s ahead, long before the demo's 200 calls are spent.
    const braze = createFakeBraze({
      segments: segment ? [segment] : [],
      apiKey: 'k1',
      fail: 'rate-limit',
      failEvery: 2,
      rateLimit: 200,
    })
    const upstream = await startRecordingUpstream(braze)
    cleanups.push(upstream.close)
    const proxy = await startPluginServer({ BRAZE_REST_ENDPOINT: upstream.url, BRAZE_API_KEY: 'k1' })
    cleanups.push(proxy.close)
    const details = `/api/braze/segments/details?segment_id=${segment?.id ?? ''}`

    expect((await rawRequest(proxy.base, details)).status).toBe(200)
    const reading = await statusOf(proxy.base)
    expect(reading).toMatchObject({ limit: 200, remaining: 199, reserve: 20 })
    const limited = await rawRequest(proxy.base, details)
    expect(limited.status).toBe(429)
    expect(JSON.parse(limited.text)).toMatchObject({ error: 'rate_limited', retryAfterSeconds: expect.any(Number) })
    expect(await statusOf(proxy.base)).toEqual(reading)

    expect((await rawRequest(proxy.base, details)).status).toBe(200)
    expect(upstream.received).toHaveLength(3)
  })

  it('refuses to start with a reserve it cannot read', async () => {
    await expect(
      startPluginServer({ BRAZE_REST_ENDPOINT: 'http://127.0.0.1:9', BRAZE_API_KEY: 'k1', BRAZE_RATE_RESERVE: 'lots' }),
    ).rejects.toThrow(/BRAZE_RATE_RESERVE/)
  })
})

describe('/api/status', () => {
  it('reports no budget before any Braze answer, then the latest one with the reserve', async () => {
    const { budget, base } = await brazeReporting()
    expect(await statusOf(base)).toBeNull()
    const before = Date.now()
    await rawRequest(base, LIST)
    budget.remaining = 899
    await rawRequest(base, LIST)
    const status = await statusOf(base)
    expect(status).toEqual({
      limit: 1000,
      remaining: 899,
      resetAt: new Date(budget.resetSeconds * 1000).toISOString(),
      reserve: 100,
      observedAt: expect.any(String),
    })
    expect(Date.parse(status.observedAt)).toBeGreaterThanOrEqual(before - 1000)
  })
})
