// Cross-provider matches at exactly the threshold: a pair whose trigram similarity equals 0.85 must be
// reported, as brute force does. "Acheteurs mobile" has 17 trigrams, all of them among the 23 of "Acheteurs
// mobile promo": Dice = 2·17 / (17 + 23) = 0.85.
import { describe, expect, it } from 'vitest'
import { findCrossProviderMatches } from '../../src/findings/cross-provider'
import { normaliseName, trigramsOf, trigramSimilarity } from '../../src/findings/name-similarity'
import { braze, commandersAct } from './segments'

describe('findCrossProviderMatches at the threshold', () => {
  it('starts from a pair whose trigram similarity is exactly the threshold', () => {
    expect(
      trigramSimilarity(
        trigramsOf(normaliseName('Acheteurs mobile')),
        trigramsOf(normaliseName('Acheteurs mobile promo')),
      ),
    ).toBe(0.85)
  })

  it.each([
    { what: 'the longer name in Braze', brazeName: 'Acheteurs mobile promo', commandersActName: 'Acheteurs mobile' },
    {
      what: 'the longer name in Commanders Act',
      brazeName: 'Acheteurs mobile',
      commandersActName: 'Acheteurs mobile promo',
    },
    { what: 'a dash before the suffix', brazeName: 'Acheteurs mobile – promo', commandersActName: 'acheteurs mobile' },
  ])('reports the pair with $what', ({ brazeName, commandersActName }) => {
    const brazeSegment = braze('b1', brazeName)
    const commandersActSegment = commandersAct('1', commandersActName)
    expect(findCrossProviderMatches([brazeSegment, commandersActSegment])).toEqual([
      { braze: brazeSegment, commandersAct: commandersActSegment, similarity: 0.85 },
    ])
  })

  it('reports it whatever other segments are in the list', () => {
    const segments = [
      braze('b1', 'Acheteurs mobile promo'),
      commandersAct('1', 'Acheteurs mobile'),
      braze('b2', 'Newsletter'),
      commandersAct('2', 'Clients fidèles'),
    ]
    expect(findCrossProviderMatches(segments).map((match) => [match.braze.id, match.commandersAct.id])).toEqual([
      ['b1', '1'],
    ])
  })
})
