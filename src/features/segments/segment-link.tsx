// A segment's name linking to its detail: carries the list view along (for previous/next and Back) and prefetches details.
import { useQueryClient } from '@tanstack/react-query'
import { Link, useLocation } from 'react-router'
import { brazeQueries } from '../../providers/braze/queries'
import { segmentPath } from '../../providers/segment'
import type { SegmentRow } from './segment-rows'

export interface ListLocationState {
  listSearch: string
}

export function SegmentLink({ row }: { row: SegmentRow }) {
  const { search } = useLocation()
  const queryClient = useQueryClient()
  const prefetch = () => {
    if (row.provider === 'braze') void queryClient.prefetchQuery(brazeQueries.details(row.id))
  }
  const state: ListLocationState = { listSearch: search }
  return (
    <Link
      className="segment-name"
      to={segmentPath(row)}
      state={state}
      title={row.name}
      onMouseEnter={prefetch}
      onFocus={prefetch}
    >
      {/* A row whose name did not read still needs a link text: its id. */}
      {row.name || row.id}
    </Link>
  )
}
