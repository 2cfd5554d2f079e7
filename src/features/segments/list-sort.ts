// The list's sort and its URL form, apart from the rest of its view state (list-state.ts): a segment's link reads it
// to know the order its row is in, and list-state, which works out its empty filters as it loads, cannot be loaded
// from the columns the link is one of.
import { isColumnId, isValueColumn, type ColumnId } from './columns'

export interface SegmentListSort {
  column: ColumnId
  desc: boolean
}

export const DEFAULT_SORT: SegmentListSort = { column: 'name', desc: false }

/** The sort a URL asks for, if the list can sort by it; else the name order, which the list then shows. */
export function parseSort(raw: string | null): SegmentListSort {
  if (!raw) return DEFAULT_SORT
  const desc = raw.startsWith('-')
  const column = desc ? raw.slice(1) : raw
  return isColumnId(column) && isValueColumn(column) ? { column, desc } : DEFAULT_SORT
}
