// Export of the current view (filtered, sorted, visible columns) as a CSV file for spreadsheets, in the interface
// language; each column's text comes from its definition (columns.tsx). The verdict and findings columns are always
// there, shown or not, and every row ends with its review: the note, who set the verdict and when, who wrote the note
// and when (review-csv.ts, as in the Audit page's report). Dates and times in the one form spreadsheets read as dates.
import { toCsv, translatingOnce, type CsvSeparator } from '../../lib/csv'

export { csvSeparatorFor } from '../../lib/csv'
// The download too loads with the first export, not with the list.
export { downloadText } from '../../lib/download'
import { datedFilename } from '../../lib/download'
import type { AuditEntry } from '../../stores/audit-contract'
import { REVIEW_CSV_COLUMNS, reviewCsvCells } from '../../stores/review-csv'
import type { FindingId } from '../../findings/findings'
import { COLUMN_BY_ID, columnLabel, segmentColumns, type ColumnId, type SegmentsT } from './columns'
import type { SegmentRow } from './segment-rows'

export interface SegmentsCsvOptions {
  /** The reviews, by segment key. */
  reviews: ReadonlyMap<string, AuditEntry>
  /** Each segment's findings, by key: worked out for the export, since the table only does when it shows them. */
  findings: ReadonlyMap<string, readonly FindingId[]>
  staleMonths: number
  separator?: CsvSeparator
}

const NONE: readonly FindingId[] = []

export function segmentsCsv(
  rows: readonly SegmentRow[],
  columns: readonly ColumnId[],
  translate: SegmentsT,
  { reviews, findings, staleMonths, separator = ',' }: SegmentsCsvOptions,
): string {
  const t = translatingOnce(translate)
  const added = segmentColumns.filter(({ id, meta }) => meta.alwaysExported && !columns.includes(id))
  const exported = [...columns.flatMap((id) => COLUMN_BY_ID.get(id) ?? []), ...added]
  const context = { staleMonths }
  return toCsv(
    [
      ...exported.map(({ id }) => columnLabel(t, id)),
      ...REVIEW_CSV_COLUMNS.map((column) => t(`common:reviewColumn.${column}`)),
    ],
    rows.map((row) => {
      const withFindings = { ...row, findings: findings.get(row.key) ?? NONE }
      return [
        ...exported.map(({ meta }) => meta.csv(withFindings, t, context)),
        ...reviewCsvCells(reviews.get(row.key)),
      ]
    }),
    separator,
    new Set(exported.flatMap(({ meta }, index) => (meta.identifier ? [index] : []))),
  )
}

/** The user's own calendar date, not UTC: an export at 00:30 in Paris is named after that day. */
export function csvFilename(now: Date): string {
  return datedFilename('segments', 'csv', now)
}
