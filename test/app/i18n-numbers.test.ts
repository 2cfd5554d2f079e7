// The numbers in the interface's strings: the same text as Intl gives in each language, formatted without a new
// Intl.NumberFormat for every count (i18next's own made one per call's values, tens on the Audit page as it loads).
import i18next from 'i18next'
import { afterEach, describe, expect, it } from 'vitest'

const { NumberFormat } = Intl
afterEach(() => {
  Intl.NumberFormat = NumberFormat
})

/** Counts the Intl.NumberFormat made from now on. */
function countNumberFormats(): { made: number } {
  const counted = { made: 0 }
  Intl.NumberFormat = new Proxy(NumberFormat, {
    construct: (target, args: Parameters<typeof NumberFormat>) => {
      counted.made += 1
      return new target(...args)
    },
  })
  return counted
}

const COUNTS = Array.from({ length: 200 }, (_, index) => 1_000 + index * 997)

describe('numbers in translated strings', () => {
  it('reads as Intl writes them, in English and French, with one number format per language', () => {
    const expected = COUNTS.map((count) => [
      `Reviewed <strong>${new Intl.NumberFormat('en').format(count)}</strong> of 12,000`,
      `<strong>${new Intl.NumberFormat('fr').format(count)}</strong> segments revus sur ${new Intl.NumberFormat('fr').format(12_000)}`,
    ])
    const formats = countNumberFormats()
    const english = i18next.getFixedT('en', 'common')
    const french = i18next.getFixedT('fr', 'common')

    const said = COUNTS.map((count) => [
      english('reviewedCount', { count, total: 12_000 }),
      french('reviewedCount', { count, total: 12_000 }),
    ])

    expect(said).toEqual(expected)
    expect(formats.made).toBeLessThanOrEqual(2)
  })
})
