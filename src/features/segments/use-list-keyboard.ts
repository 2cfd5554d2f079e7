// The list's keyboard: "/" focuses the search from anywhere on the page; the search's Enter opens the first segment
// of the view and ↓ moves into the table, where ↑/↓ go from row to row.
import { useEffect, useRef } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { isShortcut } from '../../lib/keyboard'
import { segmentPath } from '../../providers/segment'
import type { ListLocationState } from './segment-link'
import type { SegmentRow } from './segment-rows'
import type { SegmentsTableHandle } from './segments-table'

export function useListKeyboard(visible: readonly SegmentRow[]) {
  const searchRef = useRef<HTMLInputElement>(null)
  const tableRef = useRef<SegmentsTableHandle>(null)
  const navigate = useNavigate()
  const { search } = useLocation()

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

  const openFirst = () => {
    const first = visible[0]
    if (!first) return
    const state: ListLocationState = { listSearch: search }
    void navigate(segmentPath(first), { state })
  }
  const moveIntoTable = () => tableRef.current?.focusRow(0)
  return { searchRef, tableRef, openFirst, moveIntoTable }
}
