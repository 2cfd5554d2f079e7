// The table's row model: a segment plus what the query cache and the audit know of it (Braze details and size series,
// verdict, findings). Columns derive what they show from it (columns.tsx). Rows are kept per segment and rebuilt only
// when one of their inputs changes, so memoised sorts and cells see the same objects; each search key is worked out
// once per segment, on the first search that needs it or in idle time (use-search-key-warmup.ts).
import { NOT_PROVIDED, type NotProvided, type Segment } from '../../providers/segment'
import {
  brazeDetailsDate,
  type BrazeSegmentDetails,
  type BrazeSizePoint,
  type UnreadableDate,
} from '../../providers/braze/schemas'
import { normaliseForSearch } from '../../lib/search-text'
import type { FindingId } from '../../findings/findings'
import type { AuditEntry, Verdict } from '../../stores/audit-contract'

/** `undefined`: not known yet (Braze details not loaded); NOT_PROVIDED: the provider has no such field. */
export type Known<T> = T | undefined | NotProvided

export interface SegmentRow extends Segment {
  /** The listed segment this row shows. */
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

/** Name, id and tags, case- and accent-folded; computed once per segment. */
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

function toSegmentRow(segment: Segment, sources: RowSources = {}): SegmentRow {
  const braze = segment.provider === 'braze'
  return {
    ...segment,
    segment,
    details: braze ? sources.details?.get(segment.id) : undefined,
    sizes: braze ? sources.sizes?.get(segment.id) : undefined,
    verdict: sources.verdicts?.get(segment.key)?.verdict ?? 'unreviewed',
    findings: sources.findings?.get(segment.key) ?? NONE,
  }
}

interface CachedRow {
  audit: AuditEntry | undefined
  row: SegmentRow
}

const rowsBySegment = new WeakMap<Segment, CachedRow>()

export function buildSegmentRows(segments: readonly Segment[], sources: RowSources = {}): SegmentRow[] {
  return segments.map((segment) => {
    const cached = rowsBySegment.get(segment)
    const audit = sources.verdicts?.get(segment.key)
    if (cached) {
      const { row } = cached
      const braze = segment.provider === 'braze'
      const same =
        cached.audit === audit &&
        row.findings === (sources.findings?.get(segment.key) ?? NONE) &&
        row.details === (braze ? sources.details?.get(segment.id) : undefined) &&
        row.sizes === (braze ? sources.sizes?.get(segment.id) : undefined)
      if (same) return row
    }
    const row = toSegmentRow(segment, sources)
    rowsBySegment.set(segment, { audit, row })
    return row
  })
}
