// The list state read from and written to the URL. Typing replaces the history entry; other changes push one, so Back undoes them.
import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { listStateToParams, parseListState, type SegmentListFilters, type SegmentListSort } from './list-state'

export interface ListStateChange {
  filters?: Partial<SegmentListFilters>
  sort?: SegmentListSort
}

export function useListState() {
  const [searchParams, setSearchParams] = useSearchParams()
  const state = useMemo(() => parseListState(searchParams), [searchParams])
  const update = useCallback(
    (change: ListStateChange, options: { replace?: boolean } = {}) => {
      setSearchParams(
        (previous) => {
          const current = parseListState(previous)
          return listStateToParams({
            filters: { ...current.filters, ...change.filters },
            sort: change.sort ?? current.sort,
          })
        },
        { replace: options.replace ?? false, preventScrollReset: true },
      )
    },
    [setSearchParams],
  )
  return [state, update] as const
}
