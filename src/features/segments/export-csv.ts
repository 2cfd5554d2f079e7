// Export of the current view (filtered, sorted, visible columns) as a CSV file for spreadsheets, in the interface
// language; each column's text comes from its definition (columns.tsx), and every row ends with its review: the note,
// who reviewed it and when (the verdict is a column).
import { toCsv, type CsvSeparator } from '../../lib/csv'
import { datedFilename } from '../../lib/download'
import { formatSpreadsheetDateTime } from '../../lib/format'
import type { AuditEntry } from '../../stores/audit-contract'
import { COLUMN_BY_ID, columnLabel, type ColumnId, type SegmentsT } from './columns'
import type { SegmentRow } from './segment-rows'

export interface SegmentsCsvOptions {
  /** The reviews, by segment key. */
  reviews: ReadonlyMap<string, AuditEntry>
  separator?: CsvSeparator
}

export function segmentsCsv(
  rows: readonly SegmentRow[],
  columns: readonly ColumnId[],
  t: SegmentsT,
  { reviews, separator = ',' }: SegmentsCsvOptions,
): string {
  const texts = columns.map((id) => COLUMN_BY_ID.get(id)?.meta.csv)
  const review = (row: SegmentRow) => {
    const entry = reviews.get(row.key)
    return entry ? [entry.note, entry.reviewer, formatSpreadsheetDateTime(entry.reviewedAt)] : ['', '', '']
  }
  return toCsv(
    [...columns.map((id) => columnLabel(t, id)), t('export.note'), t('export.reviewer'), t('export.reviewedAt')],
    rows.map((row) => [...texts.map((text) => (text ? text(row, t) : '')), ...review(row)]),
    separator,
  )
}

/** The user's own calendar date, not UTC: an export at 00:30 in Paris is named after that day. */
export function csvFilename(now: Date): string {
  return datedFilename('segments', 'csv', now)
}
