// The table's row model: a segment plus what the query cache and the audit know of it (Braze details and size series,
// verdict, findings). Columns derive what they show from it (columns.tsx). Rows are kept per segment and rebuilt only
// when one of their inputs changes, so memoised sorts and cells see the same objects; each search key is worked out
// once per segment, on the first search that needs it or in idle time (use-search-key-warmup.ts).
import { NOT_PROVIDED, type NotProvided, type Segment } from '../../providers/segment'
import {
  brazeDetailsDate,
  brazeTags,
  type BrazeSegmentDetails,
  type BrazeSizePoint,
  type UnreadableDate,
} from '../../providers/braze/schemas'
import { normaliseForSearch } from '../../lib/search-text'
import type { FindingId } from '../../findings/findings'
import type { AuditEntry, Verdict } from '../../stores/audit-contract'

/** `undefined`: not known yet (Braze details not loaded); NOT_PROVIDED: the provider has no such field. */
export type Known<T> = T | undefined | NotProvided

/** A listed segment, its tags filled in by its loaded details where the list sent none. */
export interface SegmentRow extends Segment {
  /** The listed segment this row shows, as listed. */
  segment: Segment
  /** Braze details and 30-day size series from the query cache; undefined until loaded, always for Commanders Act. */
  details: BrazeSegmentDetails | undefined
  sizes: readonly BrazeSizePoint[] | undefined
  verdict: Verdict
  /** What the audit's findings say of this segment; empty when findings were not asked for. */
  findings: readonly FindingId[]
}

/** A value from the Braze details: unknown until they are loaded; Commanders Act has no details at all. */
export function fromDetails<T>(row: SegmentRow, pick: (details: BrazeSegmentDetails) => T | undefined): Known<T> {
  if (row.provider === 'commanders-act') return NOT_PROVIDED
  return row.details ? pick(row.details) : undefined
}

/** A date of the Braze details: unknown until they load, then the date, unreadable, or not provided when none came. */
export function detailsDate(row: SegmentRow, field: 'createdAt' | 'updatedAt'): Known<string | UnreadableDate> {
  return fromDetails(row, (details) => brazeDetailsDate(details, field))
}

const NONE: readonly FindingId[] = []
const searchKeys = new WeakMap<Segment, string>()

/**
 * Name, id and tags, case- and accent-folded; computed once per segment. The list's own: a name or tags only the
 * details gave are shown and filtered on, not searched.
 */
export function searchKeyOf(segment: Segment): string {
  let key = searchKeys.get(segment)
  if (key === undefined) {
    const tags = segment.tags === NOT_PROVIDED ? '' : segment.tags.join(' ')
    key = normaliseForSearch(`${segment.name} ${segment.id} ${tags}`)
    searchKeys.set(segment, key)
  }
  return key
}

/** What the cache knows of each segment beyond its listing, by Braze id and by segment key. */
interface RowSources {
  details?: ReadonlyMap<string, BrazeSegmentDetails>
  sizes?: ReadonlyMap<string, readonly BrazeSizePoint[]>
  verdicts?: ReadonlyMap<string, AuditEntry>
  findings?: ReadonlyMap<string, readonly FindingId[]>
}

const rowsBySegment = new WeakMap<Segment, SegmentRow>()

export function buildSegmentRows(segments: readonly Segment[], sources: RowSources = {}): SegmentRow[] {
  return segments.map((segment) => {
    const braze = segment.provider === 'braze'
    const details = braze ? sources.details?.get(segment.id) : undefined
    const sizes = braze ? sources.sizes?.get(segment.id) : undefined
    const verdict = sources.verdicts?.get(segment.key)?.verdict ?? 'unreviewed'
    const findings = sources.findings?.get(segment.key) ?? NONE
    let row = rowsBySegment.get(segment)
    // A review's note or author changes nothing the row shows: only its verdict does.
    if (row?.verdict !== verdict || row.findings !== findings || row.details !== details || row.sizes !== sizes) {
      row = {
        ...segment,
        // Tags the list did not send, the loaded details fill in. Not the name: the list sorts by it, and a row whose
        // details load as it is focused (its link prefetches them) would move away from under the focus.
        tags: brazeTags(segment, details),
        segment,
        details,
        sizes,
        verdict,
        findings,
      }
      rowsBySegment.set(segment, row)
    }
    return row
  })
}
