// A date typed as each language writes it, read back to the ISO day; anything that is not a calendar day refused.
import { describe, expect, it } from 'vitest'
import { formatDateInput, parseDateInput } from '../../src/lib/date-input'

describe('parseDateInput', () => {
  it.each([
    { locale: 'fr', typed: '31/12/2025', iso: '2025-12-31' },
    { locale: 'fr', typed: '1/6/2025', iso: '2025-06-01' },
    { locale: 'fr', typed: ' 01.06.2025 ', iso: '2025-06-01' },
    { locale: 'fr', typed: '01-06-2025', iso: '2025-06-01' },
    { locale: 'fr', typed: '29/02/2024', iso: '2024-02-29' },
    { locale: 'en', typed: '12/31/2025', iso: '2025-12-31' },
    { locale: 'en', typed: '6/1/2025', iso: '2025-06-01' },
    // An ISO day reads the same in every language.
    { locale: 'fr', typed: '2025-06-01', iso: '2025-06-01' },
    { locale: 'en', typed: '2025-06-01', iso: '2025-06-01' },
  ])('$locale: "$typed" is $iso', ({ locale, typed, iso }) => {
    expect(parseDateInput(typed, locale)).toBe(iso)
  })

  it.each([
    { locale: 'fr', typed: '12/31/2025' },
    { locale: 'en', typed: '31/12/2025' },
    { locale: 'fr', typed: '29/02/2025' },
    { locale: 'fr', typed: '31/04/2025' },
    { locale: 'fr', typed: '01/06/25' },
    { locale: 'fr', typed: '01/06' },
    { locale: 'fr', typed: 'demain' },
    { locale: 'fr', typed: '001/06/2025' },
  ])('$locale: "$typed" is not a date', ({ locale, typed }) => {
    expect(parseDateInput(typed, locale)).toBeUndefined()
  })
})

describe('formatDateInput', () => {
  it.each([
    { locale: 'fr', iso: '2025-06-01', shown: '01/06/2025' },
    { locale: 'en', iso: '2025-06-01', shown: '06/01/2025' },
  ])('$locale writes $iso as $shown, which reads back the same', ({ locale, iso, shown }) => {
    expect(formatDateInput(iso, locale)).toBe(shown)
    expect(parseDateInput(shown, locale)).toBe(iso)
  })
})
