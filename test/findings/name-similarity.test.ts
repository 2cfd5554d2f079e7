// Name similarity: the folded form two names are compared in, their padded trigrams, and the Dice score built on them.
import { describe, expect, it } from 'vitest'
import { normaliseName, trigramsOf, trigramSimilarity } from '../../src/findings/name-similarity'

const similarity = (a: string, b: string) =>
  trigramSimilarity(trigramsOf(normaliseName(a)), trigramsOf(normaliseName(b)))

describe('normaliseName', () => {
  it.each([
    { what: 'a plain name', name: 'Newsletter', expected: 'newsletter' },
    { what: 'accents', name: 'Clients fidèles été', expected: 'clients fideles ete' },
    { what: 'capitals with accents', name: 'CLIENTS FIDÈLES À RISQUE', expected: 'clients fideles a risque' },
    { what: 'a decomposed accent (e + combining grave)', name: 'Clients fide\u0300les', expected: 'clients fideles' },
    { what: 'œ and Œ', name: 'Œuvres et cœurs', expected: 'oeuvres et coeurs' },
    { what: 'æ and Æ', name: 'Æsop nævus', expected: 'aesop naevus' },
    { what: 'ß and capital ẞ', name: 'Straße GROẞE', expected: 'strasse grosse' },
    { what: 'a typographic ligature', name: 'ﬁdèles', expected: 'fideles' },
    { what: 'full-width letters', name: 'ＶＩＰ', expected: 'vip' },
    { what: 'an en dash', name: 'Clients – VIP', expected: 'clients vip' },
    { what: 'an em dash', name: 'Clients — VIP', expected: 'clients vip' },
    { what: 'a hyphen', name: 'Clients - VIP', expected: 'clients vip' },
    { what: 'a hyphen without spaces', name: 'Clients-VIP', expected: 'clients vip' },
    { what: 'an apostrophe', name: 'Clients d’Île-de-France', expected: 'clients d ile de france' },
    {
      what: 'quotes, commas and brackets',
      name: '[FR] Clients "premium", Paris',
      expected: 'fr clients premium paris',
    },
    { what: 'an emoji after the name', name: 'Newsletter opt-in 🇫🇷', expected: 'newsletter opt in' },
    { what: 'an emoji before the name', name: '🛒 Paniers abandonnés', expected: 'paniers abandonnes' },
    { what: 'an emoji between words', name: 'Premiers achats🛒30 jours', expected: 'premiers achats 30 jours' },
    {
      what: 'multiple spaces, tabs and new lines',
      name: '  Clients \t  fidèles \n 2024  ',
      expected: 'clients fideles 2024',
    },
    { what: 'digits and symbols', name: 'Paniers > 150 € - J-7', expected: 'paniers 150 j 7' },
    { what: 'markup-looking text', name: '<img src=x onerror=alert(1)>', expected: 'img src x onerror alert 1' },
    { what: 'bold markup', name: '<b>VIP</b>', expected: 'b vip b' },
    { what: 'a spreadsheet formula', name: '=HYPERLINK("http://x","y")', expected: 'hyperlink http x y' },
    { what: 'letters of other scripts', name: 'Клиенты VIP 顧客', expected: 'клиенты vip 顧客' },
    { what: 'punctuation and emoji only', name: '— !? 🎉 …', expected: '' },
    { what: 'an empty name', name: '', expected: '' },
  ])('folds $what: $name → $expected', ({ name, expected }) => {
    expect(normaliseName(name)).toBe(expected)
  })

  it('gives one form for every way of writing the same name', () => {
    const spellings = [
      'Clients fidèles – VIP',
      'clients fideles - vip',
      'CLIENTS FIDELES—VIP',
      '  Clients   fidèles   VIP ',
      'Clients fidèles (VIP) 🎉',
      'clients_fideles.vip',
    ]
    expect(new Set(spellings.map(normaliseName))).toEqual(new Set(['clients fideles vip']))
  })

  it('is idempotent', () => {
    for (const name of ['Clients fidèles – VIP', '<img src=x onerror=alert(1)>', 'Straße 🎉', '  a  ']) {
      expect(normaliseName(normaliseName(name))).toBe(normaliseName(name))
    }
  })
})

describe('trigramsOf', () => {
  it.each([
    { name: '', expected: ['   '] },
    { name: 'a', expected: ['  a', ' a '] },
    { name: 'ab', expected: ['  a', ' ab', 'ab '] },
    { name: 'vip', expected: ['  v', ' vi', 'vip', 'ip '] },
    { name: 'a b', expected: ['  a', ' a ', 'a b', ' b '] },
  ])('pads $name with two spaces before and one after', ({ name, expected }) => {
    expect([...trigramsOf(name)]).toEqual(expected)
  })

  it('numbers a window seen again instead of merging it', () => {
    expect([...trigramsOf('appli appli')]).toEqual([
      '  a',
      ' ap',
      'app',
      'ppl',
      'pli',
      'li ',
      'i a',
      ' ap#2',
      'app#2',
      'ppl#2',
      'pli#2',
      'li #2',
    ])
    expect([...trigramsOf('aaaa')]).toEqual(['  a', ' aa', 'aaa', 'aaa#2', 'aa '])
    expect([...trigramsOf('aaaaa')]).toEqual(['  a', ' aa', 'aaa', 'aaa#2', 'aaa#3', 'aa '])
  })

  it.each(['clients fideles', 'appli appli appli', 'zz zz zz', 'paniers 150 j 7', 'x'])(
    'has one trigram per character plus one: "%s"',
    (name) => {
      expect(trigramsOf(name).size).toBe(name.length + 1)
    },
  )
})

