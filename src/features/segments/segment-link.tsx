// A segment's name linking to its detail: takes the list view along (for previous/next and Back), prefetches details.
import { useQueryClient } from '@tanstack/react-query'
import type { MouseEvent } from 'react'
import { Link, useLocation } from 'react-router'
import { brazeQueries } from '../../providers/braze/queries'
import { segmentPath } from '../../providers/segment'
import { COLUMN_BY_ID } from './columns'
import { parseSort } from './list-sort'
import type { SegmentRow } from './segment-rows'
import { rememberListReturn } from './use-list-return'

export interface ListLocationState {
  listSearch: string
}

/** A click that follows the link in this tab: not one that opens another tab or window. */
export const isPlainClick = (event: MouseEvent) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey

export function SegmentLink({ row }: { row: SegmentRow }) {
  const { search } = useLocation()
  const queryClient = useQueryClient()
  const prefetch = () => {
    // Sorted by what the details give (a date, the teams), a row they have not placed yet (unknown, last) would move
    // away from under the pointer or the focus as they load: its details then load when it is opened. The sort is the
    // one the list shows, read as it reads it: a URL's sort it cannot take (the selection's) is the name order.
    const column = COLUMN_BY_ID.get(parseSort(new URLSearchParams(search).get('sort')).column)
    if (row.provider === 'braze' && column?.accessorFn(row) !== null)
      void queryClient.prefetchQuery(brazeQueries.details(row.id))
  }
  const state: ListLocationState = { listSearch: search }
  // Opened here (a plain click or Enter, not a new tab): its row is the one to come back to, even on a Back pressed
  // before the segment's page has shown.
  const remember = (event: MouseEvent) => {
    if (isPlainClick(event)) rememberListReturn(row.key, search)
  }
  return (
    <Link
      className="segment-name"
      to={segmentPath(row)}
      state={state}
      title={row.name}
      onMouseEnter={prefetch}
      onFocus={prefetch}
      onClick={remember}
    >
      {/* A row whose name did not read still needs a link text: its id. */}
      {row.name || row.id}
    </Link>
  )
}
