// Which rows of the list are selected for a bulk verdict, by segment key: a selection survives sorting and filtering
// of the list, and Shift-click selects the range between the last row clicked and this one in the view's order.
import { useCallback, useMemo, useRef, useState } from 'react'

export interface RowSelection {
  selected: ReadonlySet<string>
  /** Selects or clears one row; with `range`, every row of the view from the last row toggled to this one. */
  toggle: (key: string, range: boolean) => void
  /** Selects every row of the view, or clears them all when they already are. */
  toggleView: () => void
  /** How much of the view is selected, for the header's checkbox. */
  viewState: 'none' | 'some' | 'all'
  /** Selects exactly these keys; gives back the new selection. */
  replace: (keys: Iterable<string>) => ReadonlySet<string>
}

interface Keyed {
  key: string
}

/** The keys from `from` to `to` in the view's order (either way round); just `to` when `from` is not in the view. */
function rangeInView(view: readonly Keyed[], from: string | undefined, to: string): string[] {
  const start = from === undefined ? -1 : view.findIndex((row) => row.key === from)
  const end = view.findIndex((row) => row.key === to)
  if (start < 0 || end < 0) return [to]
  return view.slice(Math.min(start, end), Math.max(start, end) + 1).map((row) => row.key)
}

/** `view`: the rows the list shows, in order (a keystroke's new view costs nothing here until a row is selected). */
export function useRowSelection(view: readonly Keyed[]): RowSelection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set())
  const anchor = useRef<string | undefined>(undefined)

  const toggle = useCallback(
    (key: string, range: boolean) => {
      const keys = range ? rangeInView(view, anchor.current, key) : [key]
      setSelected((previous) => {
        const on = !previous.has(key)
        const next = new Set(previous)
        for (const each of keys) {
          if (on) next.add(each)
          else next.delete(each)
        }
        return next
      })
      anchor.current = key
    },
    [view],
  )

  const viewState = useMemo(() => {
    if (selected.size === 0) return 'none'
    let count = 0
    for (const row of view) if (selected.has(row.key)) count += 1
    return count === 0 ? 'none' : count === view.length ? 'all' : 'some'
  }, [view, selected])

  const toggleView = useCallback(() => {
    setSelected((previous) => {
      const next = new Set(previous)
      const every = view.every((row) => previous.has(row.key))
      for (const { key } of view) {
        if (every) next.delete(key)
        else next.add(key)
      }
      return next
    })
  }, [view])

  const replace = useCallback((keys: Iterable<string>) => {
    const next: ReadonlySet<string> = new Set(keys)
    setSelected(next)
    return next
  }, [])

  // One object per change: the table's checkboxes read it from a context and re-render only when it changes.
  return useMemo(
    () => ({ selected, toggle, toggleView, viewState, replace }),
    [selected, toggle, toggleView, viewState, replace],
  )
}
