// Duplicate names within a provider: two or more segments whose names are the same once normalised.
import type { ProviderId } from '../providers/provider-id'
import type { Segment } from '../providers/segment'
import { normaliseName } from './name-similarity'

export interface DuplicateNameGroup {
  provider: ProviderId
  normalisedName: string
  segments: readonly Segment[]
}

export function findDuplicateNames(
  segments: readonly Segment[],
  nameOf: (segment: Segment) => string = (segment) => normaliseName(segment.name),
): DuplicateNameGroup[] {
  const groups = new Map<string, Segment[]>()
  for (const segment of segments) {
    const normalisedName = nameOf(segment)
    // A name with no letter or digit at all is not a name two segments can share meaningfully.
    if (normalisedName === '') continue
    const key = `${segment.provider}\u0000${normalisedName}`
    const group = groups.get(key)
    if (group) group.push(segment)
    else groups.set(key, [segment])
  }
  const duplicates: DuplicateNameGroup[] = []
  for (const group of groups.values()) {
    const first = group[0]
    if (first && group.length > 1)
      duplicates.push({ provider: first.provider, normalisedName: nameOf(first), segments: group })
  }
  return duplicates
}
