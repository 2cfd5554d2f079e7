// computeFindings: each finding per segment (found, not found, unknown until details load, not applicable) and counts.
import { describe, expect, it } from 'vitest'
import {
  computeFindings,
  FINDING_IDS,
  type FindingCount,
  type FindingId,
  type FindingSettings,
  type SegmentFindings,
} from '../../src/findings/findings'
import type { BrazeSegmentDetails, BrazeSizePoint } from '../../src/providers/braze/schemas'
import { NOT_PROVIDED, type Segment } from '../../src/providers/segment'
import { braze, commandersAct } from './segments'

const now = new Date(2025, 5, 15, 10, 30)
/** staleCutoff(now, 12): local midnight on 15 June 2024. */
const cutoff = new Date(2024, 5, 15)
const defaults: FindingSettings = { staleMonths: 12, namingPattern: null }

function details(id: string, fields: Partial<BrazeSegmentDetails> = {}): BrazeSegmentDetails {
  return {
    id,
    tags: [],
    textDescription: 'Bought twice in 90 days',
    updatedAt: new Date(2025, 0, 10).toISOString(),
    ...fields,
  }
}

/** A daily size series ending 14 June 2025, one point per size given. */
function series(...sizes: number[]): BrazeSizePoint[] {
  return sizes.map((size, index) => ({
    time: new Date(Date.UTC(2025, 5, 14 - (sizes.length - 1 - index))).toISOString().slice(0, 10),
    size,
  }))
}
const days = (count: number, size: number) => Array.from({ length: count }, () => size)

function compute(
  segments: readonly Segment[],
  loaded: { details?: BrazeSegmentDetails[]; sizes?: Record<string, BrazeSizePoint[]> } = {},
  settings = defaults,
  at = now,
): SegmentFindings {
  return computeFindings(
    {
      segments,
      details: new Map((loaded.details ?? []).map((entry) => [entry.id, entry])),
      sizes: new Map(Object.entries(loaded.sizes ?? {})),
    },
    settings,
    at,
  )
}

type Outcome = 'found' | 'not found' | 'unknown' | 'n/a'
const COUNTS: Record<Outcome, FindingCount> = {
  found: { count: 1, checked: 1, applicable: 1 },
  'not found': { count: 0, checked: 1, applicable: 1 },
  unknown: { count: 0, checked: 0, applicable: 1 },
  'n/a': { count: 0, checked: 0, applicable: 0 },
}

/** One segment alone: its counts for one finding and whether that finding is listed for it. */
function expectOutcome(result: SegmentFindings, segment: Segment, id: FindingId, outcome: Outcome) {
  expect(result.counts[id]).toEqual(COUNTS[outcome])
  expect(result.bySegment.get(segment.key)?.includes(id) ?? false).toBe(outcome === 'found')
}

