// Cross-provider matches: Braze × Commanders Act pairs with the same or nearly the same name, exactly
// those a brute-force comparison finds.
import { describe, expect, it } from 'vitest'
import { findCrossProviderMatches, type CrossProviderMatch } from '../../src/findings/cross-provider'
import { normaliseName, trigramsOf, trigramSimilarity } from '../../src/findings/name-similarity'
import { toBrazeSegment } from '../../src/providers/braze/schemas'
import { segmentKey } from '../../src/providers/provider-id'
import { NOT_PROVIDED, type Segment } from '../../src/providers/segment'
import { generateDemoData } from '../../src/server/demo/data'
import { braze, commandersAct } from './segments'

const pairKeys = (matches: readonly CrossProviderMatch[]) =>
  matches.map((match) => `${match.braze.key} ↔ ${match.commandersAct.key}`)

describe('findCrossProviderMatches', () => {
  it.each([
    { what: 'the same name', a: 'Clients fidèles', b: 'Clients fidèles' },
    { what: 'case', a: 'Clients VIP', b: 'CLIENTS vip' },
    { what: 'accents', a: 'Clients fidèles été', b: 'Clients fideles ete' },
    { what: 'dashes', a: 'Clients premium – Bretagne', b: 'clients premium - bretagne' },
    { what: 'an em dash', a: 'Clients magasin — Lyon', b: 'Clients magasin - Lyon' },
    { what: 'double spaces', a: 'Clients  fidèles', b: 'Clients fidèles' },
    { what: 'a trailing space', a: 'Inscrits newsletter 90j ', b: 'inscrits newsletter 90j' },
    { what: 'punctuation and an emoji', a: 'Newsletter opt-in 🇫🇷', b: 'newsletter opt in' },
  ])('matches names differing by $what with similarity 1', ({ a, b }) => {
    const brazeSegment = braze('b1', a)
    const commandersActSegment = commandersAct('1', b)
    expect(findCrossProviderMatches([brazeSegment, commandersActSegment])).toEqual([
      { braze: brazeSegment, commandersAct: commandersActSegment, similarity: 1 },
    ])
  })

  it.each([
    { what: 'a plural', a: 'Email Subscribers - last 14 days - US', b: 'email subscriber - last 14 days - us' },
    { what: 'a plural', a: 'Utilisateurs appli Lyon', b: 'Utilisateur appli Lyon' },
    { what: 'a plural', a: 'Engaged user', b: 'Engaged users' },
    { what: 'a missing letter', a: 'Abonnés newsletter', b: 'abonnes newsleter' },
    { what: 'a doubled letter', a: 'Lecteurs blog – retargeting', b: 'lecteurs blog - retargetting' },
    { what: 'a wrong letter', a: 'Relance devis femmes 25-34', b: 'Relance devis fenmes 25-34' },
  ])('matches names differing by $what with their trigram similarity, below 1: $a and $b', ({ a, b }) => {
    const matches = findCrossProviderMatches([braze('b1', a), commandersAct('1', b)])
    expect(pairKeys(matches)).toEqual(['braze:b1 ↔ commanders-act:1'])
    const similarity = matches[0]?.similarity ?? 0
    expect(similarity).toBeGreaterThanOrEqual(0.85)
    expect(similarity).toBeLessThanOrEqual(0.99)
    expect(similarity).toBeCloseTo(trigramSimilarity(trigramsOf(normaliseName(a)), trigramsOf(normaliseName(b))), 12)
  })

  it('keeps 1 for equal names: different names sharing every trigram score 0.99', () => {
    // "  aa a " and "  a aa " have the same windows: {"  a", " aa", "aa ", "a a", " a "}.
    expect(trigramSimilarity(trigramsOf('aa a'), trigramsOf('a aa'))).toBe(1)
    const matches = findCrossProviderMatches([braze('b1', 'AA A'), commandersAct('1', 'A AA')])
    expect(matches.map((match) => match.similarity)).toEqual([0.99])
  })

  it.each([
    { a: 'Clients fidèles', b: 'Prospects été' },
    { a: 'Clients magasin – Lyon', b: 'Clients premium – Lyon' },
    { a: 'Acheteurs été', b: 'Acheteurs hiver' },
    { a: 'Cart Abandoners - push - UK', b: 'Coupon Redeemers - UK' },
    { a: 'Clients fidèles', b: 'Clients fidèles – 12 mois – ayant ouvert au moins 3 e-mails' },
    { a: 'Appli', b: 'Appli appli' },
  ])('does not match $a and $b', ({ a, b }) => {
    expect(findCrossProviderMatches([braze('b1', a), commandersAct('1', b)])).toEqual([])
  })

  it('ignores empty and punctuation-only names on both sides', () => {
    const segments = [
      braze('b1', ''),
      braze('b2', '—'),
      braze('b3', '🎉'),
      commandersAct('1', ''),
      commandersAct('2', '!!'),
      commandersAct('3', '🎉'),
    ]
    expect(findCrossProviderMatches(segments)).toEqual([])
  })

  it('reports every pair when several segments share a name', () => {
    const segments = [
      braze('b1', 'VIP clients'),
      commandersAct('1', 'vip clients'),
      braze('b2', 'VIP  Clients'),
      commandersAct('2', 'VIP-clients'),
      commandersAct('3', 'VIP clients 🎉'),
      braze('b3', 'Prospects'),
      commandersAct('4', 'Visiteurs'),
    ]
    const matches = findCrossProviderMatches(segments)
    expect(pairKeys(matches).sort()).toEqual(
      ['b1', 'b2']
        .flatMap((brazeId) =>
          ['1', '2', '3'].map((commandersActId) => `braze:${brazeId} ↔ commanders-act:${commandersActId}`),
        )
        .sort(),
    )
    expect(matches.every((match) => match.similarity === 1)).toBe(true)
  })

  it('never pairs two Braze or two Commanders Act segments', () => {
    const segments = [
      braze('b1', 'Clients fidèles'),
      braze('b2', 'Clients fidèles'),
      commandersAct('1', 'Prospects été'),
      commandersAct('2', 'Prospects été'),
    ]
    expect(findCrossProviderMatches(segments)).toEqual([])
  })

  it('pairs each Braze segment with the Commanders Act segments only, never itself or its own provider', () => {
    const segments = [
      braze('b1', 'Clients fidèles'),
      braze('b2', 'clients fideles'),
      commandersAct('1', 'Clients fidèles'),
    ]
    const matches = findCrossProviderMatches(segments)
    expect(pairKeys(matches)).toEqual(['braze:b1 ↔ commanders-act:1', 'braze:b2 ↔ commanders-act:1'])
    for (const match of matches) {
      expect(match.braze.provider).toBe('braze')
      expect(match.commandersAct.provider).toBe('commanders-act')
    }
  })

  it('sorts by similarity, highest first, then by Braze name (numbers in order), then by Braze id', () => {
    const segments = [
      braze('b1', 'Engaged user'),
      commandersAct('1', 'Engaged users'),
      braze('b2', 'Segment 10'),
      commandersAct('2', 'segment 10'),
      braze('b3', 'Segment 9'),
      commandersAct('3', 'segment 9'),
      braze('b5', 'Abonnés'),
      braze('b4', 'abonnes'),
      commandersAct('4', 'Abonnés'),
      braze('b6', 'Abonnés newsletter'),
      commandersAct('5', 'Abonnés newsleter'),
    ]
    const matches = findCrossProviderMatches(segments)
    expect(pairKeys(matches)).toEqual([
      'braze:b4 ↔ commanders-act:4',
      'braze:b5 ↔ commanders-act:4',
      'braze:b3 ↔ commanders-act:3',
      'braze:b2 ↔ commanders-act:2',
      'braze:b6 ↔ commanders-act:5',
      'braze:b1 ↔ commanders-act:1',
    ])
    const similarities = matches.map((match) => match.similarity)
    expect(similarities.slice(0, 4)).toEqual([1, 1, 1, 1])
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a))
    expect(similarities[4]).toBeGreaterThan(similarities[5] ?? 1)
  })

  it('respects the threshold it is given', () => {
    // "Wishlist Savers EMEA" / "Wishlist Saver EMEA": 0.878; "Clients premium - Lyon" / "… - Paris": 0.744.
    const segments = [
      braze('b1', 'Wishlist Savers EMEA'),
      commandersAct('1', 'Wishlist Saver EMEA'),
      braze('b2', 'Clients premium - Lyon'),
      commandersAct('2', 'Clients premium - Paris'),
    ]
    expect(pairKeys(findCrossProviderMatches(segments, 0.95))).toEqual([])
    expect(pairKeys(findCrossProviderMatches(segments, 0.9))).toEqual([])
    expect(pairKeys(findCrossProviderMatches(segments))).toEqual(['braze:b1 ↔ commanders-act:1'])
    expect(pairKeys(findCrossProviderMatches(segments, 0.85))).toEqual(['braze:b1 ↔ commanders-act:1'])
    expect(pairKeys(findCrossProviderMatches(segments, 0.7))).toEqual([
      'braze:b1 ↔ commanders-act:1',
      'braze:b2 ↔ commanders-act:2',
    ])
  })

  it('keeps equal names at similarity 1 even at a threshold of 1', () => {
    const segments = [
      braze('b1', 'Clients VIP'),
      commandersAct('1', 'clients vip'),
      braze('b2', 'Engaged users'),
      commandersAct('2', 'Engaged user'),
    ]
    expect(findCrossProviderMatches(segments, 1)).toEqual([
      { braze: segments[0], commandersAct: segments[1], similarity: 1 },
    ])
  })

  it('compares the names nameOf gives when one is passed', () => {
    const segments = [
      braze('b1', 'Alpha'),
      commandersAct('1', 'Omega'),
      braze('b2', 'Beta'),
      commandersAct('2', 'Beta'),
    ]
    const byId = (segment: Segment) => (segment.id === 'b1' || segment.id === '1' ? 'same name' : '')
    expect(pairKeys(findCrossProviderMatches(segments, 0.85, byId))).toEqual(['braze:b1 ↔ commanders-act:1'])
  })

  it('finds nothing with only one provider or no segments', () => {
    expect(findCrossProviderMatches([])).toEqual([])
    expect(findCrossProviderMatches([braze('b1', 'VIP'), braze('b2', 'VIP')])).toEqual([])
    expect(findCrossProviderMatches([commandersAct('1', 'VIP'), commandersAct('2', 'VIP')])).toEqual([])
  })
})

