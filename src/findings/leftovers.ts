// Test and temporary leftovers: names that say a segment was never meant to last ("test", "tmp", "Copy of …").
import { normaliseName } from './name-similarity'

/** Whole words, in English and French, after normalisation (so "À SUPPRIMER" is "a supprimer"). */
const LEFTOVER_WORDS = new Set([
  'test',
  'tests',
  'testing',
  'tmp',
  'temp',
  'temporary',
  'temporaire',
  'draft',
  'brouillon',
  'untitled',
  'copy',
  'copie',
])
/** "test2", "tmp01", "copy3": a leftover word numbered. */
const NUMBERED_LEFTOVER = /^(test|tmp|temp|copy|copie)\d+$/
const LEFTOVER_PHRASES = [
  /\bdo not use\b/,
  /\bne pas utiliser\b/,
  /\ba supprimer\b/,
  /\bto delete\b/,
  /\bsans titre\b/,
  // "Essai gratuit" is a real audience (free trial); any other "essai" is a try-out.
  /\bessai\d*\b(?! gratuit)/,
]

export function isLeftoverName(name: string): boolean {
  return isLeftoverNormalisedName(normaliseName(name))
}

export function isLeftoverNormalisedName(normalised: string): boolean {
  if (normalised.split(' ').some((word) => LEFTOVER_WORDS.has(word) || NUMBERED_LEFTOVER.test(word))) return true
  // Names prefixed "zz" are a common way to push a segment to the bottom of a list before deleting it.
  if (/^zz/.test(normalised)) return true
  return LEFTOVER_PHRASES.some((phrase) => phrase.test(normalised))
}
