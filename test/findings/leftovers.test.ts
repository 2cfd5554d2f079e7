// Test and temporary leftovers: names that say a segment was never meant to last, without catching real audiences.
import { describe, expect, it } from 'vitest'
import { isLeftoverName, isLeftoverNormalisedName } from '../../src/findings/leftovers'
import { normaliseName } from '../../src/findings/name-similarity'

const leftovers = [
  'test',
  'TEST',
  'Test',
  'test_2024',
  'Test - Julie',
  'test Julie (ne pas utiliser)',
  'Tests A/B',
  'Testing new flow',
  'tmp',
  'tmp_jdupont',
  'TMP - do not use',
  'temp segment',
  'Temporary – Black Friday',
  'Segment temporaire',
  'Copy of Engaged Users',
  'copy',
  'copie de VIP',
  'Copie de Clients fidèles',
  'À SUPPRIMER',
  'à supprimer - vieux',
  'Clients fidèles (à supprimer)',
  'Ne pas utiliser',
  'Do not use – old',
  'To delete',
  'essai',
  'Essai Camille',
  'test1',
  'tmp2 Julie',
  'Copy2 of VIP',
  'essai',
  'Essai 3',
  'brouillon',
  'Brouillon relance',
  'Draft – onboarding',
  'Untitled Segment',
  'Sans titre',
  'zz_archive_2022',
  'ZZ old newsletter',
  'zzz',
  '🧪 test',
  '[TEST] Clients fidèles',
]

const realAudiences = [
  'Contest winners',
  'Essai gratuit – 14 jours',
  'Testimonials readers',
  'Attestation',
  'Attestations envoyées',
  'Temperature lovers',
  'Copywriters',
  'Testeurs bêta',
  'Latest buyers',
  'Protestants',
  'Templates newsletter',
  'Photocopieurs',
  'Essaims',
  'Supprimés du CRM',
  'Pizza lovers',
  'Jazz fans',
  'Buzz campaign',
  'Clients fidèles',
  'Abonnés newsletter',
  'Cart Abandoners - push - UK',
  '<img src=x onerror=alert(1)>',
  '',
  '🎉',
]

describe('isLeftoverName', () => {
  it.each(leftovers)('flags "%s"', (name) => {
    expect(isLeftoverName(name)).toBe(true)
  })

  it.each(realAudiences)('does not flag "%s"', (name) => {
    expect(isLeftoverName(name)).toBe(false)
  })
})

describe('isLeftoverNormalisedName', () => {
  it.each([
    ...leftovers.map((name) => ({ name, expected: true })),
    ...realAudiences.map((name) => ({ name, expected: false })),
  ])('agrees with isLeftoverName on the normalised $name', ({ name, expected }) => {
    expect(isLeftoverNormalisedName(normaliseName(name))).toBe(expected)
  })
})
