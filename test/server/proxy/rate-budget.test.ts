// The Braze budget as the proxy reads it: which headers count, and when the reserve holds calls back.
import { describe, expect, it } from 'vitest'
import { createRateBudget, readRateHeaders } from '../../../src/server/proxy/rate-budget'

describe('readRateHeaders', () => {
  it.each([
    ['plain integers', '120', '120'],
    ['surrounding spaces', ' 7 ', '7'],
    ['an HTTP date', 'Wed, 21 Oct 2015 07:28:00 GMT', undefined],
    ['a negative number', '-1', undefined],
    ['a fraction', '1.5', undefined],
    ['an exponent', '1e9', undefined],
    ['11 digits', '12345678901', undefined],
    ['markup', '<script>', undefined],
  ])('keeps %s or drops them', (_, raw, kept) => {
    const headers = new Headers({ 'Retry-After': raw, 'X-RateLimit-Remaining': raw })
    expect(readRateHeaders(headers)).toEqual(
      kept === undefined ? {} : { 'retry-after': kept, 'x-ratelimit-remaining': kept },
    )
  })
})

describe('createRateBudget', () => {
  const reading = (remaining: number, resetSeconds: number) => ({
    'x-ratelimit-limit': '1000',
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(resetSeconds),
  })

  it('holds calls from the moment the remainder reaches the reserve until the reset, then lets them through', () => {
    let nowMs = Date.parse('2026-11-23T10:59:00Z')
    const budget = createRateBudget({ percent: 10 }, () => nowMs)
    const reset = Date.parse('2026-11-23T11:00:00Z') / 1000
    budget.observe(200, reading(101, reset))
    expect(budget.hold()).toBeNull()
    budget.observe(200, reading(100, reset))
    expect(budget.hold()).toEqual({ retryAfterSeconds: 60, resumeAt: '2026-11-23T11:00:00.000Z' })
    nowMs += 59_500
    expect(budget.hold()).toEqual({ retryAfterSeconds: 1, resumeAt: '2026-11-23T11:00:00.000Z' })
    nowMs += 500
    expect(budget.hold()).toBeNull()
  })

  it('keeps the latest complete reading, ignoring answers without the three figures', () => {
    const nowMs = Date.parse('2026-11-23T10:00:00Z')
    const budget = createRateBudget({ calls: 5 }, () => nowMs)
    expect(budget.status()).toBeNull()
    budget.observe(200, reading(4, nowMs / 1000 + 30))
    budget.observe(200, { 'x-ratelimit-remaining': '900' })
    expect(budget.status()).toEqual({
      limit: 1000,
      remaining: 4,
      resetAt: '2026-11-23T10:00:30.000Z',
      reserve: 5,
      observedAt: '2026-11-23T10:00:00.000Z',
    })
    budget.observe(200, reading(900, nowMs / 1000 + 30))
    expect(budget.hold()).toBeNull()
  })

  it("takes a burst 429's figures for no reading: the last answer let through stays the budget", () => {
    const nowMs = Date.parse('2026-11-23T10:00:00Z')
    const budget = createRateBudget({ percent: 10 }, () => nowMs)
    budget.observe(200, reading(900, nowMs / 1000 + 3600))
    budget.observe(429, reading(0, nowMs / 1000 + 2))
    expect(budget.hold()).toBeNull()
    expect(budget.status()).toMatchObject({ remaining: 900, resetAt: '2026-11-23T11:00:00.000Z' })
  })

  it('counts the calls in flight as spent, until each comes back', () => {
    const nowMs = Date.parse('2026-11-23T10:00:00Z')
    const budget = createRateBudget({ calls: 5 }, () => nowMs)
    budget.observe(200, reading(8, nowMs / 1000 + 60))
    const back = [budget.sending(), budget.sending()]
    expect(budget.hold()).toBeNull()
    back.push(budget.sending())
    // 8 left, 3 on their way: the next call would take the budget below the reserve of 5.
    expect(budget.hold()).toEqual({ retryAfterSeconds: 60, resumeAt: '2026-11-23T10:01:00.000Z' })
    back[0]?.()
    back[0]?.()
    expect(budget.hold()).toBeNull()
    back.push(budget.sending())
    expect(budget.hold()).not.toBeNull()
  })
})
