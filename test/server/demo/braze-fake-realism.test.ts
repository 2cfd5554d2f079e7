// The fake Braze mimics the real one where it hurts: spent budget, 429 bursts, missing permissions, odd rows and dates.
import { describe, expect, it } from 'vitest'
import { createFakeBraze, type FakeBrazeOptions } from '../../../src/server/demo/braze-fake'
import { generateDemoData, type DemoBrazeSegment } from '../../../src/server/demo/data'
import { jitter } from '../../../src/server/demo/fake-http'

const API_KEY = 'demo-braze-key-0123456789'
const { braze: segments } = generateDemoData({ brazeCount: 60, commandersActCount: 0, seed: 11 })

function fake(options: Partial<FakeBrazeOptions> = {}) {
  const handler = createFakeBraze({ segments, apiKey: API_KEY, ...options })
  return (path: string) =>
    handler(new Request(`https://rest.demo.braze.test${path}`, { headers: { Authorization: `Bearer ${API_KEY}` } }))
}

const rateHeaders = (response: Response) =>
  ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after'].map((name) =>
    response.headers.get(name),
  )

function withQuirk(test: (segment: DemoBrazeSegment) => boolean): DemoBrazeSegment {
  const segment = segments.find(test)
  if (!segment) throw new Error('The demo data lacks the case under test')
  return segment
}

describe('the budget', () => {
  it('spends one call per answer, then answers 429 "Rate Limited" with no Retry-After until the window ends', async () => {
    let now = new Date('2026-11-23T10:00:30Z')
    const call = fake({ rateLimit: 3, rateWindowSeconds: 60, now: () => now })
    const reset = String(Date.parse('2026-11-23T10:01:00Z') / 1000)
    const answers = [await call('/segments/list'), await call('/segments/list'), await call('/segments/list')]
    expect(answers.map(rateHeaders)).toEqual(['2', '1', '0'].map((remaining) => ['3', remaining, reset, null]))
    const refused = await call('/segments/list')
    expect(refused.status).toBe(429)
    expect(await refused.json()).toEqual({ message: 'Rate Limited' })
    expect(rateHeaders(refused)).toEqual(['3', '0', reset, null])

    now = new Date('2026-11-23T10:01:00Z')
    const refilled = await call('/segments/list')
    expect(refilled.status).toBe(200)
    expect(rateHeaders(refilled)).toEqual(['3', '2', String(Date.parse('2026-11-23T10:02:00Z') / 1000), null])
  })
})

describe('failures on demand', () => {
  it('answers 429 on every Nth call, its reset 1–2 s ahead and no Retry-After', async () => {
    const now = new Date('2026-11-23T10:00:30.400Z')
    const call = fake({ fail: 'rate-limit', failEvery: 3, now: () => now })
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) {
      const response = await call('/segments/list')
      statuses.push(response.status)
      if (response.status !== 429) continue
      expect(await response.json()).toEqual({ message: 'Rate Limited' })
      const [, remaining, reset, retryAfter] = rateHeaders(response)
      expect([remaining, retryAfter]).toEqual(['0', null])
      const ahead = Number(reset) * 1000 - now.getTime()
      expect(ahead).toBeGreaterThanOrEqual(1000)
      expect(ahead).toBeLessThanOrEqual(2000)
    }
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429, 200])
  })

  it('answers 403 "Access Denied" on details and series for a key without those permissions', async () => {
    const call = fake({ fail: 'permission' })
    const id = segments[0]?.id ?? ''
    for (const path of [`/segments/details?segment_id=${id}`, `/segments/data_series?segment_id=${id}&length=7`]) {
      const response = await call(path)
      expect(response.status).toBe(403)
      expect(await response.json()).toEqual({ message: 'Access Denied' })
    }
    expect((await call('/segments/list')).status).toBe(200)
  })
})

describe('odd answers, at fixed places in the data', () => {
  it('lists a row without a name, one with "true" for the tracking flag, and one with an unknown field', async () => {
    const rows = ((await (await fake()('/segments/list')).json()) as { segments: Record<string, unknown>[] }).segments
    const row = (segment: DemoBrazeSegment) => rows.find((entry) => entry.id === segment.id)
    expect(row(withQuirk((s) => s.listQuirk === 'no-name'))).not.toHaveProperty('name')
    const stringFlag = withQuirk((s) => s.listQuirk === 'tracking-as-string')
    expect(row(stringFlag)?.analytics_tracking_enabled).toBe(String(stringFlag.analyticsTrackingEnabled))
    expect(Object.keys(row(withQuirk((s) => s.listQuirk === 'extra-field')) ?? {})).toContain('created_by')
    expect(
      rows.filter((entry) => typeof entry.name !== 'string' || typeof entry.analytics_tracking_enabled !== 'boolean'),
    ).toHaveLength(2)
  })

  it.each([
    ['offset-without-colon', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0200$/, true],
    ['date-only', /^\d{4}-\d\d-\d\d$/, false],
    ['space-separated', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/, false],
    ['long-fraction', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/, false],
  ] as const)('sends details dates %s', async (form, pattern, sameInstant) => {
    const segment = withQuirk((s) => s.dateForm === form)
    const details = (await (await fake()(`/segments/details?segment_id=${segment.id}`)).json()) as Record<
      string,
      string
    >
    expect(details.created_at).toMatch(pattern)
    expect(details.updated_at).toMatch(pattern)
    if (sameInstant)
      expect(Date.parse(details.created_at?.replace(/(\d\d)(\d\d)$/, '$1:$2') ?? '')).toBe(
        Date.parse(segment.createdAt),
      )
  })

  it('sends one detail whose update date is not a date, the rest intact', async () => {
    const segment = withQuirk((s) => s.dateForm === 'unreadable')
    const details = (await (await fake()(`/segments/details?segment_id=${segment.id}`)).json()) as Record<
      string,
      string
    >
    expect(details).toMatchObject({
      message: 'success',
      updated_at: 'not a date',
      created_at: segment.createdAt,
      name: segment.name,
    })
  })
})

describe('latency', () => {
  it.each([
    [0, 75],
    [0.5, 100],
    [0.999_999, 125],
  ])('varies ±25 %% around the mean (draw %f of 100 ms → %i ms)', (draw, expected) => {
    expect(jitter(100, () => draw)).toBe(expected)
  })
})
