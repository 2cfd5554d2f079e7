// Relative dates as people say them, in both languages.
import { describe, expect, it } from 'vitest'
import { formatRelative, formatSpreadsheetDateTime } from '../../src/lib/format'

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

  it('keeps a value that is not a date as it is', () => {
    expect(formatSpreadsheetDateTime('not a date')).toBe('not a date')
  })
})
