// Text normalisation for search: case- and accent-insensitive, so "fidele" finds "Clients fidèles".

const COMBINING_MARKS = /\p{M}+/gu
const SPACES = /\s+/g

/** Lower case, accents removed, ligatures expanded, spaces folded. Computed once per row, never per keystroke. */
export function normaliseForSearch(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(COMBINING_MARKS, '')
      .toLowerCase()
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      // After lower-casing, so the capital ẞ is folded too.
      .replace(/ß/g, 'ss')
      .replace(SPACES, ' ')
      .trim()
  )
}

/** Every word of the query must appear somewhere in the key (in any order). */
export function matchesSearch(searchKey: string, normalisedQueryWords: readonly string[]): boolean {
  for (const word of normalisedQueryWords) {
    if (!searchKey.includes(word)) return false
  }
  return true
}

export function searchWords(query: string): string[] {
  const normalised = normaliseForSearch(query)
  return normalised === '' ? [] : normalised.split(' ')
}
