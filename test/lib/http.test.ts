// fetchWithRetry and its pure helpers: what a 429 waits for, how many times a 5xx is retried, and aborts.
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  backoffDelay,
  defaultRetryPolicy,
  fetchWithRetry,
  parseRateLimitReset,
  parseRetryAfter,
  rateLimitDelay,
  type RetryPolicy,
} from '../../src/lib/http'

const NOW = Date.parse('2026-11-01T10:00:00.000Z')
const URL_UNDER_TEST = 'http://localhost/api/test'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** A policy whose waits are recorded instead of slept, with no jitter and a fixed clock. */
function recordingPolicy(overrides: Partial<RetryPolicy> = {}) {
  const waits: number[] = []
  const policy: Partial<RetryPolicy> = {
    sleep: async (ms) => {
      waits.push(ms)
    },
    random: () => 0.5,
    now: () => NOW,
    ...overrides,
  }
  return { waits, policy }
}

/** Answers with `responses` in turn (the last one repeats) and counts the requests. */
function answerInTurn(...responses: (() => Response)[]) {
  const counter = { requests: 0 }
  server.use(
    http.get(URL_UNDER_TEST, () => {
      const respond = responses[Math.min(counter.requests, responses.length - 1)]
      counter.requests += 1
      return respond?.()
    }),
  )
  return counter
}

const ok = () => HttpResponse.json({ message: 'success' })
const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    HttpResponse.json({ message: `status ${code}` }, { status: code, headers })

describe('parseRetryAfter', () => {
  it.each([
    { header: '120', expected: 120_000 },
    { header: '0', expected: 0 },
    { header: ' 1.5 ', expected: 1_500 },
    { header: 'Sun, 01 Nov 2026 10:00:30 GMT', expected: 30_000 },
    { header: 'Sun, 01 Nov 2026 09:59:00 GMT', expected: 0 },
    { header: 'soon', expected: undefined },
    { header: '-5', expected: undefined },
    { header: undefined, expected: undefined },
  ])('Retry-After $header → $expected ms', ({ header, expected }) => {
    const headers = new Headers(header === undefined ? {} : { 'Retry-After': header })
    expect(parseRetryAfter(headers, NOW)).toBe(expected)
  })
})

describe('parseRateLimitReset', () => {
  it.each([
    { header: String(NOW / 1000 + 45), expected: 45_000 },
    { header: String(NOW / 1000 - 10), expected: undefined },
    { header: 'next hour', expected: undefined },
    { header: undefined, expected: undefined },
  ])('X-RateLimit-Reset $header → $expected ms', ({ header, expected }) => {
    const headers = new Headers(header === undefined ? {} : { 'X-RateLimit-Reset': header })
    expect(parseRateLimitReset(headers, NOW)).toBe(expected)
  })
})

describe('rateLimitDelay', () => {
  const policy: RetryPolicy = { ...defaultRetryPolicy, random: () => 0.5, now: () => NOW }
  it.each<{ name: string; headers: Record<string, string>; attempt: number; expected: number }>([
    {
      name: 'Retry-After wins over X-RateLimit-Reset',
      headers: { 'Retry-After': '7', 'X-RateLimit-Reset': String(NOW / 1000 + 30) },
      attempt: 0,
      expected: 7_000,
    },
    {
      name: 'X-RateLimit-Reset when Retry-After is absent',
      headers: { 'X-RateLimit-Reset': String(NOW / 1000 + 30) },
      attempt: 0,
      expected: 30_000,
    },
    { name: 'default backoff when neither is present', headers: {}, attempt: 0, expected: 2_000 },
    { name: 'default backoff doubles', headers: {}, attempt: 2, expected: 8_000 },
    { name: 'a long Retry-After is capped', headers: { 'Retry-After': '3600' }, attempt: 0, expected: 60_000 },
    {
      name: 'the top of the next hour is capped',
      headers: { 'X-RateLimit-Reset': String(NOW / 1000 + 3000) },
      attempt: 0,
      expected: 60_000,
    },
  ])('$name', ({ headers, attempt, expected }) => {
    expect(rateLimitDelay(new Headers(headers), attempt, policy)).toBe(expected)
  })

  it('takes its cap from the policy', () => {
    const headers = new Headers({ 'Retry-After': '3600' })
    expect(rateLimitDelay(headers, 0, { ...policy, maxRateLimitWaitMs: 5_000 })).toBe(5_000)
  })
})

describe('backoffDelay', () => {
  it.each([
    { attempt: 0, random: 0.5, expected: 300 },
    { attempt: 1, random: 0.5, expected: 600 },
    { attempt: 3, random: 0.5, expected: 2_400 },
    { attempt: 6, random: 0.5, expected: 5_000 },
    { attempt: 1, random: 0, expected: 450 },
    { attempt: 1, random: 1, expected: 750 },
  ])('attempt $attempt, random $random → $expected ms', ({ attempt, random, expected }) => {
    expect(backoffDelay(attempt, 300, 5_000, 0.25, () => random)).toBe(expected)
  })
})

