// The list state read from and written to the URL. Changes push a history entry, so Back undoes them; a
// search being typed pushes one entry as it starts and replaces it with each later keystroke, so Back
// returns to the view before it; erased back to the search it started from, its entry goes (Back), so that
// Back never lands on a view that looks the same.
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useLocation, useNavigate, useNavigationType, useSearchParams, type Location } from 'react-router'
import { listStateToParams, parseListState, type SegmentListFilters, type SegmentListSort } from './list-state'

export interface ListStateChange {
  filters?: Partial<SegmentListFilters>
  sort?: SegmentListSort
}

/** The mark a keystroke leaves on the history entry it writes: the search the entry before it shows. */
interface TypedEntry {
  typedFrom: string
}

const typedFrom = (state: unknown) => (state as Partial<TypedEntry> | null)?.typedFrom

export function useListState() {
  const [searchParams, setSearchParams] = useSearchParams()
  const location = useLocation()
  const navigationType = useNavigationType()
  const state = useMemo(() => parseListState(searchParams), [searchParams])
  const update = useCallback(
    (change: ListStateChange, options: { replace?: boolean; typedFrom?: string } = {}) => {
      setSearchParams(
        (previous) => {
          const current = parseListState(previous)
          return listStateToParams({
            filters: { ...current.filters, ...change.filters },
            sort: change.sort ?? current.sort,
          })
        },
        {
          replace: options.replace ?? false,
          preventScrollReset: true,
          state: options.typedFrom === undefined ? null : ({ typedFrom: options.typedFrom } satisfies TypedEntry),
        },
      )
    },
    [setSearchParams],
  )

  const navigate = useNavigate()
  // What is typed leads the URL by a moment (URL updates are transitions): the field and the count follow the keystroke
  // at once. `at` is the location shown when it was typed; `from`, the search the entry being typed started from;
  // `back`: it went back to the entry before, which the browser does a moment later; `push`: typed meanwhile, to write
  // there as a new entry.
  const [typed, setTyped] = useState<{ text: string; at: Location; from: string; back?: true; push?: true } | null>(
    null,
  )
  // An entry a keystroke wrote, not one Back or Forward returned to: the search is still being typed from `entryFrom`.
  const entryFrom = navigationType === 'POP' ? undefined : typedFrom(location.state)
  const query = state.filters.query
  // Each navigation gives a new location, even back to the entry shown (the typed entry not drawn yet).
  const moved = location !== typed?.at
  if (typed?.back) {
    if (moved && navigationType === 'POP')
      setTyped(typed.text === query ? null : { text: typed.text, at: location, from: query, push: true })
  } else if (typed && (typed.text === query || (moved && entryFrom === undefined))) {
    // Dropped once the URL has caught up, or when the URL moved for another reason (Back, Forward, "Clear filters").
    setTyped(null)
  }
  useEffect(() => {
    if (typed?.push) update({ filters: { query: typed.text } }, { typedFrom: typed.from })
  }, [typed, update])
  const searchText = typed?.text ?? query
  const typeSearch = (text: string) => {
    // The first keystroke (after another change, Back or Forward, or in an empty field) adds an entry; the rest replace
    // that entry, or, when they give back the search it started from, go back to the entry before, which shows it.
    const from = searchText === '' ? undefined : (typed?.from ?? entryFrom)
    if (typed?.back) setTyped({ ...typed, text })
    else if (text === from) {
      setTyped({ text, at: location, from, back: true })
      // Back to an entry that looks as the one drawn (the typed one not drawn yet) changes nothing React sees.
      addEventListener(
        'popstate',
        () =>
          setTyped((now) => (now?.back ? (now.text === from ? null : { ...now, back: undefined, push: true }) : now)),
        { once: true },
      )
      void navigate(-1)
    } else {
      setTyped({ text, at: location, from: from ?? searchText })
      update({ filters: { query: text } }, { replace: from !== undefined, typedFrom: from ?? searchText })
    }
  }
  return [state, update, { text: searchText, type: typeSearch }] as const
}
