// Builds the demo Braze segments: realistic names and fields, with the awkward cases real workspaces have.
import type { DemoBrazeSegment } from './data.ts'
import {
  chance,
  createRandom,
  pick,
  pickDistinct,
  pickFromGroups,
  randomHex,
  randomInt,
  type Random,
} from './random.ts'
import {
  ENGLISH_AUDIENCES,
  ENGLISH_QUALIFIERS,
  FILTER_LINES,
  FRENCH_AUDIENCES,
  FRENCH_QUALIFIERS,
  LEFTOVER_NAMES,
  LONG_NAMES,
  NAME_EMOJI,
  NAME_PREFIXES,
  TAGS,
  TEAMS,
  TEXT_DESCRIPTIONS,
  TEXT_DESCRIPTIONS_WITH_URL,
  TRICKY_NAMES,
} from './vocabulary.ts'

const DAY_MS = 86_400_000
const TIMELINE_MS = Math.round(4 * 365.25 * DAY_MS)
/** Segments created in the timeline's first quarter belong to the "older workspace" era: keys omitted more often. */
const OLD_ERA_FRACTION = 0.25

type NameRule = (earlierNames: readonly string[]) => string

/** Fixed placements so that any data set of 50 or more segments holds every awkward name. */
const FORCED_NAMES = new Map<number, NameRule>([
  [1, () => 'Clients fidèles'],
  [5, () => '<img src=x onerror=alert(1)>'],
  [8, (names) => `Copy of ${names[2] ?? 'Engaged Recent Users'}`],
  [11, () => '=HYPERLINK("http://x","y")'],
  [14, (names) => names[3] ?? 'Lapsed Users - 30 days'],
  [17, () => 'TMP - do not use'],
  [20, () => LONG_NAMES[0]],
  [23, () => '+33 leads'],
  [26, () => '<b>VIP</b>'],
  [29, () => 'test'],
  [32, () => '-10% promo'],
  [35, () => '@mention segment'],
  [38, () => 'Newsletter opt-in 🇫🇷'],
  [41, (names) => names[6] ?? 'Engaged Recent Users'],
  [44, () => 'Clients "premium", Paris'],
  [47, () => 'Lapsed Users - 30 days'],
])

/** Fixed placements of the awkward field values, for the same reason. */
const FORCED_FIELDS = new Map<number, Partial<DemoBrazeSegment>>([
  [3, { tags: undefined }],
  [4, { tags: ['crm', null, 'vip'] }],
  [6, { textDescription: undefined, teams: undefined }],
  [7, { textDescription: null }],
  [9, { textDescription: '' }],
  [10, { tags: [] }],
  [12, { analyticsTrackingEnabled: false }],
  [13, { baseSize: 0, analyticsTrackingEnabled: true }],
  [15, { textDescription: TEXT_DESCRIPTIONS_WITH_URL[0] }],
  [16, { tags: undefined, textDescription: undefined, teams: undefined }],
  [18, { listQuirk: 'no-name' }],
  [19, { listQuirk: 'tracking-as-string' }],
  [21, { listQuirk: 'extra-field' }],
  [22, { dateForm: 'offset-without-colon' }],
  [24, { dateForm: 'date-only' }],
  [25, { dateForm: 'space-separated' }],
  [27, { dateForm: 'long-fraction' }],
  [28, { dateForm: 'unreadable' }],
])

export function generateBrazeSegments(count: number, seed: number, now: Date): DemoBrazeSegment[] {
  // Creation dates are drawn all at once and sorted, from their own stream so they never shift the per-segment draws.
  const random = createRandom(seed)
  const createdTimes = creationTimeline(count, createRandom(seed ^ 0x7e11ce), now.getTime())
  const timelineStart = now.getTime() - TIMELINE_MS
  const usedIds = new Set<string>()
  const names: string[] = []
  const usedNames = new Set<string>()
  const segments: DemoBrazeSegment[] = []
  for (let index = 0; index < count; index++) {
    const createdMs = createdTimes[index] ?? now.getTime()
    const oldEra = createdMs < timelineStart + TIMELINE_MS * OLD_ERA_FRACTION
    const name = segmentName(index, random, names, usedNames)
    names.push(name)
    usedNames.add(name)
    const segment: DemoBrazeSegment = {
      id: uniqueUuid(random, usedIds),
      name,
      analyticsTrackingEnabled: chance(random, 0.7),
      tags: segmentTags(random, oldEra, name),
      ...timestamps(random, createdMs, now.getTime()),
      description: filterDescription(random),
      textDescription: textDescription(random, oldEra),
      teams: chance(random, oldEra ? 0.45 : 0.03) ? undefined : pickDistinct(random, TEAMS, teamCount(random)),
      baseSize: chance(random, 0.04) ? 0 : Math.round(Math.exp(random() * Math.log(150_000)) * 20),
    }
    segments.push(index === 0 ? ordinary(segment) : { ...segment, ...FORCED_FIELDS.get(index) })
  }
  return segments
}

/** Index 0 is what tests reach for first: every field present and plain. */
function ordinary(segment: DemoBrazeSegment): DemoBrazeSegment {
  return {
    ...segment,
    analyticsTrackingEnabled: true,
    tags: ['newsletter', 'crm'],
    textDescription: TEXT_DESCRIPTIONS[1],
    teams: ['CRM'],
    baseSize: Math.max(segment.baseSize, 48_210),
  }
}

