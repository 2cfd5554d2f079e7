// The session for people (a CSV report of every segment with its findings and verdict) and for machines (versioned
// JSON with the reviews and a snapshot of the segments, which the next audit compares against).
import { findingLabel } from '../../findings/finding-labels'
import type { SegmentFindings } from '../../findings/findings'
import { toCsv } from '../../lib/csv'
import type { BrazeSegmentDetails } from '../../providers/braze/schemas'
import { providerLabel, type ProviderId } from '../../providers/provider-error'
import { NOT_PROVIDED, type Segment } from '../../providers/segment'
import { buildSessionFile, type SessionFile } from '../../stores/session-file'
import { VERDICT_LABELS } from '../../stores/verdict-labels'
import type { AuditEntry } from '../../stores/verdict-store'

const HEADER = ['Provider', 'ID', 'Name', 'Tags', 'Created', 'Updated', 'Description present', 'Findings', 'Verdict', 'Note', 'Reviewer', 'Reviewed at']

export interface SessionReport {
  /** Every listed segment: each gets a row, reviewed or not. */
  segments: readonly Segment[]
  entries: ReadonlyMap<string, AuditEntry>
  details: ReadonlyMap<string, BrazeSegmentDetails>
  findings: SegmentFindings
  staleMonths: number
}

function splitKey(key: string): { provider: string; id: string } {
  const colon = key.indexOf(':')
  return { provider: key.slice(0, colon), id: key.slice(colon + 1) }
}

const NOT_LOADED = 'not loaded'

function segmentFields(segment: Segment, details: BrazeSegmentDetails | undefined): string[] {
  const tags = segment.tags === NOT_PROVIDED ? 'not provided' : segment.tags.join('; ')
  if (segment.provider === 'commanders-act') return [tags, 'not provided', 'not provided', 'not provided']
  if (!details) return [tags, NOT_LOADED, NOT_LOADED, NOT_LOADED]
  return [tags, details.createdAt ?? '', details.updatedAt ?? '', details.textDescription?.trim() ? 'yes' : 'no']
}

function reviewFields(entry: AuditEntry | undefined): string[] {
  return entry ? [VERDICT_LABELS[entry.verdict], entry.note, entry.reviewer, entry.reviewedAt] : [VERDICT_LABELS.unreviewed, '', '', '']
}

/** One row per listed segment, then the reviews of segments no longer listed (the provider deleted or archived them). */
export function sessionCsv(report: SessionReport): string {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
  const listed = [...report.segments].sort((a, b) => a.provider.localeCompare(b.provider) || collator.compare(a.name, b.name))
  const listedKeys = new Set(listed.map((segment) => segment.key))
  const rows = listed.map((segment) => [
    providerLabel[segment.provider],
    segment.id,
    segment.name,
    ...segmentFields(segment, segment.provider === 'braze' ? report.details.get(segment.id) : undefined),
    (report.findings.bySegment.get(segment.key) ?? []).map((id) => findingLabel(id, report.staleMonths)).join('; '),
    ...reviewFields(report.entries.get(segment.key)),
  ])
  const gone = [...report.entries.values()].filter((entry) => !listedKeys.has(entry.key)).sort((a, b) => (a.key < b.key ? -1 : 1))
  for (const entry of gone) {
    const { provider, id } = splitKey(entry.key)
    rows.push([providerLabel[provider as ProviderId] ?? provider, id, '(no longer listed)', '', '', '', '', '', ...reviewFields(entry)])
  }
  return toCsv(HEADER, rows)
}

export function sessionFile(
  entries: Iterable<AuditEntry>,
  segments: readonly Segment[],
  completeProviders: readonly ProviderId[],
  now: Date,
): SessionFile {
  const snapshot = segments
    .filter((segment) => completeProviders.includes(segment.provider))
    .map((segment) => ({ key: segment.key, name: segment.name, tags: segment.tags === NOT_PROVIDED ? null : [...segment.tags] }))
  return buildSessionFile(entries, snapshot, completeProviders, now)
}
