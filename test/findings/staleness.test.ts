// Staleness: the local cutoff day N months back (short months clamped), the YYYY-MM-DD form, and
// "updated strictly before". Dates are built with local constructors so every case holds in any time
// zone (also run with TZ=Pacific/Auckland).
import { describe, expect, it } from 'vitest'
import { isUpdatedBefore, parseDateParam, staleCutoff, toDateParam } from '../../src/findings/staleness'

describe('staleCutoff', () => {
  it.each([
    {
      what: '12 months back, the same day',
      now: new Date(2025, 5, 15, 14, 30),
      months: 12,
      expected: new Date(2024, 5, 15),
    },
    { what: '1 month back across a year', now: new Date(2025, 0, 15, 9), months: 1, expected: new Date(2024, 11, 15) },
    { what: '3 months back across a year', now: new Date(2025, 1, 10), months: 3, expected: new Date(2024, 10, 10) },
    { what: '24 months back', now: new Date(2025, 6, 1, 0, 0, 1), months: 24, expected: new Date(2023, 6, 1) },
    { what: '36 months back', now: new Date(2026, 10, 1), months: 36, expected: new Date(2023, 10, 1) },
    {
      what: '31 March − 1 month in a leap year → 29 February',
      now: new Date(2024, 2, 31, 12),
      months: 1,
      expected: new Date(2024, 1, 29),
    },
    {
      what: '31 March − 1 month otherwise → 28 February',
      now: new Date(2025, 2, 31, 12),
      months: 1,
      expected: new Date(2025, 1, 28),
    },
    {
      what: '31 March − 13 months → 29 February of the leap year before',
      now: new Date(2025, 2, 31),
      months: 13,
      expected: new Date(2024, 1, 29),
    },
    {
      what: '29 February − 12 months → 28 February',
      now: new Date(2024, 1, 29, 23, 59),
      months: 12,
      expected: new Date(2023, 1, 28),
    },
    { what: '31 May − 1 month → 30 April', now: new Date(2025, 4, 31), months: 1, expected: new Date(2025, 3, 30) },
    {
      what: '31 December − 12 months → 31 December',
      now: new Date(2025, 11, 31, 23, 59, 59, 999),
      months: 12,
      expected: new Date(2024, 11, 31),
    },
    {
      what: '30 April − 2 months → 28 February, not 2 March',
      now: new Date(2025, 3, 30),
      months: 2,
      expected: new Date(2025, 1, 28),
    },
    {
      what: '0 months → today at midnight',
      now: new Date(2025, 5, 15, 18, 45, 12, 345),
      months: 0,
      expected: new Date(2025, 5, 15),
    },
  ])('$what', ({ now, months, expected }) => {
    const cutoff = staleCutoff(now, months)
    expect(cutoff.getTime()).toBe(expected.getTime())
    expect(toDateParam(cutoff)).toBe(toDateParam(expected))
  })

  it('is local midnight whatever the time of day', () => {
    for (const hour of [0, 1, 12, 23]) {
      const cutoff = staleCutoff(new Date(2025, 5, 15, hour, 59, 59, 999), 12)
      expect([cutoff.getHours(), cutoff.getMinutes(), cutoff.getSeconds(), cutoff.getMilliseconds()]).toEqual([
        0, 0, 0, 0,
      ])
      expect(toDateParam(cutoff)).toBe('2024-06-15')
    }
  })

  it('does not change the date it is given', () => {
    const now = new Date(2025, 2, 31, 12)
    staleCutoff(now, 1)
    expect(now.getTime()).toBe(new Date(2025, 2, 31, 12).getTime())
  })
})

describe('toDateParam', () => {
  it.each([
    { date: new Date(2025, 0, 5), expected: '2025-01-05' },
    { date: new Date(2024, 1, 29, 23, 59, 59, 999), expected: '2024-02-29' },
    { date: new Date(2025, 11, 31, 0, 0, 0, 1), expected: '2025-12-31' },
    { date: new Date(2025, 9, 10, 12), expected: '2025-10-10' },
  ])('writes the local calendar day: $expected', ({ date, expected }) => {
    expect(toDateParam(date)).toBe(expected)
  })
})

