// The list's keyboard: "/" focuses the search from anywhere on the page; the search's Enter opens the first segment
// of the view and ↓ moves into the table, where ↑/↓ go from row to row.
import { useEffect, useRef } from 'react'
import { useNavigate } from 'react-router'
import { isShortcut } from '../../lib/keyboard'
import { segmentPath } from '../../providers/segment'
import { listStateToParams, type SegmentListState } from './list-state'
import type { ListLocationState } from './segment-link'
import type { SegmentRow } from './segment-rows'
import { filterRows } from './segment-view'
import type { SegmentsTableHandle } from './segments-table'
import { rememberListReturn } from './use-list-return'

export type ListKeys = ReturnType<typeof useListKeyboard>

/** `sorted`: every row in the view's order, before filtering. */
export function useListKeyboard(view: SegmentListState, sorted: readonly SegmentRow[]) {
  const searchRef = useRef<HTMLInputElement>(null)
  const tableRef = useRef<SegmentsTableHandle>(null)
  const navigate = useNavigate()

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || !isShortcut(event)) return
      event.preventDefault()
      searchRef.current?.focus()
      searchRef.current?.select()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  /**
   * Works from the text in the field, not from the last rendered view: Enter right after fast typing must open the
   * first match of what was typed, and carry that view along for j/k and Back.
   */
  const openFirst = (query: string) => {
    const filters = { ...view.filters, query }
    const first = filterRows(sorted, filters)[0]
    if (!first) return
    const params = listStateToParams({ filters, sort: view.sort }).toString()
    const state: ListLocationState = { listSearch: params === '' ? '' : `?${params}` }
    // Keys pressed while the segment's page renders belong to it, not to the field.
    searchRef.current?.blur()
    rememberListReturn(first.key, state.listSearch)
    void navigate(segmentPath(first), { state })
  }
  const moveIntoTable = () => tableRef.current?.focusRow(0)
  return { searchRef, tableRef, openFirst, moveIntoTable }
}
