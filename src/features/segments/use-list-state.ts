// The list state read from and written to the URL. Changes push a history entry, so Back undoes them; a search being
// typed pushes one entry as it starts and replaces it with each later keystroke, so Back returns to the view before it.
import { useCallback, useMemo, useState } from 'react'
import { useLocation, useNavigationType, useSearchParams } from 'react-router'
import { listStateToParams, parseListState, type SegmentListFilters, type SegmentListSort } from './list-state'

export interface ListStateChange {
  filters?: Partial<SegmentListFilters>
  sort?: SegmentListSort
}

/** The mark a keystroke leaves on the history entry it writes. */
const TYPED_ENTRY = { typedSearch: true }

const isTypedEntry = (state: unknown) =>
  typeof state === 'object' && state !== null && (state as Partial<typeof TYPED_ENTRY>).typedSearch === true

export function useListState() {
  const [searchParams, setSearchParams] = useSearchParams()
  const location = useLocation()
  const navigationType = useNavigationType()
  const state = useMemo(() => parseListState(searchParams), [searchParams])
  const update = useCallback(
    (change: ListStateChange, options: { replace?: boolean; typed?: boolean } = {}) => {
      setSearchParams(
        (previous) => {
          const current = parseListState(previous)
          return listStateToParams({
            filters: { ...current.filters, ...change.filters },
            sort: change.sort ?? current.sort,
          })
        },
        { replace: options.replace ?? false, preventScrollReset: true, state: options.typed ? TYPED_ENTRY : null },
      )
    },
    [setSearchParams],
  )

  // What is typed leads the URL by a moment (URL updates are transitions): the field and the count follow the keystroke
  // at once. `at` is the entry shown when it was typed.
  const [typed, setTyped] = useState<{ text: string; at: string } | null>(null)
  // An entry a keystroke wrote, not one Back or Forward returned to: the search is still being typed.
  const typingEntry = navigationType !== 'POP' && isTypedEntry(location.state)
  // Dropped once the URL has caught up, or when the URL moved for another reason (Back, Forward, "Clear filters").
  if (typed !== null && (typed.text === state.filters.query || (location.key !== typed.at && !typingEntry))) {
    setTyped(null)
  }
  const searchText = typed?.text ?? state.filters.query
  const typeSearch = (query: string) => {
    // The first keystroke (after another change, Back or Forward, or in an empty field) adds an entry; the rest replace
    // that entry.
    const goingOn = searchText !== '' && (typed !== null || typingEntry)
    setTyped({ text: query, at: location.key })
    update({ filters: { query } }, { replace: goingOn, typed: true })
  }
  return [state, update, { text: searchText, type: typeSearch }] as const
}
