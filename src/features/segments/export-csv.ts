// Export of the current view (filtered, sorted, visible columns) as a CSV file for spreadsheets, in the interface
// language; each column's text comes from its definition (columns.tsx).
import { toCsv } from '../../lib/csv'
import { datedFilename } from '../../lib/download'
import { COLUMN_BY_ID, columnLabel, type ColumnId, type SegmentsT } from './columns'
import type { SegmentRow } from './segment-rows'

export function segmentsCsv(rows: readonly SegmentRow[], columns: readonly ColumnId[], t: SegmentsT): string {
  const texts = columns.map((id) => COLUMN_BY_ID.get(id)?.meta.csv)
  return toCsv(
    columns.map((id) => columnLabel(t, id)),
    rows.map((row) => texts.map((text) => (text ? text(row, t) : ''))),
  )
}

/** The user's own calendar date, not UTC: an export at 00:30 in Paris is named after that day. */
export function csvFilename(now: Date): string {
  return datedFilename('segments', 'csv', now)
}
