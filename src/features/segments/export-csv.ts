// Export of the current view (filtered, sorted, visible columns) as a CSV file for spreadsheets, in the interface
// language; dates stay ISO 8601 so a spreadsheet reads them whatever its locale.
import { toCsv } from '../../lib/csv'
import { datedFilename } from '../../lib/download'
import { providerLabel } from '../../providers/provider-error'
import { NOT_PROVIDED } from '../../providers/segment'
import { columnLabel, type SegmentsT } from './column-labels'
import type { SortColumn } from './list-state'
import type { Known, SegmentRow } from './segment-rows'

function cellTexts(t: SegmentsT): Record<SortColumn, (row: SegmentRow) => string> {
  const notProvided = t('common:notProvided.text')
  const known = <T,>(value: Known<T>, text: (value: T) => string): string => {
    if (value === NOT_PROVIDED) return notProvided
    if (value === undefined) return t('common:notLoaded')
    return text(value)
  }
  return {
    provider: (row) => providerLabel[row.provider],
    name: (row) => row.name,
    id: (row) => row.id,
    tags: (row) => (row.tags === NOT_PROVIDED ? notProvided : row.tags.join('; ')),
    tracking: (row) => known(row.analyticsTracking, (on) => (on ? t('csv.on') : t('csv.off'))),
    created: (row) => known(row.createdAt, (iso) => iso),
    updated: (row) => known(row.updatedAt, (iso) => iso),
    description: (row) => known(row.hasDescription, (present) => (present ? t('csv.present') : t('csv.missing'))),
    verdict: (row) => t(`common:verdict.${row.verdict}`),
  }
}

export function segmentsCsv(rows: readonly SegmentRow[], columns: readonly SortColumn[], t: SegmentsT): string {
  const text = cellTexts(t)
  return toCsv(
    columns.map((column) => columnLabel(t, column)),
    rows.map((row) => columns.map((column) => text[column](row))),
  )
}

/** The user's own calendar date, not UTC: an export at 00:30 in Paris is named after that day. */
export function csvFilename(now: Date): string {
  return datedFilename('segments', 'csv', now)
}
