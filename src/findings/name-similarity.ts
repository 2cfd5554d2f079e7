// How alike two segment names are: folded to a comparable form, then compared by shared character trigrams.
import { normaliseForSearch } from '../lib/search-text'

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu

/** Case, accents, punctuation and spacing folded: "Clients fidèles – VIP" and "clients fideles - vip" are one name. */
export function normaliseName(name: string): string {
  return normaliseForSearch(name).replace(NOT_LETTER_OR_DIGIT, ' ').trim()
}

/**
 * The three-letter windows of a normalised name, padded so short names and word starts count. A window seen again
 * is numbered ("app", "app#2"), so a repeated word ("appli appli") makes a name less like the one without it.
 */
export function trigramsOf(normalisedName: string): Set<string> {
  const padded = `  ${normalisedName} `
  const trigrams = new Set<string>()
  for (let index = 0; index + 3 <= padded.length; index++) {
    const trigram = padded.slice(index, index + 3)
    let numbered = trigram
    for (let seen = 2; trigrams.has(numbered); seen++) numbered = `${trigram}#${seen}`
    trigrams.add(numbered)
  }
  return trigrams
}

/** Dice coefficient: 1 for the same trigrams, 0 for none in common. */
export function trigramSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  let shared = 0
  for (const trigram of a) if (b.has(trigram)) shared += 1
  return (2 * shared) / (a.size + b.size)
}