describe('computeFindings, one segment at a time', () => {
  it.each<{ what: string; textDescription?: string | null; loaded: boolean; outcome: Outcome }>([
    { what: 'a text description', textDescription: 'Bought twice in 90 days', loaded: true, outcome: 'not found' },
    { what: 'an empty text description', textDescription: '', loaded: true, outcome: 'found' },
    { what: 'a whitespace-only text description', textDescription: ' \n\t ', loaded: true, outcome: 'found' },
    { what: 'a null text description', textDescription: null, loaded: true, outcome: 'found' },
    { what: 'no text description key', textDescription: undefined, loaded: true, outcome: 'found' },
    { what: 'details not loaded', loaded: false, outcome: 'unknown' },
  ])('no-description: Braze with $what → $outcome', ({ textDescription, loaded, outcome }) => {
    const segment = braze('b1', 'Clients fidèles')
    const result = compute([segment], { details: loaded ? [details('b1', { textDescription })] : [] })
    expectOutcome(result, segment, 'no-description', outcome)
  })

  it('no-description: never applies to Commanders Act, even with Braze details under the same id', () => {
    const segment = commandersAct('b1', 'Visiteurs')
    expectOutcome(
      compute([segment], { details: [details('b1', { textDescription: '' })] }),
      segment,
      'no-description',
      'n/a',
    )
  })

  it.each<{ what: string; segment: Segment; loaded?: BrazeSegmentDetails; outcome: Outcome }>([
    { what: 'Braze with tags', segment: braze('b1', 'Clients', { tags: ['vip'] }), outcome: 'not found' },
    { what: 'Braze with no tags', segment: braze('b1', 'Clients', { tags: [] }), outcome: 'found' },
    {
      what: 'Braze whose workspace does not report tags',
      segment: braze('b1', 'Clients', { tags: NOT_PROVIDED }),
      outcome: 'n/a',
    },
    {
      what: 'Braze whose list omits tags, with details that have none',
      segment: braze('b1', 'Clients', { tags: NOT_PROVIDED }),
      loaded: details('b1', { tags: [] }),
      outcome: 'found',
    },
    {
      what: 'Braze whose list omits tags, with details that have some',
      segment: braze('b1', 'Clients', { tags: NOT_PROVIDED }),
      loaded: details('b1', { tags: ['vip'] }),
      outcome: 'not found',
    },
    {
      what: 'Braze whose list has tags, with details that have none (the list is newer)',
      segment: braze('b1', 'Clients', { tags: ['vip'] }),
      loaded: details('b1', { tags: [] }),
      outcome: 'not found',
    },
    { what: 'Commanders Act', segment: commandersAct('1', 'Visiteurs'), outcome: 'n/a' },
  ])('no-tags: $what → $outcome (from the list, else from the details)', ({ segment, loaded, outcome }) => {
    expectOutcome(compute([segment], { details: loaded ? [loaded] : [] }), segment, 'no-tags', outcome)
  })

  it.each<{ what: string; updatedAt?: string; loaded?: boolean; outcome: Outcome }>([
    { what: 'updated exactly at the cutoff', updatedAt: cutoff.toISOString(), outcome: 'not found' },
    {
      what: 'updated 1 ms before the cutoff',
      updatedAt: new Date(cutoff.getTime() - 1).toISOString(),
      outcome: 'found',
    },
    { what: 'updated last month', updatedAt: new Date(2025, 4, 1).toISOString(), outcome: 'not found' },
    { what: 'updated three years ago', updatedAt: new Date(2022, 0, 1).toISOString(), outcome: 'found' },
    { what: 'no update date', updatedAt: undefined, outcome: 'not found' },
    { what: 'an unreadable update date', updatedAt: 'not a date', outcome: 'not found' },
    { what: 'details not loaded', loaded: false, outcome: 'unknown' },
  ])('stale (12 months): Braze $what → $outcome', ({ updatedAt, loaded = true, outcome }) => {
    const segment = braze('b1', 'Clients fidèles')
    const result = compute([segment], { details: loaded ? [details('b1', { updatedAt })] : [] })
    expectOutcome(result, segment, 'stale', outcome)
  })

  it('stale: never applies to Commanders Act', () => {
    const segment = commandersAct('b1', 'Visiteurs')
    expectOutcome(
      compute([segment], { details: [details('b1', { updatedAt: '2010-01-01T00:00:00Z' })] }),
      segment,
      'stale',
      'n/a',
    )
  })

  it.each<{ what: string; segment: Segment; outcome: Outcome }>([
    { what: 'Braze tracked', segment: braze('b1', 'Clients', { analyticsTracking: true }), outcome: 'not found' },
    { what: 'Braze not tracked', segment: braze('b1', 'Clients', { analyticsTracking: false }), outcome: 'found' },
    { what: 'Commanders Act', segment: commandersAct('1', 'Visiteurs'), outcome: 'n/a' },
  ])('tracking-off: $what → $outcome', ({ segment, outcome }) => {
    expectOutcome(compute([segment]), segment, 'tracking-off', outcome)
  })

  it.each<{ what: string; analyticsTracking?: boolean; sizes?: BrazeSizePoint[]; outcome: Outcome }>([
    { what: '0 every day for 30 days', sizes: series(...days(30, 0)), outcome: 'found' },
    { what: 'a single point at 0', sizes: series(0), outcome: 'found' },
    { what: 'users every day', sizes: series(...days(30, 1200)), outcome: 'not found' },
    { what: '0 but for the last day', sizes: series(...days(29, 0), 3), outcome: 'not found' },
    { what: '0 but for the first day', sizes: series(1, ...days(29, 0)), outcome: 'not found' },
    { what: 'an empty series', sizes: [], outcome: 'not found' },
    { what: 'no series loaded', outcome: 'unknown' },
    {
      what: 'tracking off, even with a series of 0',
      analyticsTracking: false,
      sizes: series(...days(30, 0)),
      outcome: 'n/a',
    },
    { what: 'tracking off and no series', analyticsTracking: false, outcome: 'n/a' },
  ])('size-zero: Braze with $what → $outcome', ({ analyticsTracking = true, sizes, outcome }) => {
    const segment = braze('b1', 'Clients fidèles', { analyticsTracking })
    const result = compute([segment], { sizes: sizes ? { b1: sizes } : {} })
    expectOutcome(result, segment, 'size-zero', outcome)
  })

  it('size-zero: never applies to Commanders Act, even with a Braze series of 0 under the same id', () => {
    const segment = commandersAct('b1', 'Visiteurs')
    expectOutcome(compute([segment], { sizes: { b1: series(...days(30, 0)) } }), segment, 'size-zero', 'n/a')
  })

  it.each<{ segment: Segment; outcome: Outcome }>([
    { segment: braze('b1', 'Copy of Engaged Users'), outcome: 'found' },
    { segment: braze('b1', 'Contest winners'), outcome: 'not found' },
    { segment: commandersAct('1', 'À SUPPRIMER'), outcome: 'found' },
    { segment: commandersAct('1', 'Attestation'), outcome: 'not found' },
  ])('leftover: $segment.provider $segment.name → $outcome', ({ segment, outcome }) => {
    expectOutcome(compute([segment]), segment, 'leftover', outcome)
  })

  it.each<{ pattern: RegExp | null; segment: Segment; outcome: Outcome }>([
    { pattern: null, segment: braze('b1', 'whatever'), outcome: 'n/a' },
    { pattern: null, segment: commandersAct('1', 'whatever'), outcome: 'n/a' },
    { pattern: /^\[(FR|EN)\] /u, segment: braze('b1', '[FR] Clients fidèles'), outcome: 'not found' },
    { pattern: /^\[(FR|EN)\] /u, segment: braze('b1', 'Clients fidèles'), outcome: 'found' },
    { pattern: /^\[(FR|EN)\] /u, segment: commandersAct('1', '[EN] Visitors'), outcome: 'not found' },
    { pattern: /^\[(FR|EN)\] /u, segment: commandersAct('1', 'Visiteurs'), outcome: 'found' },
    // The pattern reads the name as written, not its folded form.
    { pattern: /^[A-Z]/u, segment: braze('b1', 'clients fidèles'), outcome: 'found' },
    { pattern: /^[A-Z]/u, segment: braze('b1', 'Clients fidèles'), outcome: 'not found' },
    // A name that did not read (a malformed answer) cannot break the convention.
    { pattern: /^[A-Z]/u, segment: braze('b1', ''), outcome: 'n/a' },
  ])('naming $pattern: $segment.provider $segment.name → $outcome', ({ pattern, segment, outcome }) => {
    expectOutcome(compute([segment], {}, { ...defaults, namingPattern: pattern }), segment, 'naming', outcome)
  })

  it('duplicate-name and cross-provider: a segment alone is checked and not found', () => {
    const segment = braze('b1', 'Clients fidèles')
    const result = compute([segment])
    expectOutcome(result, segment, 'duplicate-name', 'not found')
    expectOutcome(result, segment, 'cross-provider', 'not found')
  })
})

