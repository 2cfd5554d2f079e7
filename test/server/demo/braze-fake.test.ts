// The fake Braze API answers as Braze documents the real one, awkward parts included.
import { describe, it, expect } from 'vitest'
import { createFakeBraze } from '../../../src/server/demo/braze-fake'
import { generateDemoData, type DemoBrazeSegment } from '../../../src/server/demo/data'

const API_KEY = 'demo-braze-key-0123456789'
const NOW = new Date('2026-11-23T09:30:00.000Z')
const { braze: segments } = generateDemoData({ brazeCount: 250, commandersActCount: 0, seed: 3, now: NOW })
const handler = createFakeBraze({ segments, apiKey: API_KEY, now: () => NOW })

interface ListEntry {
  id: string
  name: string
  analytics_tracking_enabled: boolean
  tags?: (string | null)[]
}
interface ListBody {
  segments: ListEntry[]
  message: string
}
interface SeriesBody {
  message: string
  data: { time: string; size: number }[]
}

function call(path: string, init: { key?: string | null; method?: string } = {}, fake = handler) {
  const key = init.key === undefined ? API_KEY : init.key
  const headers: Record<string, string> = key === null ? {} : { Authorization: `Bearer ${key}` }
  return fake(new Request(`https://rest.demo.braze.test${path}`, { method: init.method ?? 'GET', headers }))
}

async function body<T>(response: Response): Promise<T> {
  return (await response.json()) as T
}

function find(test: (segment: DemoBrazeSegment) => boolean): DemoBrazeSegment {
  const segment = segments.find(test)
  if (!segment) throw new Error('The demo data lacks the case under test')
  return segment
}

