// Cross-provider matches: a Braze and a Commanders Act segment with the same or nearly the same name, as pairs.
import { NAME_COLLATOR } from '../lib/name-order'
import type { Segment } from '../providers/segment'
import { normaliseName } from './name-similarity'

export interface CrossProviderMatch {
  braze: Segment
  commandersAct: Segment
  /** 1 when the normalised names are equal; otherwise the trigram similarity, at least the threshold. */
  similarity: number
}

/** From here on two names differ by a plural, a typo or a short suffix, not by meaning (see the tests). */
export const CROSS_PROVIDER_THRESHOLD = 0.85

const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** One provider's segments by normalised name, nameless ones left out. */
function groupByName(
  segments: readonly Segment[],
  provider: Segment['provider'],
  nameOf: (segment: Segment) => string,
): Map<string, Segment[]> {
  const groups = new Map<string, Segment[]>()
  for (const segment of segments) {
    if (segment.provider !== provider) continue
    const name = nameOf(segment)
    if (name === '') continue
    const group = groups.get(name)
    if (group) group.push(segment)
    else groups.set(name, [segment])
  }
  return groups
}

/**
 * The trigrams of every name as numbers in one array: name n's are `ranks` from `starts[n]` to `starts[n + 1]`,
 * ascending. A rank is the trigram's place in one order for all the names, rarest first: the order prefix filtering
 * relies on. A window seen again in a name is there again, so two names share a window as many times as the fewer of
 * them has it, as trigramsOf's numbered "app#2" makes it. Numbers rather than strings and sets: 20,000 names make
 * half a million trigrams, and strings for them took most of the time.
 */
function rankedTrigrams(names: readonly string[]): { ranks: Int32Array; starts: Int32Array; count: number } {
  const starts = new Int32Array(names.length + 1)
  // A normalised name of n characters has n + 1 padded windows.
  names.forEach((name, index) => (starts[index + 1] = (starts[index] ?? 0) + name.length + 1))
  const ranks = new Int32Array(starts[names.length] ?? 0)
  const idOfWindow = new Map<number, number>()
  const frequency: number[] = []
  names.forEach((name, index) => {
    const padded = `  ${name} `
    for (let at = 0, first = starts[index] ?? 0; at < name.length + 1; at++) {
      const a = padded.charCodeAt(at)
      const b = padded.charCodeAt(at + 1)
      const c = padded.charCodeAt(at + 2)
      // Three UTF-16 code units in one number: 10 bits each while all are below 1024 (Latin letters, digits, spaces),
      // else 16 bits each from 2^30 on, where no window of the first kind reaches.
      const window = (a | b | c) < 1024 ? (a << 20) | (b << 10) | c : 2 ** 30 + (a * 2 ** 16 + b) * 2 ** 16 + c
      let id = idOfWindow.get(window)
      if (id === undefined) {
        id = frequency.push(0) - 1
        idOfWindow.set(window, id)
      }
      frequency[id] = (frequency[id] ?? 0) + 1
      ranks[first + at] = id
    }
  })
  const rankOf = new Int32Array(frequency.length)
  Int32Array.from(frequency.keys())
    .sort((a, b) => (frequency[a] ?? 0) - (frequency[b] ?? 0) || a - b)
    .forEach((id, rank) => (rankOf[id] = rank))
  for (let at = 0; at < ranks.length; at++) ranks[at] = rankOf[ranks[at] ?? 0] ?? 0
  for (let index = 0; index < names.length; index++) ranks.subarray(starts[index], starts[index + 1]).sort()
  return { ranks, starts, count: frequency.length }
}

/**
 * How many trigrams two names share, from their ranks (ascending) in `ranks`: one pass over both, left as soon as
 * what remains of either name cannot bring the count to `needed` (the pair is then under the threshold anyway).
 */
function sharedCount(ranks: Int32Array, a: number, aEnd: number, b: number, bEnd: number, needed: number): number {
  let shared = 0
  while (a < aEnd && b < bEnd && shared + aEnd - a >= needed && shared + bEnd - b >= needed) {
    const x = ranks[a] ?? 0
    const y = ranks[b] ?? 0
    if (x <= y) a += 1
    if (y <= x) b += 1
    if (x === y) shared += 1
  }
  return shared
}

/**
 * Two names reaching the threshold t share at least ⌈t·|A| / (2 − t)⌉ trigrams of each, so, with every trigram
 * ordered rarest first, their short prefixes must meet (prefix filtering), early enough for the rest to still reach
 * the threshold (positional filtering, as in PPJoin). Only Commanders Act prefixes are indexed and only Braze
 * prefixes looked up: 10,000 × 2,000 demo names take some 76,000 exact comparisons, not twenty million.
 */