describe('fetchWithRetry', () => {
  it('waits as Retry-After asks after a 429, tells the caller, then returns the success', async () => {
    const counter = answerInTurn(status(429, { 'Retry-After': '2' }), ok)
    const { waits, policy } = recordingPolicy()
    const onRateLimited = vi.fn()
    const response = await fetchWithRetry(URL_UNDER_TEST, { retry: policy, onRateLimited })
    expect(response.status).toBe(200)
    expect(counter.requests).toBe(2)
    expect(waits).toEqual([2_000])
    // With the 429 itself, whose body says whose wait it is (Braze's, or the proxy's hold of the reserve).
    expect(onRateLimited).toHaveBeenCalledWith(2_000, expect.objectContaining({ status: 429 }))
  })

  it('waits until X-RateLimit-Reset after a 429 without Retry-After', async () => {
    answerInTurn(status(429, { 'X-RateLimit-Reset': String(NOW / 1000 + 12) }), ok)
    const { waits, policy } = recordingPolicy()
    expect((await fetchWithRetry(URL_UNDER_TEST, { retry: policy })).status).toBe(200)
    expect(waits).toEqual([12_000])
  })

  it('returns the 429 once its own retry budget is spent', async () => {
    const counter = answerInTurn(status(429))
    const { waits, policy } = recordingPolicy({ maxRateLimitRetries: 2 })
    expect((await fetchWithRetry(URL_UNDER_TEST, { retry: policy })).status).toBe(429)
    expect(counter.requests).toBe(3)
    expect(waits).toEqual([2_000, 4_000])
  })

  it('retries a 5xx with exponential backoff and succeeds', async () => {
    const counter = answerInTurn(status(500), status(502), ok)
    const { waits, policy } = recordingPolicy()
    expect((await fetchWithRetry(URL_UNDER_TEST, { retry: policy })).status).toBe(200)
    expect(counter.requests).toBe(3)
    expect(waits).toEqual([300, 600])
  })

  it('gives up after 4 retries of a 5xx and returns the last answer', async () => {
    const counter = answerInTurn(status(503))
    const { waits, policy } = recordingPolicy()
    const response = await fetchWithRetry(URL_UNDER_TEST, { retry: policy })
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ message: 'status 503' })
    expect(counter.requests).toBe(5)
    expect(waits).toEqual([300, 600, 1_200, 2_400])
  })

  it.each([400, 401, 403, 404])('returns a %i at once, without retrying', async (code) => {
    const counter = answerInTurn(status(code), ok)
    const { waits, policy } = recordingPolicy()
    expect((await fetchWithRetry(URL_UNDER_TEST, { retry: policy })).status).toBe(code)
    expect(counter.requests).toBe(1)
    expect(waits).toEqual([])
  })

  it('does not retry what the policy calls final', async () => {
    const counter = answerInTurn(status(503), ok)
    const { policy } = recordingPolicy({ isRetryable: () => false })
    expect((await fetchWithRetry(URL_UNDER_TEST, { retry: policy })).status).toBe(503)
    expect(counter.requests).toBe(1)
  })

  it('retries a network error, then succeeds', async () => {
    const counter = answerInTurn(() => HttpResponse.error(), ok)
    const { waits, policy } = recordingPolicy()
    expect((await fetchWithRetry(URL_UNDER_TEST, { retry: policy })).status).toBe(200)
    expect(counter.requests).toBe(2)
    expect(waits).toEqual([300])
  })

  it('throws the network error after 4 retries', async () => {
    const counter = answerInTurn(() => HttpResponse.error())
    const { policy } = recordingPolicy()
    await expect(fetchWithRetry(URL_UNDER_TEST, { retry: policy })).rejects.toBeInstanceOf(TypeError)
    expect(counter.requests).toBe(5)
  })

  it('stops waiting as soon as the signal aborts (real sleep)', async () => {
    const counter = answerInTurn(status(429, { 'Retry-After': '30' }), ok)
    const controller = new AbortController()
    const started = Date.now()
    const request = fetchWithRetry(URL_UNDER_TEST, {
      signal: controller.signal,
      onRateLimited: () => setTimeout(() => controller.abort(), 10),
    })
    await expect(request).rejects.toMatchObject({ name: 'AbortError' })
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(counter.requests).toBe(1)
  })

  it('does not start when the signal is already aborted', async () => {
    const counter = answerInTurn(ok)
    await expect(fetchWithRetry(URL_UNDER_TEST, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    })
    expect(counter.requests).toBe(0)
  })
})