describe('computeFindings on a list', () => {
  const segments: readonly Segment[] = [
    braze('b1', 'Clients fidèles', { tags: ['vip'] }),
    braze('b2', 'Test Julie', { tags: [], analyticsTracking: false }),
    braze('b3', 'clients fideles', { tags: NOT_PROVIDED }),
    braze('b4', 'Newsletter', { tags: ['news'] }),
    braze('b5', 'Prospects été', { tags: ['prospects'] }),
    braze('b6', 'Abonnés newsletter', { tags: ['news'] }),
    braze('b7', 'Clients premium Lyon', { tags: ['vip'] }),
    commandersAct('c1', 'Clients fideles'),
    // Same id as a Braze segment with details: still never a Braze finding.
    commandersAct('b2', 'Visiteurs page prix'),
    commandersAct('c3', 'visiteurs - page prix'),
    commandersAct('c4', 'tmp_jdupont'),
  ]
  const loadedDetails = [
    details('b1'),
    details('b2', { textDescription: '', updatedAt: new Date(2023, 0, 1).toISOString() }),
    details('b4', { textDescription: null, updatedAt: undefined }),
    details('b5', { textDescription: '   ', updatedAt: cutoff.toISOString() }),
    details('b6', { textDescription: undefined, updatedAt: new Date(cutoff.getTime() - 1).toISOString() }),
    details('b7', { updatedAt: new Date(2025, 4, 20).toISOString() }),
  ]
  const loadedSizes = {
    b1: series(...days(30, 120)),
    b2: series(...days(30, 0)),
    b3: series(...days(30, 0)),
    b4: [],
    b6: series(0, 0, 3),
    b7: series(...days(30, 5000)),
  }

  const expectedBySegment: [string, FindingId[]][] = [
    ['braze:b1', ['duplicate-name', 'cross-provider']],
    ['braze:b2', ['no-description', 'no-tags', 'stale', 'tracking-off', 'leftover']],
    ['braze:b3', ['size-zero', 'duplicate-name', 'cross-provider']],
    ['braze:b4', ['no-description']],
    ['braze:b5', ['no-description']],
    ['braze:b6', ['no-description', 'stale']],
    ['commanders-act:c1', ['cross-provider']],
    ['commanders-act:b2', ['duplicate-name']],
    ['commanders-act:c3', ['duplicate-name']],
    ['commanders-act:c4', ['leftover']],
  ]

  const expectedCounts: Record<FindingId, FindingCount> = {
    // Braze only; b3 has no details yet.
    'no-description': { count: 4, checked: 6, applicable: 7 },
    // Braze segments whose tags are reported (b3's workspace omits them).
    'no-tags': { count: 1, checked: 6, applicable: 6 },
    stale: { count: 2, checked: 6, applicable: 7 },
    'tracking-off': { count: 1, checked: 7, applicable: 7 },
    // Tracked Braze (not b2); b5's series is not loaded.
    'size-zero': { count: 1, checked: 5, applicable: 6 },
    leftover: { count: 2, checked: 11, applicable: 11 },
    naming: { count: 0, checked: 0, applicable: 0 },
    'duplicate-name': { count: 4, checked: 11, applicable: 11 },
    'cross-provider': { count: 3, checked: 11, applicable: 11 },
    // Every Braze row read whole here (a malformed one is its own test); b3's details, which may not, are not loaded.
    malformed: { count: 0, checked: 6, applicable: 7 },
  }

  it('lists each segment’s findings in the findings’ order, and leaves out segments without any', () => {
    const result = compute(segments, { details: loadedDetails, sizes: loadedSizes })
    expect([...result.bySegment]).toEqual(expectedBySegment)
    expect(result.bySegment.has('braze:b7')).toBe(false)
  })

  it('counts each finding with how many segments it was checked on and applies to', () => {
    const result = compute(segments, { details: loadedDetails, sizes: loadedSizes })
    expect(Object.keys(result.counts).sort()).toEqual([...FINDING_IDS].sort())
    expect(result.counts).toEqual(expectedCounts)
  })

  it('counts agree with the per-segment lists', () => {
    const result = compute(segments, { details: loadedDetails, sizes: loadedSizes })
    for (const id of FINDING_IDS) {
      const listed = [...result.bySegment.values()].filter((found) => found.includes(id)).length
      expect(result.counts[id].count, id).toBe(listed)
      expect(result.counts[id].count).toBeLessThanOrEqual(result.counts[id].checked)
      expect(result.counts[id].checked).toBeLessThanOrEqual(result.counts[id].applicable)
    }
  })

  it('exposes the duplicate groups and the cross-provider matches', () => {
    const result = compute(segments, { details: loadedDetails, sizes: loadedSizes })
    expect(
      result.duplicateGroups.map((group) => [
        group.provider,
        group.normalisedName,
        group.segments.map((segment) => segment.key),
      ]),
    ).toEqual([
      ['braze', 'clients fideles', ['braze:b1', 'braze:b3']],
      ['commanders-act', 'visiteurs page prix', ['commanders-act:b2', 'commanders-act:c3']],
    ])
    expect(
      result.crossProviderMatches.map((match) => [match.braze.key, match.commandersAct.key, match.similarity]),
    ).toEqual([
      ['braze:b1', 'commanders-act:c1', 1],
      ['braze:b3', 'commanders-act:c1', 1],
    ])
  })

  it('turns the naming finding on for every segment with a pattern', () => {
    const result = compute(
      segments,
      { details: loadedDetails, sizes: loadedSizes },
      { ...defaults, namingPattern: /^[A-Z]/u },
    )
    expect(result.counts.naming).toEqual({ count: 3, checked: 11, applicable: 11 })
    const breaking = [...result.bySegment].filter(([, found]) => found.includes('naming')).map(([key]) => key)
    expect(breaking).toEqual(['braze:b3', 'commanders-act:c3', 'commanders-act:c4'])
    // The other findings do not move.
    for (const id of FINDING_IDS.filter((other) => other !== 'naming'))
      expect(result.counts[id]).toEqual(expectedCounts[id])
  })

  it.each([
    {
      months: 12,
      day: '15 June 2025',
      at: now,
      expectedCutoff: new Date(2024, 5, 15),
      stale: ['braze:b2', 'braze:b6'],
    },
    {
      months: 3,
      day: '15 June 2025',
      at: now,
      expectedCutoff: new Date(2025, 2, 15),
      stale: ['braze:b1', 'braze:b2', 'braze:b5', 'braze:b6'],
    },
    { months: 36, day: '15 June 2025', at: now, expectedCutoff: new Date(2022, 5, 15), stale: [] },
    {
      months: 12,
      day: '15 June 2024',
      at: new Date(2024, 5, 15, 9),
      expectedCutoff: new Date(2023, 5, 15),
      stale: ['braze:b2'],
    },
    {
      months: 12,
      day: '11 January 2026',
      at: new Date(2026, 0, 11),
      expectedCutoff: new Date(2025, 0, 11),
      stale: ['braze:b1', 'braze:b2', 'braze:b5', 'braze:b6'],
    },
  ])('stale: $months months before $day', ({ months, at, expectedCutoff, stale }) => {
    const result = compute(
      segments,
      { details: loadedDetails, sizes: loadedSizes },
      { ...defaults, staleMonths: months },
      at,
    )
    expect(result.staleCutoff.getTime()).toBe(expectedCutoff.getTime())
    expect([...result.bySegment].filter(([, found]) => found.includes('stale')).map(([key]) => key)).toEqual(stale)
    expect(result.counts.stale).toEqual({ count: stale.length, checked: 6, applicable: 7 })
  })

  it('with nothing loaded, every detail- and size-based finding is unknown, the others are known', () => {
    const result = compute(segments)
    expect(result.counts['no-description']).toEqual({ count: 0, checked: 0, applicable: 7 })
    expect(result.counts.stale).toEqual({ count: 0, checked: 0, applicable: 7 })
    expect(result.counts['size-zero']).toEqual({ count: 0, checked: 0, applicable: 6 })
    expect(result.counts['no-tags']).toEqual(expectedCounts['no-tags'])
    expect(result.counts['tracking-off']).toEqual(expectedCounts['tracking-off'])
    expect(result.counts.leftover).toEqual(expectedCounts.leftover)
    expect(result.counts['duplicate-name']).toEqual(expectedCounts['duplicate-name'])
    expect(result.counts['cross-provider']).toEqual(expectedCounts['cross-provider'])
  })

  it('gives the same name-based results for the same list, and follows a changed details map', () => {
    const first = compute(segments, { details: loadedDetails, sizes: loadedSizes })
    // b3's details arrive: an empty description, an old update, and no tags (which its list entry did not send).
    const moreDetails = [...loadedDetails, details('b3', { textDescription: '', updatedAt: '2020-01-01T00:00:00Z' })]
    const second = compute(segments, { details: moreDetails, sizes: loadedSizes })

    expect(second.duplicateGroups).toBe(first.duplicateGroups)
    expect(second.crossProviderMatches).toBe(first.crossProviderMatches)
    for (const id of ['leftover', 'duplicate-name', 'cross-provider'] as const)
      expect(second.counts[id]).toEqual(first.counts[id])

    expect(second.counts['no-description']).toEqual({ count: 5, checked: 7, applicable: 7 })
    expect(second.counts.stale).toEqual({ count: 3, checked: 7, applicable: 7 })
    expect(second.counts['no-tags']).toEqual({ count: 2, checked: 7, applicable: 7 })
    expect(second.bySegment.get('braze:b3')).toEqual([
      'no-description',
      'no-tags',
      'stale',
      'size-zero',
      'duplicate-name',
      'cross-provider',
    ])
    // The first result is not changed by the second call.
    expect(first.counts['no-description']).toEqual(expectedCounts['no-description'])
  })

  it('follows a new list: renamed segments change the name-based findings', () => {
    const first = compute(segments)
    const renamed = segments.map((segment) =>
      segment.key === 'braze:b3' ? { ...segment, name: 'Clients magasin' } : segment,
    )
    const second = compute(renamed)
    expect(second.duplicateGroups).not.toBe(first.duplicateGroups)
    expect(second.duplicateGroups.map((group) => group.normalisedName)).toEqual(['visiteurs page prix'])
    expect(second.crossProviderMatches.map((match) => match.braze.key)).toEqual(['braze:b1'])
    expect(second.counts['duplicate-name'].count).toBe(2)
    expect(second.counts['cross-provider'].count).toBe(2)
    // And the first list still gives its own results.
    expect(compute(segments).counts['duplicate-name'].count).toBe(4)
  })

  it('finds nothing in an empty list', () => {
    const result = compute([])
    expect(result.bySegment.size).toBe(0)
    for (const id of FINDING_IDS) expect(result.counts[id]).toEqual({ count: 0, checked: 0, applicable: 0 })
    expect(result.duplicateGroups).toEqual([])
    expect(result.crossProviderMatches).toEqual([])
  })
})

describe('malformed answer', () => {
  it.each([
    { what: 'a list row with a field that did not read', segment: { malformed: ['name'] }, details: {}, found: true },
    { what: 'details with an unreadable date', segment: {}, details: { malformed: ['updated_at'] }, found: true },
    { what: 'a row and details that read whole', segment: {}, details: {}, found: false },
  ])('Braze: $what → found $found', ({ segment, details: detailFields, found }) => {
    const row = { ...braze('b1', 'Clients fidèles'), ...segment }
    const result = compute([row], { details: [details('b1', detailFields)] })
    expect(result.bySegment.get(row.key)?.includes('malformed') ?? false).toBe(found)
    expect(result.counts.malformed).toEqual({ count: found ? 1 : 0, checked: 1, applicable: 1 })
  })

  it('Braze: a row that read whole is not known to be whole until its details are loaded; a malformed one is', () => {
    const whole = braze('b1', 'Clients fidèles')
    const malformed = { ...braze('b2', 'Clients VIP'), malformed: ['name'] }
    const result = compute([whole, malformed], {})
    expect(result.bySegment.get(malformed.key)).toContain('malformed')
    expect(result.counts.malformed).toEqual({ count: 1, checked: 1, applicable: 2 })
  })
})
