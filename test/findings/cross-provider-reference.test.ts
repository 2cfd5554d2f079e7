// Cross-provider matches on a few thousand demo names, some of them in other scripts, are exactly those a plain
// comparison of every Braze name with every Commanders Act name finds: same pairs, same similarities, same order.
// The reference below is written from the definition alone (padded windows of three UTF-16 code units, a window seen
// again counted again, Dice), independent of how findCrossProviderMatches numbers, orders and indexes trigrams.
import { describe, expect, it } from 'vitest'
import { findCrossProviderMatches, type CrossProviderMatch } from '../../src/findings/cross-provider'
import { normaliseName } from '../../src/findings/name-similarity'
import { NAME_COLLATOR } from '../../src/lib/name-order'
import type { Segment } from '../../src/providers/segment'
import { generateDemoData } from '../../src/server/demo/data'
import { braze, commandersAct } from './segments'

/**
 * Some names written partly in other scripts, the same way on both sides so their matches stay: Greek below code
 * unit 1024, Cyrillic above it, a CJK letter outside the Basic Multilingual Plane (two code units, which windows
 * split), and a repeated first word so that windows repeat.
 */
function rewritten(name: string): string {
  const folded = normaliseName(name)
  if (/^[a-f]/.test(folded)) return name.replace(/o/g, 'ο').replace(/e/g, 'е')
  if (/^[g-m]/.test(folded)) return name.replace(/a/g, '\u{20000}').replace(/i/g, 'и')
  if (/^[n-r]/.test(folded)) return `${name} ${folded.split(' ')[0] ?? ''}`
  return name
}

const demo = generateDemoData({ brazeCount: 2_000, commandersActCount: 600 })
const segments: Segment[] = [
  ...demo.braze.map((segment, index) => braze(`b${index}`, rewritten(segment.name))),
  ...demo.commandersAct.map((segment, index) => commandersAct(`c${index}`, rewritten(segment.label))),
  // Names whose Cyrillic letters have the low bits of Latin ones (ѡ U+0461, a U+0061): trigrams are not the same.
  ...demo.commandersAct
    .slice(0, 40)
    .map((segment, index) =>
      braze(`l${index}`, segment.label.replace(/a/g, 'ѡ').replace(/e/g, 'ѥ').replace(/o/g, 'ѯ')),
    ),
  // Long runs of one window, names of one letter, and a name only of letters outside the Basic Multilingual Plane.
  braze('x1', 'a'.repeat(60)),
  commandersAct('x1', 'a'.repeat(58)),
  braze('x2', 'a'),
  commandersAct('x2', 'A'),
  braze('x3', '\u{20000}\u{20001}\u{20000}'),
  commandersAct('x3', '\u{20000}\u{20001}\u{20000}\u{20001}'),
]

function windowsOf(name: string): { counts: Map<string, number>; size: number } {
  const padded = `  ${name} `
  const counts = new Map<string, number>()
  for (let index = 0; index + 3 <= padded.length; index++) {
    const window = padded.slice(index, index + 3)
    counts.set(window, (counts.get(window) ?? 0) + 1)
  }
  return { counts, size: padded.length - 2 }
}

function dice(a: ReturnType<typeof windowsOf>, b: ReturnType<typeof windowsOf>): number {
  let shared = 0
  for (const [window, count] of a.counts) shared += Math.min(count, b.counts.get(window) ?? 0)
  return (2 * shared) / (a.size + b.size)
}

const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Every named Braze segment against every named Commanders Act one; the pairs from `lowest` on, each once. */
function everyPair(lowest: number): { match: CrossProviderMatch; score: number }[] {
  const named = (provider: Segment['provider']) =>
    segments
      .filter((segment) => segment.provider === provider && normaliseName(segment.name) !== '')
      .map((segment) => ({
        segment,
        name: normaliseName(segment.name),
        windows: windowsOf(normaliseName(segment.name)),
      }))
  const others = named('commanders-act')
  const pairs: { match: CrossProviderMatch; score: number }[] = []
  for (const left of named('braze'))
    for (const right of others) {
      const score = dice(left.windows, right.windows)
      if (score < lowest) continue
      const similarity = left.name === right.name ? 1 : Math.min(score, 0.99)
      pairs.push({ match: { braze: left.segment, commandersAct: right.segment, similarity }, score })
    }
  return pairs
}

const pairs = everyPair(0.5)

function expected(threshold: number): CrossProviderMatch[] {
  return pairs
    .filter(({ score }) => score >= threshold)
    .map(({ match }) => match)
    .sort(
      (a, b) =>
        b.similarity - a.similarity ||
        NAME_COLLATOR.compare(a.braze.name, b.braze.name) ||
        compareKeys(a.braze.key, b.braze.key) ||
        compareKeys(a.commandersAct.key, b.commandersAct.key),
    )
}

describe('findCrossProviderMatches against every pair compared', () => {
  it('is a list with exact, near and far matches, in other scripts and with repeated windows too', () => {
    const near = (match: CrossProviderMatch) => match.similarity < 1 && match.similarity >= 0.85
    const matches = expected(0.5)
    expect(matches.filter((match) => match.similarity === 1).length).toBeGreaterThan(100)
    expect(matches.filter(near).length).toBeGreaterThan(100)
    expect(matches.filter((match) => match.similarity < 0.85).length).toBeGreaterThan(1000)
    for (const script of [/ο/, /е/, /\u{20000}/u, /и/])
      expect(matches.filter((match) => near(match) && script.test(match.braze.name)).length).toBeGreaterThan(5)
    const repeated = matches.filter(
      (match) => near(match) && [...windowsOf(normaliseName(match.braze.name)).counts.values()].some((n) => n > 1),
    )
    expect(repeated.length).toBeGreaterThan(5)
  })

  it.each([0.5, 0.7, 0.85, 0.9, 0.95, 1])('finds the same matches, similarities and order at %s', (threshold) => {
    expect(findCrossProviderMatches(segments, threshold)).toEqual(expected(threshold))
  })
})