/** Strictly increasing times over the last four years, denser recently as usage grows. */
function creationTimeline(count: number, random: Random, nowMs: number): number[] {
  const start = nowMs - TIMELINE_MS
  const latest = nowMs - DAY_MS
  const offsets = Array.from({ length: count }, () => random() ** 0.8 * (latest - start))
  offsets.sort((a, b) => a - b)
  const times: number[] = []
  let previous = -Infinity
  for (const offset of offsets) {
    // A 2 s gap keeps the order strict even after dropping milliseconds from the display.
    const time = Math.max(Math.round(start + offset), previous + 2000)
    times.push(time)
    previous = time
  }
  return times
}

function timestamps(random: Random, createdMs: number, nowMs: number): { createdAt: string; updatedAt: string } {
  const createdAt = isoTimestamp(createdMs, chance(random, 0.6))
  const roll = random()
  if (roll < 0.25) return { createdAt, updatedAt: createdAt }
  const window = roll < 0.55 ? Math.min(14 * DAY_MS, nowMs - createdMs) : nowMs - createdMs
  const updatedMs = createdMs + 60_000 + Math.floor(random() * Math.max(0, window - 60_000))
  return { createdAt, updatedAt: isoTimestamp(Math.min(updatedMs, nowMs), chance(random, 0.6)) }
}

function isoTimestamp(ms: number, withMilliseconds: boolean): string {
  const iso = new Date(ms).toISOString()
  return withMilliseconds ? iso : `${iso.slice(0, 19)}Z`
}

function segmentName(
  index: number,
  random: Random,
  earlierNames: readonly string[],
  usedNames: ReadonlySet<string>,
): string {
  const forced = FORCED_NAMES.get(index)
  if (forced) return forced(earlierNames)
  if (index < 50) return composeUniqueName(random, usedNames)
  const roll = random()
  if (roll < 0.015) return `Copy of ${earlierNames[randomInt(random, 0, index - 1)] ?? 'test'}`
  if (roll < 0.03) return pick(random, LEFTOVER_NAMES)
  if (roll < 0.045) return earlierNames[randomInt(random, 0, index - 1)] ?? 'test'
  if (roll < 0.052) return pick(random, LONG_NAMES)
  if (roll < 0.057) return pick(random, TRICKY_NAMES)
  return composeUniqueName(random, usedNames)
}

/** Duplicates are placed on purpose; the ordinary names avoid accidental ones (a few retries, then accept). */
function composeUniqueName(random: Random, usedNames: ReadonlySet<string>): string {
  let name = composeName(random)
  for (let attempt = 0; attempt < 6 && usedNames.has(name); attempt++) name = composeName(random)
  return name
}

function composeName(random: Random): string {
  const french = chance(random, 0.55)
  const audience = pick(random, french ? FRENCH_AUDIENCES : ENGLISH_AUDIENCES)
  const qualifiers = french ? FRENCH_QUALIFIERS : ENGLISH_QUALIFIERS
  const dash = french && chance(random, 0.5) ? '–' : '-'
  const shape = random()
  let name: string
  if (shape < 0.08) name = audience
  else if (shape < 0.25) name = `${audience} ${pickFromGroups(random, qualifiers, 1).join('')}`
  else if (shape < 0.7) name = `${audience} ${dash} ${pickFromGroups(random, qualifiers, 1).join('')}`
  else name = [audience, ...pickFromGroups(random, qualifiers, 2)].join(` ${dash} `)
  if (chance(random, 0.12)) {
    const prefix = chance(random, 0.4) ? (french ? '[FR]' : '[EN]') : pick(random, NAME_PREFIXES)
    name = `${prefix} ${name}`
  }
  if (chance(random, 0.06)) name = `${name} ${pick(random, NAME_EMOJI)}`
  return name
}

function segmentTags(random: Random, oldEra: boolean, name: string): (string | null)[] | undefined {
  if (chance(random, oldEra ? 0.2 : 0.016)) return undefined
  const tags: (string | null)[] = chance(random, 0.15) ? [] : pickDistinct(random, TAGS, randomInt(random, 1, 4))
  if (/test|tmp|essai/i.test(name) && !tags.includes('test')) tags.push('test')
  if (chance(random, 0.03)) tags.splice(randomInt(random, 0, tags.length), 0, null)
  return tags
}

function teamCount(random: Random): number {
  const roll = random()
  return roll < 0.35 ? 0 : roll < 0.85 ? 1 : 2
}

function textDescription(random: Random, oldEra: boolean): string | null | undefined {
  if (chance(random, oldEra ? 0.45 : 0.03)) return undefined
  const roll = random()
  if (roll < 0.12) return null
  if (roll < 0.22) return ''
  if (roll < 0.26) return pick(random, TEXT_DESCRIPTIONS_WITH_URL)
  return pick(random, TEXT_DESCRIPTIONS)
}

function filterDescription(random: Random): string {
  if (chance(random, 0.03)) return 'All users'
  const lines = pickDistinct(random, FILTER_LINES, randomInt(random, 1, 4))
  return ['Users who:', ...lines.map((line) => `  - ${line}`)].join('\n')
}

/** Version 4 layout (version nibble 4, variant 8–b), drawn from the seeded stream so ids are reproducible. */
function uniqueUuid(random: Random, used: Set<string>): string {
  for (;;) {
    const hex = randomHex(random, 32)
    const variant = '89ab'[Math.floor(random() * 4)] ?? '8'
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
    if (!used.has(id)) {
      used.add(id)
      return id
    }
  }
}
