// Cross-provider matches: a Braze and a Commanders Act segment with the same or nearly the same name, as pairs.
import { NAME_COLLATOR } from '../lib/name-order'
import type { Segment } from '../providers/segment'
import { normaliseName, trigramsOf } from './name-similarity'

export interface CrossProviderMatch {
  braze: Segment
  commandersAct: Segment
  /** 1 when the normalised names are equal; otherwise the trigram similarity, at least the threshold. */
  similarity: number
}

/** From here on two names differ by a plural, a typo or a short suffix, not by meaning (see the tests). */
export const CROSS_PROVIDER_THRESHOLD = 0.85

const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

interface NameGroup {
  name: string
  /** The name's trigrams as ranks, rarest first: ascending numbers. */
  ranks: Int32Array
  segments: Segment[]
}

function groupByName(
  segments: readonly Segment[],
  provider: Segment['provider'],
  nameOf: (segment: Segment) => string,
) {
  const groups = new Map<string, { segments: Segment[]; trigrams: Set<string> }>()
  for (const segment of segments) {
    if (segment.provider !== provider) continue
    const name = nameOf(segment)
    if (name === '') continue
    const group = groups.get(name)
    if (group) group.segments.push(segment)
    else groups.set(name, { segments: [segment], trigrams: trigramsOf(name) })
  }
  return groups
}

/** One order for every trigram, rarest first across both providers: the order prefix filtering relies on. */
function rankTrigrams(...sides: Map<string, { trigrams: Set<string> }>[]): Map<string, number> {
  const frequency = new Map<string, number>()
  for (const side of sides)
    for (const { trigrams } of side.values())
      for (const trigram of trigrams) frequency.set(trigram, (frequency.get(trigram) ?? 0) + 1)
  const ordered = [...frequency].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
  return new Map(ordered.map(([trigram], rank) => [trigram, rank]))
}

function toNameGroups(
  side: Map<string, { segments: Segment[]; trigrams: Set<string> }>,
  rank: Map<string, number>,
): NameGroup[] {
  return [...side].map(([name, { segments, trigrams }]) => ({
    name,
    segments,
    ranks: Int32Array.from(trigrams, (trigram) => rank.get(trigram) ?? 0).sort(),
  }))
}

function sharedCount(a: Int32Array, b: Int32Array): number {
  let shared = 0
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const x = a[i] ?? 0
    const y = b[j] ?? 0
    if (x === y) {
      shared += 1
      i += 1
      j += 1
    } else if (x < y) i += 1
    else j += 1
  }
  return shared
}

/**
 * Two names reaching the threshold t share at least ⌈t·|A| / (2 − t)⌉ trigrams of each, so, with every trigram
 * ordered rarest first, their short prefixes must meet (prefix filtering), early enough for the rest to still reach
 * the threshold (positional filtering, as in PPJoin). Only Commanders Act prefixes are indexed and only Braze
 * prefixes looked up: 10,000 × 2,000 names take thousands of exact comparisons, not twenty million.
 */
export function findCrossProviderMatches(
  segments: readonly Segment[],
  threshold = CROSS_PROVIDER_THRESHOLD,
  nameOf: (segment: Segment) => string = (segment) => normaliseName(segment.name),
): CrossProviderMatch[] {
  const brazeSide = groupByName(segments, 'braze', nameOf)
  const otherSide = groupByName(segments, 'commanders-act', nameOf)
  const rank = rankTrigrams(brazeSide, otherSide)
  // The epsilon keeps 0.85 × 23 / 1.15 = 17.000000000000004 from rounding up to 18 and losing a pair at the threshold.
  const atLeast = (value: number) => Math.ceil(value - 1e-9)
  const prefixLength = (size: number) => size - atLeast((threshold * size) / (2 - threshold)) + 1
  const index = new Map<number, { group: NameGroup; position: number }[]>()
  for (const group of toNameGroups(otherSide, rank)) {
    const prefix = prefixLength(group.ranks.length)
    for (let position = 0; position < prefix; position++) {
      const trigram = group.ranks[position] ?? 0
      const list = index.get(trigram)
      if (list) list.push({ group, position })
      else index.set(trigram, [{ group, position }])
    }
  }
  const matches: CrossProviderMatch[] = []
  for (const group of toNameGroups(brazeSide, rank)) {
    const size = group.ranks.length
    // Positional filtering: a candidate first met at positions i and j can share at most what remains after them.
    const candidates = new Map<NameGroup, boolean>()
    for (let position = 0; position < prefixLength(size); position++) {
      for (const entry of index.get(group.ranks[position] ?? 0) ?? []) {
        if (candidates.has(entry.group)) continue
        const otherSize = entry.group.ranks.length
        const needed = atLeast((threshold * (size + otherSize)) / 2)
        candidates.set(entry.group, 1 + Math.min(size - position - 1, otherSize - entry.position - 1) >= needed)
      }
    }
    for (const [other, possible] of candidates) {
      if (!possible) continue
      const dice = (2 * sharedCount(group.ranks, other.ranks)) / (size + other.ranks.length)
      if (dice < threshold) continue
      // Different names can share every trigram: only equal names are a 100 % match.
      const similarity = other.name === group.name ? 1 : Math.min(dice, 0.99)
      for (const braze of group.segments)
        for (const commandersAct of other.segments) matches.push({ braze, commandersAct, similarity })
    }
  }
  return matches.sort(
    (a, b) =>
      b.similarity - a.similarity ||
      NAME_COLLATOR.compare(a.braze.name, b.braze.name) ||
      compareKeys(a.braze.key, b.braze.key) ||
      compareKeys(a.commandersAct.key, b.commandersAct.key),
  )
}
