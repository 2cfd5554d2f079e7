// The session for people (a CSV report of every segment with its findings and verdict) and for machines (versioned
// JSON with the reviews and a snapshot of the segments, which the next audit compares against). The report is written
// in the interface language; its dates and times are in the one form a spreadsheet reads as such whatever its language
// (formatSpreadsheetDateTime), and each row ends with its review as the list's CSV does (review-csv.ts).
import type { SegmentFindings } from '../../findings/findings'
import { toCsv, translatingOnce, type CsvSeparator } from '../../lib/csv'
import { formatSpreadsheetDateTime } from '../../lib/format'
import { NAME_COLLATOR } from '../../lib/name-order'
import { brazeDetailsDate, brazeTags, UNREADABLE_DATE, type BrazeSegmentDetails } from '../../providers/braze/schemas'
import { providerLabel, providerName, splitSegmentKey, type ProviderId } from '../../providers/provider-id'
import { NOT_PROVIDED, type Segment } from '../../providers/segment'
import { buildSessionFile, type SessionFile, type SessionOrigin } from '../../stores/session-file'
import type { AuditEntry } from '../../stores/audit-contract'
import { REVIEW_CSV_COLUMNS, reviewCsvCells } from '../../stores/review-csv'
import type { AuditT } from './audit-t'
import { formerName } from './review-standing'

const COLUMNS = ['provider', 'id', 'name', 'tags', 'created', 'updated', 'description', 'findings', 'verdict'] as const

export interface SessionReport {
  /** Every listed segment: each gets a row, reviewed or not. */
  segments: readonly Segment[]
  entries: ReadonlyMap<string, AuditEntry>
  details: ReadonlyMap<string, BrazeSegmentDetails>
  findings: SegmentFindings
  staleMonths: number
  /**
   * Names the audit knows of segments no longer listed (the snapshot "Changed since the last audit" compares with):
   * their reviews' rows give it beside "(no longer listed)".
   */
  formerNames?: ReadonlyMap<string, string>
}

function segmentFields(t: AuditT, segment: Segment, details: BrazeSegmentDetails | undefined): string[] {
  const notProvided = t('common:notProvided.text')
  // As the list shows them: the details' tags where the list sent none.
  const listedOrDetails = brazeTags(segment, details)
  const tags = listedOrDetails === NOT_PROVIDED ? notProvided : listedOrDetails.join(t('common:listJoin'))
  if (segment.provider === 'commanders-act') return [tags, notProvided, notProvided, notProvided]
  if (!details) {
    const notLoaded = t('common:notLoaded')
    return [tags, notLoaded, notLoaded, notLoaded]
  }
  // As the list's CSV says it: a date Braze sent that is not one is unreadable; one it did not send, not provided.
  const date = (field: 'createdAt' | 'updatedAt') => {
    const date = brazeDetailsDate(details, field)
    if (date === NOT_PROVIDED) return notProvided
    return date === UNREADABLE_DATE ? t('common:unreadableDate') : formatSpreadsheetDateTime(date)
  }
  return [
    tags,
    date('createdAt'),
    date('updatedAt'),
    details.textDescription?.trim() ? t('report.yes') : t('report.no'),
  ]
}

/** The verdict, then the review's columns: who set the verdict and who wrote the note, each with their own time. */
function reviewFields(t: AuditT, entry: AuditEntry | undefined): string[] {
  return [t(`common:verdict.${entry?.verdict ?? 'unreviewed'}`), ...reviewCsvCells(entry)]
}

/**
 * One row per listed segment, then the reviews of segments no longer listed (the provider deleted or archived them);
 * headers, verdicts, findings and placeholders in the language of `t`.
 */
export function sessionCsv(report: SessionReport, translate: AuditT, separator: CsvSeparator = ','): string {
  const t = translatingOnce(translate)
  const detailsOf = (segment: Segment) => (segment.provider === 'braze' ? report.details.get(segment.id) : undefined)
  // As the list names it: the details' name where the list's answer had none.
  const nameOf = (segment: Segment) => segment.name || detailsOf(segment)?.name || ''
  const listed = [...report.segments].sort(
    (a, b) => a.provider.localeCompare(b.provider) || NAME_COLLATOR.compare(nameOf(a), nameOf(b)),
  )
  const listedKeys = new Set(listed.map((segment) => segment.key))
  const rows = listed.map((segment) => [
    providerLabel[segment.provider],
    segment.id,
    nameOf(segment),
    ...segmentFields(t, segment, detailsOf(segment)),
    (report.findings.bySegment.get(segment.key) ?? [])
      .map((id) => t(`common:finding.${id}.label`, { count: report.staleMonths }))
      .join(t('common:listJoin')),
    ...reviewFields(t, report.entries.get(segment.key)),
  ])
  const gone = [...report.entries.values()]
    .filter((entry) => !listedKeys.has(entry.key))
    .sort((a, b) => (a.key < b.key ? -1 : 1))
  for (const entry of gone) {
    const { provider, id } = splitSegmentKey(entry.key)
    const known = formerName(entry.key, report.details, report.formerNames)
    const name = known ? `${known} ${t('report.noLongerListed')}` : t('report.noLongerListed')
    rows.push([providerName(provider), id, name, '', '', '', '', '', ...reviewFields(t, entry)])
  }
  return toCsv(
    [
      ...COLUMNS.map((column) => t(`report.column.${column}`)),
      ...REVIEW_CSV_COLUMNS.map((column) => t(`common:reviewColumn.${column}`)),
    ],
    rows,
    separator,
    new Set([COLUMNS.indexOf('id')]),
  )
}

export function sessionFile(
  entries: Iterable<AuditEntry>,
  segments: readonly Segment[],
  completeProviders: readonly ProviderId[],
  now: Date,
  origin?: SessionOrigin,
): SessionFile {
  const snapshot = segments
    .filter((segment) => completeProviders.includes(segment.provider))
    .map((segment) => ({
      key: segment.key,
      name: segment.name,
      tags: segment.tags === NOT_PROVIDED ? null : [...segment.tags],
    }))
  return buildSessionFile(entries, snapshot, completeProviders, now, origin)
}