describe('findCrossProviderMatches against a brute-force comparison on the demo data', () => {
  const demo = generateDemoData({ brazeCount: 600, commandersActCount: 200 })
  const segments: Segment[] = [
    ...demo.braze.map((segment) =>
      toBrazeSegment({
        id: segment.id,
        name: segment.name,
        analytics_tracking_enabled: segment.analyticsTrackingEnabled,
        tags: segment.tags?.filter((tag): tag is string => tag !== null),
      }),
    ),
    ...demo.commandersAct.map((segment): Segment => ({
      key: segmentKey('commanders-act', segment.id),
      provider: 'commanders-act',
      id: segment.id,
      name: segment.label,
      tags: NOT_PROVIDED,
      analyticsTracking: NOT_PROVIDED,
    })),
  ]

  /** Every Braze × every Commanders Act segment with a name, kept when the trigram similarity reaches the threshold. */
  function bruteForce(threshold: number): Map<string, number> {
    const named = (provider: Segment['provider']) =>
      segments
        .filter((segment) => segment.provider === provider)
        .map((segment) => ({ segment, name: normaliseName(segment.name) }))
        .filter(({ name }) => name !== '')
        .map((entry) => ({ ...entry, trigrams: trigramsOf(entry.name) }))
    const pairs = new Map<string, number>()
    const commandersActSide = named('commanders-act')
    for (const left of named('braze')) {
      for (const right of commandersActSide) {
        const score = trigramSimilarity(left.trigrams, right.trigrams)
        if (score >= threshold)
          pairs.set(`${left.segment.key} ↔ ${right.segment.key}`, left.name === right.name ? 1 : Math.min(score, 0.99))
      }
    }
    return pairs
  }

  it('is a data set with exact, near and no matches', () => {
    const pairs = [...bruteForce(0.7).values()]
    expect(pairs.filter((score) => score === 1).length).toBeGreaterThan(10)
    expect(pairs.filter((score) => score < 1 && score >= 0.85).length).toBeGreaterThan(10)
    expect(pairs.filter((score) => score < 0.85).length).toBeGreaterThan(50)
  })

  it.each([0.5, 0.7, 0.8, 0.85, 0.9, 0.95])(
    'finds exactly the brute-force pairs, with their similarity, at %s',
    (threshold) => {
      const expected = bruteForce(threshold)
      const found = findCrossProviderMatches(segments, threshold)
      expect(new Set(pairKeys(found)).size).toBe(found.length)
      expect(
        new Map(found.map((match) => [`${match.braze.key} ↔ ${match.commandersAct.key}`, match.similarity])),
      ).toEqual(expected)
    },
  )
})
