// Search text: case, accents, ligatures, compatibility forms and spaces fold away, so "fidele" finds "Clients fidèles".
import { describe, expect, it } from 'vitest'
import { matchesSearch, normaliseForSearch, searchWords } from '../../src/lib/search-text'

describe('normaliseForSearch', () => {
  it.each([
    { what: 'e acute', text: 'fidèle', expected: 'fidele' },
    { what: 'accents of French', text: 'é è ê ë à ç î ï ô ù û ü ÿ', expected: 'e e e e a c i i o u u u y' },
    { what: 'accented capitals', text: 'ÉÈÊËÀÇÎÏÔÙÛÜŸ', expected: 'eeeeaciiouuuy' },
    { what: 'upper case', text: 'CLIENTS Fidèles', expected: 'clients fideles' },
    { what: 'oe ligature', text: 'cœur', expected: 'coeur' },
    { what: 'capital sharp s', text: 'STRAẞE', expected: 'strasse' },
    { what: 'capital OE ligature', text: 'ŒUVRE', expected: 'oeuvre' },
    { what: 'ae ligature', text: 'Lætitia', expected: 'laetitia' },
    { what: 'capital AE ligature', text: 'ÆON', expected: 'aeon' },
    { what: 'sharp s', text: 'Straße', expected: 'strasse' },
    { what: 'fi ligature (NFKD)', text: 'ﬁdèle', expected: 'fidele' },
    { what: 'full-width letters (NFKD)', text: 'ＦＩＤＥＬＥ', expected: 'fidele' },
    { what: 'full-width digits (NFKD)', text: 'Segment １２', expected: 'segment 12' },
    { what: 'superscript (NFKD)', text: 'm²', expected: 'm2' },
    { what: 'decomposed input', text: 'fide\u0300le', expected: 'fidele' },
    { what: 'runs of spaces folded', text: 'clients    fidèles', expected: 'clients fideles' },
    { what: 'tabs, newlines and no-break spaces folded', text: 'a\tb\nc\u00a0d', expected: 'a b c d' },
    { what: 'leading and trailing spaces trimmed', text: '  \t fidèle \n ', expected: 'fidele' },
    { what: 'only spaces', text: ' \t\n ', expected: '' },
    { what: 'empty', text: '', expected: '' },
    { what: 'digits and punctuation kept', text: 'seg_42-b.v2', expected: 'seg_42-b.v2' },
  ])('$what: $text → $expected', ({ text, expected }) => {
    expect(normaliseForSearch(text)).toBe(expected)
  })
})

describe('searchWords', () => {
  it.each([
    { query: '', expected: [] },
    { query: '   ', expected: [] },
    { query: 'fidele', expected: ['fidele'] },
    { query: 'Clients FIDÈLES', expected: ['clients', 'fideles'] },
    { query: '  clients   fid  ', expected: ['clients', 'fid'] },
    { query: 'cœur\tÉTÉ', expected: ['coeur', 'ete'] },
  ])('"$query" → $expected', ({ query, expected }) => {
    expect(searchWords(query)).toEqual(expected)
  })
})

describe('matchesSearch', () => {
  const key = normaliseForSearch('Clients fidèles seg-123 VIP Été')

  it.each([
    { query: 'fidele', expected: true },
    { query: 'FIDÈLES', expected: true },
    { query: 'clients fid', expected: true },
    { query: 'fid clients', expected: true },
    { query: 'vip clients fideles', expected: true },
    { query: 'ete', expected: true },
    { query: 'seg-123', expected: true },
    { query: '123', expected: true },
    { query: '', expected: true },
    { query: 'fidele absent', expected: false },
    { query: 'prospects', expected: false },
    { query: 'clientsfideles', expected: false },
    { query: 'seg-124', expected: false },
  ])('"$query" in "Clients fidèles seg-123 VIP Été" → $expected', ({ query, expected }) => {
    expect(matchesSearch(key, searchWords(query))).toBe(expected)
  })

  it('matches with no words at all', () => {
    expect(matchesSearch('', [])).toBe(true)
  })
})