export function findCrossProviderMatches(
  segments: readonly Segment[],
  threshold = CROSS_PROVIDER_THRESHOLD,
  nameOf: (segment: Segment) => string = (segment) => normaliseName(segment.name),
): CrossProviderMatch[] {
  const brazeSide = [...groupByName(segments, 'braze', nameOf)]
  const otherSide = [...groupByName(segments, 'commanders-act', nameOf)]
  // Names 0 to brazeSide.length - 1 are Braze's, the rest Commanders Act's.
  const names = [...brazeSide, ...otherSide].map(([name]) => name)
  const { ranks, starts, count } = rankedTrigrams(names)
  const first = brazeSide.length
  // The epsilon keeps 0.85 × 23 / 1.15 = 17.000000000000004 from rounding up to 18 and losing a pair at the threshold.
  const atLeast = (value: number) => Math.ceil(value - 1e-9)
  const prefixLength = (size: number) => size - atLeast((threshold * size) / (2 - threshold)) + 1

  // The index, rank → the Commanders Act names whose prefix holds it, and where: entries begin[rank] to
  // begin[rank + 1] of `indexed` (the names, 0 for the first Commanders Act one) and of `positions`.
  const begin = new Int32Array(count + 1)
  for (let name = first; name < names.length; name++) {
    const start = starts[name] ?? 0
    const end = start + prefixLength((starts[name + 1] ?? 0) - start)
    for (let at = start; at < end; at++) {
      const rank = ranks[at] ?? 0
      begin[rank + 1] = (begin[rank + 1] ?? 0) + 1
    }
  }
  for (let rank = 1; rank <= count; rank++) begin[rank] = (begin[rank] ?? 0) + (begin[rank - 1] ?? 0)
  const filled = begin.slice(0, count)
  const indexed = new Int32Array(begin[count] ?? 0)
  const positions = new Int32Array(indexed.length)
  for (let name = first; name < names.length; name++) {
    const start = starts[name] ?? 0
    const prefix = prefixLength((starts[name + 1] ?? 0) - start)
    for (let position = 0; position < prefix; position++) {
      const rank = ranks[start + position] ?? 0
      const entry = filled[rank] ?? 0
      filled[rank] = entry + 1
      indexed[entry] = name - first
      positions[entry] = position
    }
  }

  const matches: CrossProviderMatch[] = []
  // The Braze name that last met each Commanders Act name: each pair is weighed once, where their prefixes first meet.
  const metBy = new Int32Array(otherSide.length).fill(-1)
  const candidates = new Int32Array(otherSide.length)
  for (let name = 0; name < first; name++) {
    const start = starts[name] ?? 0
    const size = (starts[name + 1] ?? 0) - start
    let candidateCount = 0
    for (let position = 0, prefix = prefixLength(size); position < prefix; position++) {
      const rank = ranks[start + position] ?? 0
      for (let entry = begin[rank] ?? 0, end = begin[rank + 1] ?? 0; entry < end; entry++) {
        const other = indexed[entry] ?? 0
        if (metBy[other] === name) continue
        metBy[other] = name
        // Positional filtering: a candidate first met at positions i and j can share at most what remains after them.
        const otherSize = (starts[first + other + 1] ?? 0) - (starts[first + other] ?? 0)
        const needed = atLeast((threshold * (size + otherSize)) / 2)
        if (1 + Math.min(size - position - 1, otherSize - (positions[entry] ?? 0) - 1) >= needed)
          candidates[candidateCount++] = other
      }
    }
    for (let candidate = 0; candidate < candidateCount; candidate++) {
      const other = candidates[candidate] ?? 0
      const otherStart = starts[first + other] ?? 0
      const otherSize = (starts[first + other + 1] ?? 0) - otherStart
      const needed = atLeast((threshold * (size + otherSize)) / 2)
      const shared = sharedCount(ranks, start, start + size, otherStart, otherStart + otherSize, needed)
      const dice = (2 * shared) / (size + otherSize)
      if (dice < threshold) continue
      const [brazeName, brazeSegments = []] = brazeSide[name] ?? []
      const [otherName, otherSegments = []] = otherSide[other] ?? []
      // Different names can share every trigram: only equal names are a 100 % match.
      const similarity = otherName === brazeName ? 1 : Math.min(dice, 0.99)
      for (const braze of brazeSegments)
        for (const commandersAct of otherSegments) matches.push({ braze, commandersAct, similarity })
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
