// Relative dates as people say them, in both languages.
import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatRelative, formatSpreadsheetDateTime } from '../../src/lib/format'

const NOW = Date.parse('2026-12-06T10:00:00Z')

describe.each([
  ['en', 'now', '3 months ago'],
  ['fr', 'maintenant', 'il y a 3 mois'],
])('formatRelative in %s', (locale, justNow, months) => {
  it('says a moment ago as "now", not "this minute"', () => {
    expect(formatRelative('2026-12-06T09:59:40Z', NOW, locale)).toBe(justNow)
  })

  it('says the largest whole unit', () => {
    expect(formatRelative('2026-09-05T10:00:00Z', NOW, locale)).toBe(months)
  })
})

describe('formatSpreadsheetDateTime', () => {
  it('writes the reader’s local date and time as a spreadsheet reads it', () => {
    expect(formatSpreadsheetDateTime(new Date(2026, 2, 1, 14, 5, 59).toISOString())).toBe('2026-03-01 14:05')
    expect(formatSpreadsheetDateTime(new Date(2026, 11, 31, 0, 0).toISOString())).toBe('2026-12-31 00:00')
  })

  it('keeps a date without a time as that date, which no time zone moves to the day before', () => {
    expect(formatSpreadsheetDateTime('2026-03-01')).toBe('2026-03-01')
  })

  it('keeps a value that is not a date as it is', () => {
    expect(formatSpreadsheetDateTime('not a date')).toBe('not a date')
  })
})

describe('a calendar day (a date without a time) west of UTC', () => {
  // The tests run west of UTC (vitest.config.ts).
  const [locale, french] = ['en-US', 'fr-FR']

  it('shows the day it names, not the evening before', () => {
    expect(formatDate('2024-12-10', locale)).toBe('Dec 10, 2024')
    expect(formatDate('2024-12-10', french)).toBe('10 déc. 2024')
  })

  it('gives no time on hover, since it has none', () => {
    expect(formatDateTime('2024-12-10', locale)).toBe('December 10, 2024')
    expect(formatDateTime('2024-12-10T20:00:00Z', locale)).toBe('December 10, 2024 at 12:00 PM')
  })

  it('counts its age from that day', () => {
    expect(formatRelative('2024-12-09', new Date(2024, 11, 10, 9).getTime(), locale)).toBe('yesterday')
  })
})
