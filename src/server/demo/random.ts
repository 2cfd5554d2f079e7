// Seeded randomness for the demo providers: the same seed must always give the same demo data.

/** A source of floats in [0, 1), like Math.random but reproducible. */
export type Random = () => number

/** mulberry32: tiny, fast and good enough for fake data; the state is one 32-bit integer. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a, so a value derived from a string (a segment id, a tcid) never depends on call order. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}

export function chance(random: Random, probability: number): boolean {
  return random() < probability
}

/** The non-empty tuple type lets strict indexing return T without a non-null assertion. */
export function pick<T>(random: Random, items: readonly [T, ...T[]]): T {
  return items[Math.floor(random() * items.length)] ?? items[0]
}

/** Up to `count` distinct items, in the list's own order so tags read naturally. */
export function pickDistinct<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen = new Set<number>()
  const wanted = Math.min(count, items.length)
  while (chosen.size < wanted) chosen.add(Math.floor(random() * items.length))
  return items.filter((_, index) => chosen.has(index))
}

/** One item from each of `count` distinct groups, groups kept in their order. */
export function pickFromGroups<T>(random: Random, groups: readonly (readonly [T, ...T[]])[], count: number): T[] {
  return pickDistinct(random, groups, count).map((group) => pick(random, group))
}

export function randomHex(random: Random, length: number): string {
  let hex = ''
  for (let i = 0; i < length; i++) hex += Math.floor(random() * 16).toString(16)
  return hex
}
