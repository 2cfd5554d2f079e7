// Column names, in one place for the header, the columns menu and the CSV export.
import type { SortColumn } from './list-state'

export const COLUMN_LABELS: Record<SortColumn, string> = {
  provider: 'Provider',
  name: 'Name',
  id: 'ID',
  tags: 'Tags',
  tracking: 'Analytics tracking',
  created: 'Created',
  updated: 'Last updated',
  description: 'Description',
  verdict: 'Verdict',
}

export const COLUMN_IDS = Object.keys(COLUMN_LABELS) as SortColumn[]

/** Name always shows: without it a row means nothing. */
export const ALWAYS_VISIBLE: ReadonlySet<SortColumn> = new Set(['name'])