describe('trigramSimilarity', () => {
  it.each(['clients fideles', 'a', 'appli appli', ''])('is 1 for a name and itself: "%s"', (name) => {
    expect(trigramSimilarity(trigramsOf(name), trigramsOf(name))).toBe(1)
  })

  it('is 1 for two empty sets and 0 for one empty and one not', () => {
    expect(trigramSimilarity(new Set(), new Set())).toBe(1)
    expect(trigramSimilarity(new Set(), trigramsOf('vip'))).toBe(0)
    expect(trigramSimilarity(trigramsOf('vip'), new Set())).toBe(0)
  })

  it.each([
    ['abc', 'xyz'],
    ['clients', 'abonnes'],
    ['vip', 'newsletter'],
  ])('is 0 for names with no trigram in common: "%s" and "%s"', (a, b) => {
    expect(trigramSimilarity(trigramsOf(a), trigramsOf(b))).toBe(0)
  })

  it.each([
    // {'  a', ' ab', 'ab '} and {'  a', ' ab', 'abc', 'bc '}: 2 shared, 2·2 / (3 + 4).
    { a: 'ab', b: 'abc', expected: 4 / 7 },
    // {'  a', ' a '} and {'  b', ' b '}: nothing shared.
    { a: 'a', b: 'b', expected: 0 },
    // 'appli' is every first window of 'appli appli' (6 of 12): 2·6 / (6 + 12).
    { a: 'appli', b: 'appli appli', expected: 2 / 3 },
  ])('is the Dice coefficient: $a and $b → $expected', ({ a, b, expected }) => {
    expect(trigramSimilarity(trigramsOf(a), trigramsOf(b))).toBeCloseTo(expected, 12)
  })

  it('makes a repeated word count: "appli appli" is far from "appli"', () => {
    expect(similarity('Appli', 'Appli appli')).toBeLessThan(0.85)
  })

  it.each([
    ['Clients fidèles', 'Prospects été'],
    ['Abonnés newsletter', 'Paniers abandonnés'],
    ['Cart Abandoners - push - UK', 'Lapsed Users - 30 days'],
    ['Clients fidèles – 12 mois', 'Clients fidèles'],
    ['Wishlist Savers EMEA', 'Clients'],
  ])('is symmetric: "%s" and "%s"', (a, b) => {
    expect(similarity(a, b)).toBe(similarity(b, a))
  })

  it.each([
    { what: 'a plural', a: 'Abonnés newsletter', b: 'Abonnés newsletters' },
    { what: 'a plural', a: 'Engaged users', b: 'Engaged user' },
    { what: 'a plural', a: 'Email Subscribers - last 14 days - US', b: 'Email Subscriber - last 14 days - US' },
    { what: 'a plural', a: 'Utilisateurs appli Lyon', b: 'Utilisateur appli Lyon' },
    { what: 'a plural and an accent', a: 'Clients fidèles', b: 'Clients fidele' },
    { what: 'two plurals', a: 'Acheteurs récents 30 jours', b: 'Acheteurs recents 30 jour' },
    { what: 'a missing letter', a: 'Abonnés newsletter', b: 'Abonnés newsleter' },
    { what: 'a doubled letter', a: 'Cart Abandoners - push - UK', b: 'Cart Abandonners - push - UK' },
    { what: 'a doubled letter', a: 'Lecteurs blog – retargeting', b: 'Lecteurs blog - retargetting' },
    { what: 'a wrong letter', a: 'Relance devis femmes 25-34', b: 'Relance devis fenmes 25-34' },
  ])('keeps names differing by $what at 0.85 or more, below 1: $a and $b', ({ a, b }) => {
    const score = similarity(a, b)
    expect(score).toBeGreaterThanOrEqual(0.85)
    expect(score).toBeLessThan(1)
  })

  it.each([
    { a: 'Clients fidèles', b: 'Prospects été', below: 0.2 },
    { a: 'Abonnés newsletter', b: 'Paniers abandonnés', below: 0.3 },
    { a: 'Clients magasin – Lyon', b: 'Clients premium – Lyon', below: 0.7 },
    { a: 'Acheteurs été', b: 'Acheteurs hiver', below: 0.7 },
    { a: 'Cart Abandoners - push - UK', b: 'Coupon Redeemers - UK', below: 0.5 },
  ])('keeps different audiences well below: $a and $b < $below', ({ a, b, below }) => {
    expect(similarity(a, b)).toBeLessThan(below)
  })
})
