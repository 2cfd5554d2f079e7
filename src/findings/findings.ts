// The audit's findings: what each segment's name, fields, details and size say is worth a look, with counts that
// tell how many segments could be checked (details arrive with the scan). Pure: computed, never stored.
import { brazeTags, type BrazeSegmentDetails, type BrazeSizePoint } from '../providers/braze/schemas'
import type { ProviderId } from '../providers/provider-id'
import { NOT_PROVIDED, type Segment } from '../providers/segment'
import { FINDING_IDS, type FindingId } from './finding-ids'
import { CROSS_PROVIDER_THRESHOLD, findCrossProviderMatches, type CrossProviderMatch } from './cross-provider'
import { findDuplicateNames, type DuplicateNameGroup } from './duplicates'
import { isLeftoverNormalisedName } from './leftovers'
import { normaliseName } from './name-similarity'
import { isUpdatedBefore, staleCutoff } from './staleness'

export { FINDING_IDS, type FindingId }

/**
 * The providers whose whole list a finding needs: while one of them failed, its count would be a misleading 0. The
 * others are read segment by segment (or within one provider), so they still hold for the list that did load.
 */
export const FINDING_NEEDS: Readonly<Record<FindingId, readonly ProviderId[]>> = {
  'no-description': ['braze'],
  'no-tags': ['braze'],
  stale: ['braze'],
  'tracking-off': ['braze'],
  'size-zero': ['braze'],
  leftover: [],
  naming: [],
  'duplicate-name': [],
  'cross-provider': ['braze', 'commanders-act'],
  malformed: ['braze'],
}

export interface FindingSettings {
  /** "Not updated in N months". */
  staleMonths: number
  /** The team's naming convention; null: none set, the finding is off. */
  namingPattern: RegExp | null
}

export interface FindingSources {
  segments: readonly Segment[]
  /** Braze details by segment id, as far as they are loaded. */
  details: ReadonlyMap<string, BrazeSegmentDetails>
  /** Braze 30-day size series by segment id, as far as they are loaded. */
  sizes: ReadonlyMap<string, readonly BrazeSizePoint[]>
}

export interface FindingCount {
  /** Segments with the finding. */
  count: number
  /** Segments it could be checked on: for detail-based findings, those whose details are loaded. */
  checked: number
  /** Segments it applies to at all (e.g. Braze only for descriptions). */
  applicable: number
}

export interface SegmentFindings {
  bySegment: ReadonlyMap<string, readonly FindingId[]>
  counts: Readonly<Record<FindingId, FindingCount>>
  duplicateGroups: readonly DuplicateNameGroup[]
  crossProviderMatches: readonly CrossProviderMatch[]
  staleCutoff: Date
}

interface NameFindings {
  duplicateGroups: DuplicateNameGroup[]
  crossProviderMatches: CrossProviderMatch[]
  duplicateKeys: Set<string>
  matchedKeys: Set<string>
  leftoverKeys: Set<string>
}

// Name comparisons are the costly part and depend on the list alone: done once per list, shared by every page.
const nameFindingsByList = new WeakMap<readonly Segment[], NameFindings>()

function nameFindingsOf(segments: readonly Segment[]): NameFindings {
  let found = nameFindingsByList.get(segments)
  if (!found) {
    // Set one by one rather than from a [segment, name] pair per segment: 20,000 fewer arrays to make and collect.
    const normalised = new Map<Segment, string>()
    for (const segment of segments) normalised.set(segment, normaliseName(segment.name))
    const nameOf = (segment: Segment) => normalised.get(segment) ?? ''
    const duplicateGroups = findDuplicateNames(segments, nameOf)
    const crossProviderMatches = findCrossProviderMatches(segments, CROSS_PROVIDER_THRESHOLD, nameOf)
    // Keys added one by one: no array per group or pair on the way (20,000 segments, ten thousand pairs).
    const duplicateKeys = new Set<string>()
    for (const group of duplicateGroups) for (const segment of group.segments) duplicateKeys.add(segment.key)
    const matchedKeys = new Set<string>()
    for (const match of crossProviderMatches) matchedKeys.add(match.braze.key).add(match.commandersAct.key)
    found = {
      leftoverKeys: new Set(
        segments.filter((segment) => isLeftoverNormalisedName(nameOf(segment))).map((segment) => segment.key),
      ),
      duplicateGroups,
      crossProviderMatches,
      duplicateKeys,
      matchedKeys,
    }
    nameFindingsByList.set(segments, found)
  }
  return found
}

/** For one finding on one segment: not applicable, applicable but unknown yet, or known (true: found). */
type Check = 'n/a' | 'unknown' | boolean

function checksOf(
  segment: Segment,
  sources: FindingSources,
  settings: FindingSettings,
  cutoff: Date,
  names: NameFindings,
): Record<FindingId, Check> {
  const braze = segment.provider === 'braze'
  const details = braze ? sources.details.get(segment.id) : undefined
  const sizes = braze ? sources.sizes.get(segment.id) : undefined
  const tracked = segment.analyticsTracking === true
  const tags = brazeTags(segment, details)
  const detailCheck = (found: (loaded: BrazeSegmentDetails) => boolean): Check =>
    !braze ? 'n/a' : details ? found(details) : 'unknown'
  return {
    'no-description': detailCheck((loaded) => !loaded.textDescription?.trim()),
    'no-tags': tags === NOT_PROVIDED ? 'n/a' : tags.length === 0,
    stale: detailCheck((loaded) => isUpdatedBefore(loaded.updatedAt, cutoff)),
    'tracking-off': segment.analyticsTracking === NOT_PROVIDED ? 'n/a' : !segment.analyticsTracking,
    // Braze has no size for untracked segments; an empty series says nothing either way.
    'size-zero':
      !braze || !tracked ? 'n/a' : !sizes ? 'unknown' : sizes.length > 0 && sizes.every((point) => point.size === 0),
    leftover: names.leftoverKeys.has(segment.key),
    // A name that did not read cannot be said to break the convention.
    naming: settings.namingPattern && segment.name !== '' ? !settings.namingPattern.test(segment.name) : 'n/a',
    'duplicate-name': names.duplicateKeys.has(segment.key),
    'cross-provider': names.matchedKeys.has(segment.key),
    // Braze's list rows and details are read field by field: a row listed with a field that did not read, or, once
    // loaded, details with one.
    malformed: segment.malformed?.length ? true : detailCheck((loaded) => !!loaded.malformed?.length),
  }
}

export function computeFindings(sources: FindingSources, settings: FindingSettings, now: Date): SegmentFindings {
  const names = nameFindingsOf(sources.segments)
  const cutoff = staleCutoff(now, settings.staleMonths)
  const counts = Object.fromEntries(FINDING_IDS.map((id) => [id, { count: 0, checked: 0, applicable: 0 }])) as Record<
    FindingId,
    FindingCount
  >
  const bySegment = new Map<string, FindingId[]>()
  for (const segment of sources.segments) {
    const checks = checksOf(segment, sources, settings, cutoff, names)
    const found: FindingId[] = []
    for (const id of FINDING_IDS) {
      const check = checks[id]
      if (check === 'n/a') continue
      const count = counts[id]
      count.applicable += 1
      if (check === 'unknown') continue
      count.checked += 1
      if (check) {
        count.count += 1
        found.push(id)
      }
    }
    if (found.length > 0) bySegment.set(segment.key, found)
  }
  return {
    bySegment,
    counts,
    duplicateGroups: names.duplicateGroups,
    crossProviderMatches: names.crossProviderMatches,
    staleCutoff: cutoff,
  }
}