describe('parseDateParam', () => {
  it.each([
    { value: '2025-01-05', expected: new Date(2025, 0, 5) },
    { value: '2024-02-29', expected: new Date(2024, 1, 29) },
    { value: '2025-12-31', expected: new Date(2025, 11, 31) },
    { value: '1999-07-01', expected: new Date(1999, 6, 1) },
  ])('reads $value as local midnight', ({ value, expected }) => {
    expect(parseDateParam(value)?.getTime()).toBe(expected.getTime())
  })

  it.each([
    { what: 'a 30 February', value: '2025-02-30' },
    { what: 'a 29 February outside a leap year', value: '2023-02-29' },
    { what: 'a 31 April', value: '2025-04-31' },
    { what: 'month 13', value: '2025-13-01' },
    { what: 'month 0', value: '2025-00-10' },
    { what: 'day 0', value: '2025-01-00' },
    { what: 'day 32', value: '2025-01-32' },
    { what: 'unpadded numbers', value: '2025-1-5' },
    { what: 'a French date', value: '05/01/2025' },
    { what: 'a timestamp', value: '2025-01-05T00:00:00Z' },
    { what: 'a space before', value: ' 2025-01-05' },
    { what: 'a space after', value: '2025-01-05 ' },
    { what: 'slashes', value: '2025/01/05' },
    { what: 'a word', value: 'yesterday' },
    { what: 'an empty value', value: '' },
    { what: 'no value', value: null },
  ])('refuses $what: $value', ({ value }) => {
    expect(parseDateParam(value)).toBeUndefined()
  })

  it.each(['2025-01-05', '2024-02-29', '2025-12-31', '2026-03-29', '2025-10-26', '2025-04-06', '2025-09-28'])(
    'round-trips %s',
    (value) => {
      const parsed = parseDateParam(value)
      expect(parsed).toBeDefined()
      if (parsed) expect(toDateParam(parsed)).toBe(value)
    },
  )

  it('round-trips every day of a leap year', () => {
    for (
      let day = new Date(2024, 0, 1);
      day.getFullYear() === 2024;
      day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1)
    ) {
      const value = toDateParam(day)
      expect(parseDateParam(value)?.getTime(), value).toBe(day.getTime())
    }
  })
})

describe('isUpdatedBefore', () => {
  const cutoff = new Date(2024, 5, 15)
  const shifted = (milliseconds: number) => new Date(cutoff.getTime() + milliseconds).toISOString()

  it.each([
    { what: 'exactly at the cutoff', updatedAt: shifted(0), expected: false },
    { what: '1 ms before the cutoff', updatedAt: shifted(-1), expected: true },
    { what: '1 ms after the cutoff', updatedAt: shifted(1), expected: false },
    { what: 'a year before', updatedAt: new Date(2023, 5, 15).toISOString(), expected: true },
    { what: 'the evening before (local)', updatedAt: new Date(2024, 5, 14, 23, 59, 59).toISOString(), expected: true },
    { what: 'the same day, later (local)', updatedAt: new Date(2024, 5, 15, 8).toISOString(), expected: false },
  ])('$what → $expected', ({ updatedAt, expected }) => {
    expect(isUpdatedBefore(updatedAt, cutoff)).toBe(expected)
  })

  it.each([
    { what: 'no date', updatedAt: undefined },
    { what: 'an empty date', updatedAt: '' },
    { what: 'a word', updatedAt: 'never' },
    { what: 'an impossible month', updatedAt: '2020-13-45T00:00:00Z' },
  ])('never calls $what stale', ({ updatedAt }) => {
    expect(isUpdatedBefore(updatedAt, new Date(2100, 0, 1))).toBe(false)
  })

  describe('with offsets, by the instant they name', () => {
    const utcCutoff = new Date('2024-01-15T00:00:00.000Z')
    it.each([
      { updatedAt: '2024-01-15T00:00:00Z', expected: false },
      { updatedAt: '2024-01-15T00:00:00.000+00:00', expected: false },
      { updatedAt: '2024-01-14T23:59:59.999Z', expected: true },
      // 01:00 in Paris in winter is still 14 January in UTC.
      { updatedAt: '2024-01-15T01:00:00+01:00', expected: false },
      { updatedAt: '2024-01-15T00:59:59.999+01:00', expected: true },
      { updatedAt: '2024-01-15T01:00:00+02:00', expected: true },
      // 19:00 in New York on the 14th is already the 15th in UTC.
      { updatedAt: '2024-01-14T19:00:00-05:00', expected: false },
      { updatedAt: '2024-01-14T18:59:59-05:00', expected: true },
      { updatedAt: '2024-01-15T13:00:00+13:00', expected: false },
      { updatedAt: '2024-01-15T12:59:59+13:00', expected: true },
    ])('$updatedAt → $expected', ({ updatedAt, expected }) => {
      expect(isUpdatedBefore(updatedAt, utcCutoff)).toBe(expected)
    })
  })

  it('with staleCutoff: updated on the cutoff day is recent, the day before is stale', () => {
    const cutoff12 = staleCutoff(new Date(2025, 2, 31, 10), 12)
    expect(isUpdatedBefore(new Date(2024, 2, 31, 0, 0, 0, 0).toISOString(), cutoff12)).toBe(false)
    expect(isUpdatedBefore(new Date(2024, 2, 30, 23, 59, 59, 999).toISOString(), cutoff12)).toBe(true)
  })

  describe('a calendar day (Braze sent a date without a time), by the day it names, as shown', () => {
    // The tests run west of UTC (vitest.config.ts), where UTC midnight of the day is the evening before.
    it('updated on the cutoff day is recent, the day before is stale', () => {
      const cutoff12 = staleCutoff(new Date(2025, 11, 10, 10), 12)
      expect(isUpdatedBefore('2024-12-10', cutoff12)).toBe(false)
      expect(isUpdatedBefore('2024-12-09', cutoff12)).toBe(true)
    })
  })
})
