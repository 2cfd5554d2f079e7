// The selection column's checkboxes (a row's, and the header's "select all in this view" with its mixed state). The
// column is defined at module scope, so the page hands them the selection through a context. A reload selects nothing:
// the kept first screen paints them unticked (data-transient).
import { createContext, useContext, type MouseEvent } from 'react'
import type { SegmentRow } from './segment-rows'
import type { RowSelection } from './use-row-selection'
import { useFixedT } from '../../components/use-fixed-t'

export const RowSelectionContext = createContext<RowSelection | null>(null)

/** The change comes from the click (a mouse's, or Space's), which says whether Shift was down: a range then. */
const keepAsIs = () => {}

export function SelectRowCell({ row }: { row: SegmentRow }) {
  const t = useFixedT('segments')
  const selection = useContext(RowSelectionContext)
  if (!selection) return null
  return (
    <input
      type="checkbox"
      className="row-select"
      data-transient
      aria-label={t('bulk.selectRow', { name: row.name || row.id })}
      checked={selection.selected.has(row.key)}
      onClick={(event: MouseEvent<HTMLInputElement>) => selection.toggle(row.key, event.shiftKey)}
      onChange={keepAsIs}
    />
  )
}

export function SelectAllHeader() {
  const t = useFixedT('segments')
  const selection = useContext(RowSelectionContext)
  if (!selection) return null
  return (
    <input
      // Mixed is a DOM property only, not an attribute React sets.
      ref={(box) => {
        if (box) box.indeterminate = selection.viewState === 'some'
      }}
      type="checkbox"
      className="row-select"
      data-transient
      aria-label={t('bulk.selectAll')}
      checked={selection.viewState === 'all'}
      onChange={selection.toggleView}
    />
  )
}
