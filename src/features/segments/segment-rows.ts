// The table's row model: a segment plus what its cached details tell, with a search key computed once per segment.
import { NOT_PROVIDED, type NotProvided, type Segment } from '../../providers/segment'
import type { BrazeSegmentDetails } from '../../providers/braze/schemas'
import { normaliseForSearch } from '../../lib/search-text'
import type { FindingId } from '../../findings/findings'
import type { AuditEntry, Verdict } from '../../stores/verdict-store'

/** `undefined`: not known yet (Braze details not loaded); NOT_PROVIDED: the provider has no such field. */
export type Known<T> = T | undefined | NotProvided

export interface SegmentRow extends Segment {
  createdAt: Known<string>
  updatedAt: Known<string>
  hasDescription: Known<boolean>
  verdict: Verdict
  /** What the audit's findings say of this segment; empty when findings were not asked for. */
  findings: readonly FindingId[]
  searchKey: string
}

const NONE: readonly FindingId[] = []

const searchKeys = new WeakMap<Segment, string>()

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
    return { ...segment, createdAt: NOT_PROVIDED, updatedAt: NOT_PROVIDED, hasDescription: NOT_PROVIDED, verdict, findings, searchKey: searchKeyOf(segment) }
  }
  return {
    ...segment,
    verdict,
    findings,
    createdAt: details?.createdAt,
    updatedAt: details?.updatedAt,
    hasDescription: details ? Boolean(details.textDescription?.trim()) : undefined,
    searchKey: searchKeyOf(segment),
  }
}

export function buildSegmentRows(
  segments: readonly Segment[],
  detailsById: ReadonlyMap<string, BrazeSegmentDetails>,
  verdicts: ReadonlyMap<string, AuditEntry> = new Map(),
  findings: ReadonlyMap<string, readonly FindingId[]> = new Map(),
): SegmentRow[] {
  return segments.map((segment) =>
    toSegmentRow(segment, segment.provider === 'braze' ? detailsById.get(segment.id) : undefined, verdicts.get(segment.key), findings.get(segment.key)),
  )
}
