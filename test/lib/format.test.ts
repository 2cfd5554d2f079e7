// Relative dates as people say them, in both languages.
import { describe, expect, it } from 'vitest'
import { formatRelative } from '../../src/lib/format'

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
