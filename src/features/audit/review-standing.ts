// Where each review's segment stands now: listed (reviewed, or a note only), no longer listed by a provider whose list
// is whole, or of a provider whose list is not loaded (still listed or not, nobody can say yet). Progress, the card of
// the reviews no longer listed and the export card all count from this one sorting, so their figures agree.
import type { BrazeSegmentDetails } from '../../providers/braze/schemas'
import { splitSegmentKey } from '../../providers/provider-id'
import type { AuditEntry } from '../../stores/audit-contract'
import type { ListedSegments } from './use-listed-segments'

/** What the exports hold as a review: a verdict, or a note (a verdict set back to Unreviewed and no note is none). */
export const holdsReview = (entry: AuditEntry) => entry.verdict !== 'unreviewed' || entry.note !== ''

export interface ReviewStanding {
  /** Listed segments with a verdict: Progress's "Reviewed". */
  reviewed: number
  /** Listed segments with a note and no verdict. */
  noteOnly: number
  /** Reviews of segments their provider no longer lists (its list is whole without them). */
  notListed: AuditEntry[]
  /** Reviews of segments of a provider whose list has not loaded (failed, or still arriving). */
  notLoaded: AuditEntry[]
}

/**
 * The segments listed are looked up among the reviews, not the reviews in a map of every segment: that map, made again
 * at each page of the lists as they came in (12,000 segments: up to ~15 ms, and 12,000 pairs of garbage, each time),
 * held the page while it loaded. A pass over the segments makes nothing, and none at all without a review.
 */
export function reviewStanding(
  entries: Iterable<AuditEntry>,
  listed: Pick<ListedSegments, 'segments' | 'completeProviders'>,
): ReviewStanding {
  const standing: ReviewStanding = { reviewed: 0, noteOnly: 0, notListed: [], notLoaded: [] }
  const reviews = new Map<string, AuditEntry>()
  for (const entry of entries) if (holdsReview(entry)) reviews.set(entry.key, entry)
  const listedKeys = new Set<string>()
  if (reviews.size > 0) for (const { key } of listed.segments) if (reviews.has(key)) listedKeys.add(key)
  const complete = new Set<string>(listed.completeProviders)
  for (const entry of reviews.values()) {
    if (listedKeys.has(entry.key)) standing[entry.verdict === 'unreviewed' ? 'noteOnly' : 'reviewed'] += 1
    else standing[complete.has(splitSegmentKey(entry.key).provider) ? 'notListed' : 'notLoaded'].push(entry)
  }
  return standing
}

/**
 * The last name the audit knows of a segment no longer listed: from its Braze details if they were fetched (its page
 * opened, or a scan), else from the snapshot "Changed since the last audit" compares with; undefined with neither.
 */
export function formerName(
  key: string,
  details: ReadonlyMap<string, BrazeSegmentDetails>,
  formerNames: ReadonlyMap<string, string> | undefined,
): string | undefined {
  const { provider, id } = splitSegmentKey(key)
  return (provider === 'braze' ? details.get(id)?.name : undefined) || formerNames?.get(key) || undefined
}
