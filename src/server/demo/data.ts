// The demo data model and entry point: deterministic Braze and Commanders Act segments for fake providers and tests.
import { generateBrazeSegments } from './braze-data.ts'
import type { BrazeDateForm, BrazeListQuirk } from './braze-quirks.ts'
import { generateCommandersActSegments } from './commanders-act-data.ts'

export interface DemoBrazeSegment {
  /** UUID v4-looking, like Braze's segment API identifiers. */
  id: string
  name: string
  analyticsTrackingEnabled: boolean
  /** undefined: an "old account" segment whose list entry omits the key; may contain null, as seen in real answers. */
  tags: (string | null)[] | undefined
  /** ISO 8601, some with milliseconds and some without, as Braze mixes both. */
  createdAt: string
  updatedAt: string
  /** Braze's own human-readable description of the segment's filters. */
  description: string
  /** The marketer's free text; undefined: key omitted (older workspace); null or '': empty. */
  textDescription: string | null | undefined
  /** undefined: key omitted (older workspace). */
  teams: string[] | undefined
  /** Typical audience size, the base of the size series; 0 for empty segments. */
  baseSize: number
  /** How this segment's list row breaks the documented schema, for the few that do. */
  listQuirk?: BrazeListQuirk
  /** The form of the dates in this segment's details answer, for the few not in plain UTC ISO 8601. */
  dateForm?: BrazeDateForm
}

export interface DemoCommandersActSegment {
  /** 8 upper-case hex characters, unique. */
  id: string
  label: string
}

export interface DemoData {
  braze: DemoBrazeSegment[]
  commandersAct: DemoCommandersActSegment[]
}

export interface DemoDataOptions {
  brazeCount: number
  commandersActCount: number
  seed?: number
  /** The end of the demo timeline; fixed by default so that the function is pure. */
  now?: Date
}

export const DEFAULT_DEMO_SEED = 20_240_601
export const DEFAULT_DEMO_NOW = new Date('2026-11-01T00:00:00.000Z')

/**
 * Same options, same data. Braze segments come in creation order (createdAt strictly increasing).
 * Every awkward case (omitted keys, null tag, markup and formula names, duplicates, cross-provider
 * near matches) is placed within the first 50 Braze and 20 Commanders Act segments, so small test
 * data sets contain them; index 0 of each provider is always an ordinary, well-formed segment.
 */
export function generateDemoData(options: DemoDataOptions): DemoData {
  const seed = options.seed ?? DEFAULT_DEMO_SEED
  const now = options.now ?? DEFAULT_DEMO_NOW
  assertCount('brazeCount', options.brazeCount)
  assertCount('commandersActCount', options.commandersActCount)
  const braze = generateBrazeSegments(options.brazeCount, seed, now)
  const commandersAct = generateCommandersActSegments(
    options.commandersActCount,
    seed,
    braze.map((segment) => segment.name),
  )
  return { braze, commandersAct }
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`)
  }
}
