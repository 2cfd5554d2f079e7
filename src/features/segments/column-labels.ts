// The list's columns and their names (translated), in one place for the header, the columns menu and the CSV export.
import type { TFunction } from 'i18next'
import { SORT_COLUMNS, type SortColumn } from './list-state'

/** The list's translate function: its own strings first, the shared ones (verdicts, findings, "not provided") second. */
export type SegmentsT = TFunction<['segments', 'common']>

export const COLUMN_IDS: readonly SortColumn[] = SORT_COLUMNS

/** The columns shown, in order, under a column-visibility state (TanStack Table's: a column is shown unless false). */
export function visibleColumnIds(visibility: Readonly<Record<string, boolean>>): SortColumn[] {
  return COLUMN_IDS.filter((id) => visibility[id] !== false)
}

export function columnLabel(t: SegmentsT, column: SortColumn): string {
  return t(`column.${column}`)
}

/** Name always shows: without it a row means nothing. */
export const ALWAYS_VISIBLE: ReadonlySet<SortColumn> = new Set(['name'])