describe('fake Braze: authentication, errors and headers', () => {
  it.each([
    ['a missing key', null],
    ['a wrong key', 'not-the-key'],
    ['a key in quotes', `"${API_KEY}"`],
  ])('refuses %s with 401 without echoing the key', async (_, key) => {
    const response = await call('/segments/list', { key })
    expect(response.status).toBe(401)
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({ message: expect.stringMatching(/^Invalid API key: /) })
    expect(text).not.toContain('not-the-key')
    expect(text).not.toContain(API_KEY)
  })

  it('answers unknown paths with 404 and other methods with 405', async () => {
    expect((await call('/segments/archive')).status).toBe(404)
    expect((await call('/users/export/ids')).status).toBe(404)
    const post = await call('/segments/list', { method: 'POST' })
    expect(post.status).toBe(405)
    expect(await body(post)).toEqual({ message: expect.any(String) })
  })

  it('fails every request with 500 when told to', async () => {
    const failing = createFakeBraze({ segments, apiKey: API_KEY, fail: true })
    for (const path of ['/segments/list', `/segments/details?segment_id=${segments[0]?.id}`]) {
      const response = await call(path, {}, failing)
      expect(response.status).toBe(500)
      expect(await body(response)).toEqual({ message: 'Internal Server Error' })
    }
  })

  it('sends JSON and the rate-limit headers on every response, remaining going down', async () => {
    const fake = createFakeBraze({ segments, apiKey: API_KEY, now: () => NOW })
    const first = await call('/segments/list', {}, fake)
    const second = await call('/segments/list', { key: 'wrong' }, fake)
    for (const response of [first, second]) {
      expect(response.headers.get('content-type')).toBe('application/json')
      expect(response.headers.get('x-ratelimit-limit')).toBe('250000')
      expect(response.headers.get('x-ratelimit-reset')).toBe(String(Date.parse('2026-11-23T10:00:00Z') / 1000))
    }
    expect(first.headers.get('x-ratelimit-remaining')).toBe('249999')
    expect(second.headers.get('x-ratelimit-remaining')).toBe('249998')
  })

  it('waits the configured latency before answering', async () => {
    const slow = createFakeBraze({ segments, apiKey: API_KEY, latencyMs: 40 })
    const started = performance.now()
    await call('/segments/list', {}, slow)
    // 40 ms ± 25 % of jitter.
    expect(performance.now() - started).toBeGreaterThanOrEqual(28)
  })

  it('stops waiting when the caller aborts, so no timer outlives a closed server', async () => {
    const slow = createFakeBraze({ segments, apiKey: API_KEY, latencyMs: 5000 })
    const caller = new AbortController()
    setTimeout(() => caller.abort(), 10)
    const started = performance.now()
    await slow(new Request('https://rest.demo.braze.test/segments/list', { signal: caller.signal }))
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('fake Braze: GET /segments/list', () => {
  it('pages by 100 from page 0, ends with a short page, then empty pages', async () => {
    const pages = await Promise.all(
      [0, 1, 2, 3, 99].map(async (page) => body<ListBody>(await call(`/segments/list?page=${page}`))),
    )
    expect(pages.map((page) => page.segments.length)).toEqual([100, 100, 50, 0, 0])
    expect(pages[3]).toEqual({ segments: [], message: 'success' })
    const ids = pages.flatMap((page) => page.segments.map((entry) => entry.id))
    expect(new Set(ids).size).toBe(250)
    expect((await body<ListBody>(await call('/segments/list'))).segments[0]?.id).toBe(pages[0]?.segments[0]?.id)
  })

  it('puts segments before message in the raw body, like some real answers', async () => {
    const text = await (await call('/segments/list?page=0')).text()
    expect(text.startsWith('{"segments":[')).toBe(true)
    expect(text.endsWith(',"message":"success"}')).toBe(true)
  })

  it('lists oldest first by default and newest first with sort_direction=desc', async () => {
    const asc = await body<ListBody>(await call('/segments/list?page=0&sort_direction=asc'))
    const desc = await body<ListBody>(await call('/segments/list?page=0&sort_direction=desc'))
    expect(asc.segments.slice(0, 3).map((entry) => entry.id)).toEqual(segments.slice(0, 3).map((s) => s.id))
    expect(desc.segments.slice(0, 3).map((entry) => entry.id)).toEqual(
      segments
        .slice(-3)
        .reverse()
        .map((s) => s.id),
    )
  })

  it('lists by creation time even when given segments out of order', async () => {
    const shuffled = [segments[2], segments[0], segments[1]].filter((s) => s !== undefined)
    const fake = createFakeBraze({ segments: shuffled, apiKey: API_KEY })
    const page = await body<ListBody>(await call('/segments/list', {}, fake))
    expect(page.segments.map((entry) => entry.id)).toEqual(segments.slice(0, 3).map((s) => s.id))
  })

  it('sends the four documented fields, omits tags for old accounts and keeps nulls', async () => {
    const entries = (
      await Promise.all([0, 1, 2].map(async (p) => body<ListBody>(await call(`/segments/list?page=${p}`))))
    ).flatMap((page) => page.segments)
    const byId = new Map(entries.map((entry) => [entry.id, entry]))
    const ordinary = segments[0]
    expect(byId.get(ordinary?.id ?? '')).toEqual({
      id: ordinary?.id,
      name: ordinary?.name,
      analytics_tracking_enabled: true,
      tags: ordinary?.tags,
    })
    const untagged = byId.get(find((s) => s.tags === undefined).id)
    expect(untagged).toBeDefined()
    expect(untagged).not.toHaveProperty('tags')
    expect(byId.get(find((s) => s.tags?.includes(null) === true).id)?.tags).toContain(null)
  })

  it.each(['-1', 'abc', '1.5', '', '0x1'])('refuses page=%s with 400', async (page) => {
    const response = await call(`/segments/list?page=${page}`)
    expect(response.status).toBe(400)
    expect(await body(response)).toEqual({ message: expect.any(String) })
  })

  it('refuses an unknown sort_direction with 400', async () => {
    expect((await call('/segments/list?sort_direction=newest')).status).toBe(400)
  })
})

describe('fake Braze: GET /segments/details', () => {
  it('answers with every field of a complete segment, message first', async () => {
    const segment = segments[0]
    const response = await call(`/segments/details?segment_id=${segment?.id}`)
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text.startsWith('{"message":"success",')).toBe(true)
    expect(JSON.parse(text)).toEqual({
      message: 'success',
      created_at: segment?.createdAt,
      updated_at: segment?.updatedAt,
      name: segment?.name,
      description: segment?.description,
      text_description: segment?.textDescription,
      tags: segment?.tags,
      teams: segment?.teams,
    })
  })

  it('omits text_description and teams for older workspaces', async () => {
    const older = find((s) => s.textDescription === undefined && s.teams === undefined)
    const details = await body<Record<string, unknown>>(await call(`/segments/details?segment_id=${older.id}`))
    expect(details).not.toHaveProperty('text_description')
    expect(details).not.toHaveProperty('teams')
    expect(details.message).toBe('success')
  })

  it('keeps a null text_description, drops null tags and sends [] when the list omits tags', async () => {
    const nullText = find((s) => s.textDescription === null)
    expect(await body(await call(`/segments/details?segment_id=${nullText.id}`))).toHaveProperty(
      'text_description',
      null,
    )
    const withNull = find((s) => s.tags?.includes(null) === true)
    const details = await body<{ tags: unknown[] }>(await call(`/segments/details?segment_id=${withNull.id}`))
    expect(details.tags).toEqual(withNull.tags?.filter((tag) => tag !== null))
    const untagged = find((s) => s.tags === undefined)
    expect(await body(await call(`/segments/details?segment_id=${untagged.id}`))).toHaveProperty('tags', [])
  })

  it.each([
    ['an unknown id', '?segment_id=00000000-0000-4000-8000-000000000000'],
    ['a missing id', ''],
  ])('answers %s with 400, not 404', async (_, query) => {
    const response = await call(`/segments/details${query}`)
    expect(response.status).toBe(400)
    expect(await body(response)).toEqual({ message: 'Invalid segment_id' })
  })

  it('requires the key here too', async () => {
    expect((await call(`/segments/details?segment_id=${segments[0]?.id}`, { key: 'wrong' })).status).toBe(401)
  })
})

describe('fake Braze: GET /segments/data_series', () => {
  const tracked = find((s) => s.analyticsTrackingEnabled && s.baseSize > 1000)
  const series = async (query: string) => call(`/segments/data_series?${query}`)

  it('answers N daily sizes ending at ending_at, with bare dates', async () => {
    const response = await series(`segment_id=${tracked.id}&length=3&ending_at=2026-03-02T12:00:00Z`)
    expect(response.status).toBe(200)
    const { message, data } = await body<SeriesBody>(response)
    expect(message).toBe('success')
    expect(data.map((point) => point.time)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02'])
  })

  it('ends today by default, and keeps the same size for the same day whatever the window', async () => {
    const { data: month } = await body<SeriesBody>(await series(`segment_id=${tracked.id}&length=30`))
    expect(month).toHaveLength(30)
    expect(month.at(-1)?.time).toBe('2026-11-23')
    const { data: week } = await body<SeriesBody>(
      await series(`segment_id=${tracked.id}&length=7&ending_at=2026-11-20`),
    )
    expect(week).toEqual(month.slice(-10, -3))
  })

  it('varies gently around the base size, and keeps an empty segment at 0', async () => {
    const { data } = await body<SeriesBody>(await series(`segment_id=${tracked.id}&length=100`))
    const sizes = data.map((point) => point.size)
    expect(new Set(sizes).size).toBeGreaterThan(10)
    expect(sizes.every((size) => Number.isInteger(size) && Math.abs(size / tracked.baseSize - 1) < 0.2)).toBe(true)
    const empty = find((s) => s.analyticsTrackingEnabled && s.baseSize === 0)
    const { data: zeros } = await body<SeriesBody>(await series(`segment_id=${empty.id}&length=5`))
    expect(zeros.map((point) => point.size)).toEqual([0, 0, 0, 0, 0])
  })

  it('answers no data for a segment without analytics tracking', async () => {
    const untracked = find((s) => !s.analyticsTrackingEnabled)
    expect(await body(await series(`segment_id=${untracked.id}&length=30`))).toEqual({ message: 'success', data: [] })
  })

  it.each(['', '&length=0', '&length=101', '&length=abc', '&length=-1', '&length=10&ending_at=yesterday'])(
    'refuses a bad length or ending_at (%s) with 400',
    async (query) => {
      const response = await series(`segment_id=${tracked.id}${query}`)
      expect(response.status).toBe(400)
      expect(await body(response)).toEqual({ message: expect.any(String) })
    },
  )

  it('accepts the bounds 1 and 100', async () => {
    expect((await body<SeriesBody>(await series(`segment_id=${tracked.id}&length=1`))).data).toHaveLength(1)
    expect((await body<SeriesBody>(await series(`segment_id=${tracked.id}&length=100`))).data).toHaveLength(100)
  })

  it('answers an unknown segment with 400', async () => {
    expect((await series('segment_id=nope&length=5')).status).toBe(400)
  })
})
