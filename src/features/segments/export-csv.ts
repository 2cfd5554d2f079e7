// Export of the current view (filtered, sorted, visible columns) as a CSV file for spreadsheets.
import { toCsv } from '../../lib/csv'
import { datedFilename } from '../../lib/download'
import { providerLabel } from '../../providers/provider-error'
import { NOT_PROVIDED } from '../../providers/segment'
import { VERDICT_LABELS } from '../../stores/verdict-labels'
import { COLUMN_LABELS } from './column-labels'
import type { SortColumn } from './list-state'
import type { Known, SegmentRow } from './segment-rows'

const NOT_PROVIDED_TEXT = 'not provided'
const NOT_LOADED_TEXT = 'not loaded'

function known<T>(value: Known<T>, text: (value: T) => string): string {
  if (value === NOT_PROVIDED) return NOT_PROVIDED_TEXT
  if (value === undefined) return NOT_LOADED_TEXT
  return text(value)
}

const CELL_TEXT: Record<SortColumn, (row: SegmentRow) => string> = {
  provider: (row) => providerLabel[row.provider],
  name: (row) => row.name,
  id: (row) => row.id,
  tags: (row) => (row.tags === NOT_PROVIDED ? NOT_PROVIDED_TEXT : row.tags.join('; ')),
  tracking: (row) => (row.analyticsTracking === NOT_PROVIDED ? NOT_PROVIDED_TEXT : row.analyticsTracking ? 'on' : 'off'),
  created: (row) => known(row.createdAt, (iso) => iso),
  updated: (row) => known(row.updatedAt, (iso) => iso),
  description: (row) => known(row.hasDescription, (present) => (present ? 'present' : 'missing')),
  verdict: (row) => VERDICT_LABELS[row.verdict],
}

export function segmentsCsv(rows: readonly SegmentRow[], columns: readonly SortColumn[]): string {
  return toCsv(
    columns.map((column) => COLUMN_LABELS[column]),
    rows.map((row) => columns.map((column) => CELL_TEXT[column](row))),
  )
}

/** The user's own calendar date, not UTC: an export at 00:30 in Paris is named after that day. */
export function csvFilename(now: Date): string {
  return datedFilename('segments', 'csv', now)
}
