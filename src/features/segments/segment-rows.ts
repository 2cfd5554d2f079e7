// The table's row model: a segment plus what its cached details and the audit tell. Rows are kept per segment and
// rebuilt only when one of their inputs changes, and each search key is worked out on the first search that needs it:
// a list reopened from the cache paints without normalising 12,000 names first.
import { NOT_PROVIDED, type NotProvided, type Segment } from '../../providers/segment'
import type { BrazeSegmentDetails } from '../../providers/braze/schemas'
import { normaliseForSearch } from '../../lib/search-text'
import type { FindingId } from '../../findings/findings'
import type { AuditEntry, Verdict } from '../../stores/audit-contract'

/** `undefined`: not known yet (Braze details not loaded); NOT_PROVIDED: the provider has no such field. */
export type Known<T> = T | undefined | NotProvided

export interface SegmentRow extends Segment {
  /** The listed segment this row shows. */
  segment: Segment
  createdAt: Known<string>
  updatedAt: Known<string>
  hasDescription: Known<boolean>
  verdict: Verdict
  /** What the audit's findings say of this segment; empty when findings were not asked for. */
  findings: readonly FindingId[]
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

export function toSegmentRow(
  segment: Segment,
  details: BrazeSegmentDetails | undefined,
  audit?: AuditEntry,
  findings: readonly FindingId[] = NONE,
): SegmentRow {
  const verdict = audit?.verdict ?? 'unreviewed'
  if (segment.provider === 'commanders-act') {
    return { ...segment, segment, createdAt: NOT_PROVIDED, updatedAt: NOT_PROVIDED, hasDescription: NOT_PROVIDED, verdict, findings }
  }
  return {
    ...segment,
    segment,
    verdict,
    findings,
    createdAt: details?.createdAt,
    updatedAt: details?.updatedAt,
    hasDescription: details ? Boolean(details.textDescription?.trim()) : undefined,
  }
}

interface CachedRow {
  details: BrazeSegmentDetails | undefined
  audit: AuditEntry | undefined
  findings: readonly FindingId[] | undefined
  row: SegmentRow
}

const rowsBySegment = new WeakMap<Segment, CachedRow>()

export function buildSegmentRows(
  segments: readonly Segment[],
  detailsById: ReadonlyMap<string, BrazeSegmentDetails>,
  verdicts: ReadonlyMap<string, AuditEntry> = new Map(),
  findings: ReadonlyMap<string, readonly FindingId[]> = new Map(),
): SegmentRow[] {
  return segments.map((segment) => {
    const details = segment.provider === 'braze' ? detailsById.get(segment.id) : undefined
    const audit = verdicts.get(segment.key)
    const found = findings.get(segment.key)
    const cached = rowsBySegment.get(segment)
    if (cached && cached.details === details && cached.audit === audit && cached.findings === found) return cached.row
    const row = toSegmentRow(segment, details, audit, found)
    rowsBySegment.set(segment, { details, audit, findings: found, row })
    return row
  })
}
