// The liberal ISO 8601 reader: every form Braze may send is one instant or a calendar day; anything else is unreadable.
import { describe, expect, it } from 'vitest'
import { dateValue, isCalendarDay, normaliseIsoDate } from '../../src/lib/iso-date'

describe('normaliseIsoDate', () => {
  it.each([
    ['2021-03-18T10:00:00+0200', '2021-03-18T08:00:00.000Z'],
    ['2021-03-18T10:00:00+02:00', '2021-03-18T08:00:00.000Z'],
    ['2021-03-18T10:00:00-05', '2021-03-18T15:00:00.000Z'],
    ['2021-03-18', '2021-03-18T00:00:00.000Z'],
    ['2021-03-18 10:00:00', '2021-03-18T10:00:00.000Z'],
    ['2021-03-18T10:00:00.1234567Z', '2021-03-18T10:00:00.123Z'],
    ['2021-03-18T10:00:00.5Z', '2021-03-18T10:00:00.500Z'],
    ['2021-03-18T10:00Z', '2021-03-18T10:00:00.000Z'],
    ['2021-03-18t10:00:00z', '2021-03-18T10:00:00.000Z'],
  ])('reads %s', (text, instant) => {
    expect(normaliseIsoDate(text)).toBe(instant)
  })

  it.each(['not a date', '', '2021-02-31', '2021-13-01', '18/03/2021', '2021-03-18T25:00:00Z', '1616061600'])(
    'calls %j unreadable',
    (text) => {
      expect(normaliseIsoDate(text)).toBeUndefined()
    },
  )
})

describe('a calendar day (a date without a time)', () => {
  // The tests run west of UTC (vitest.config.ts), where Date.parse would move such a day to the evening before.
  it.each(['2024-12-10', '2024-02-29'])('knows %s for a day', (text) => {
    expect(isCalendarDay(text)).toBe(true)
  })

  it.each(['2024-12-10T00:00:00Z', '2023-02-29', '2024-12-10 ', 'not a date'])('knows %j is not one', (text) => {
    expect(isCalendarDay(text)).toBe(false)
  })

  it('is that day in the reader’s time zone, where an instant stays the instant it names', () => {
    const day = new Date(dateValue('2024-12-10'))
    expect([day.getFullYear(), day.getMonth(), day.getDate(), day.getHours()]).toEqual([2024, 11, 10, 0])
    expect(dateValue('2024-12-10T00:00:00Z')).toBe(Date.UTC(2024, 11, 10))
    expect(dateValue('not a date')).toBeNaN()
  })
})
