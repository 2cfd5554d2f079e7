// Test and temporary leftovers: names that say a segment was never meant to last ("test", "tmp", "Copy of …").
import { normaliseName } from './name-similarity'

/** Whole words, in English and French, after normalisation (so "À SUPPRIMER" is "a supprimer"). */
const LEFTOVER_WORDS = new Set(['test', 'tests', 'testing', 'tmp', 'temp', 'temporary', 'temporaire', 'essai', 'draft', 'brouillon', 'untitled', 'copy', 'copie'])
const LEFTOVER_PHRASES = [/\bdo not use\b/, /\bne pas utiliser\b/, /\ba supprimer\b/, /\bto delete\b/, /\bsans titre\b/]

export function isLeftoverName(name: string): boolean {
  return isLeftoverNormalisedName(normaliseName(name))
}

export function isLeftoverNormalisedName(normalised: string): boolean {
  if (normalised.split(' ').some((word) => LEFTOVER_WORDS.has(word))) return true
  // Names prefixed "zz" are a common way to push a segment to the bottom of a list before deleting it.
  if (/^zz/.test(normalised)) return true
  return LEFTOVER_PHRASES.some((phrase) => phrase.test(normalised))
}
