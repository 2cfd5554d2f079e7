// The bulk bar's keyboard. The bar sits after the table, whose every row has a checkbox, a link and a copy button: Tab
// alone would take hundreds of presses to get there, so a key from the list brings the keyboard to the bar, and Escape
// takes it back to where it was: to the element b was pressed on, or when that one has gone (its row scrolled out of
// the rendered window, or out of the view), to its row brought back into the window, else the first row after it still
// in the view, else the search. What had the keyboard in the bar may go away — the name form once the name is given,
// the verdicts (disabled while saving) once nothing is left selected — and the keyboard then goes on to the first
// verdict, or back to the list in the same way, never to the page's top; so does Clear selection, which takes the bar
// away.
import { useEffect, useEffectEvent, useRef, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react'
import { isShortcut } from '../../lib/keyboard'
import { keyBeforeBar, rememberKeyBeforeBar } from './bar-key'
import type { SegmentRow } from './segment-rows'
import type { SegmentsTableHandle } from './segments-table'

/** Pressed on the list (not in a text field) while rows are selected: to the bar's first verdict, or its name field. */
export const BAR_KEY = 'b'
/** What that key focuses: the name field when a name is asked, else the first verdict that can be pressed. */
const BAR_TARGET = '.reviewer-form input, .bulk-verdict:not(:disabled)'

/** The list's search and table, where the keyboard goes back to. */
export interface ListKeyboard {
  searchRef: RefObject<HTMLInputElement | null>
  tableRef: RefObject<SegmentsTableHandle | null>
}

/** `saving`: a verdict is being written; `done`: the bar has the answer of the last one. */
export function useBarKeyboard(
  view: readonly SegmentRow[],
  { saving, done }: { saving: boolean; done: boolean },
  list: ListKeyboard,
) {
  const bar = useRef<HTMLElement>(null)
  // The element b was pressed on, for Escape to go back to, and the rows of the view from its row on, in order.
  const cameFrom = useRef<{ element: HTMLElement; rows: readonly string[] } | null>(null)
  // Where b was pressed while the bar had nothing to take the keyboard yet (the verdicts wait for the audit to be read,
  // the name form for the server to say whether it knows who reviews): the keyboard goes to the bar once it has, if it
  // is still there.
  const waiting = useRef<EventTarget | null>(null)
  const press = useEffectEvent((on: EventTarget | null) => {
    const target = bar.current?.querySelector<HTMLElement>(BAR_TARGET)
    waiting.current = target ? null : on
    if (!target) return
    if (on instanceof HTMLElement && !bar.current?.contains(on)) {
      const place = on.closest('tr[data-index]')?.getAttribute('data-index')
      cameFrom.current = { element: on, rows: place ? view.slice(Number(place)).map((row) => row.key) : [] }
    }
    target.focus()
  })
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== BAR_KEY || !isShortcut(event)) return
      event.preventDefault()
      press(event.target)
    }
    // A b pressed while the bar's code was on its way (the last key then) counts as pressed now.
    removeEventListener('keydown', rememberKeyBeforeBar)
    const early = keyBeforeBar.event
    keyBeforeBar.event = undefined
    if (early && early.target === document.activeElement) onKey(early)
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  useEffect(() => {
    if (waiting.current && waiting.current === document.activeElement) press(waiting.current)
  })
  /** To the first of these rows still in the view, brought into the rendered window; to the search when none is. */
  const backToList = (rows: readonly string[]) => {
    const places = new Map(view.map((row, place) => [row.key, place]))
    const place = places.get(rows.find((key) => places.has(key)) ?? '')
    if (place === undefined) list.searchRef.current?.focus()
    else list.tableRef.current?.focusRow(place)
  }
  /** To where b was pressed (or its row, or the next still in the view); come otherwise, to the first of `rows`. */
  const goBack = (rows: readonly string[]) => {
    const from = cameFrom.current
    cameFrom.current = null
    if (from?.element.isConnected && from.element !== document.body) from.element.focus()
    else backToList(from?.rows ?? rows)
  }
  const onBarKeyDown = (event: ReactKeyboardEvent) => {
    if (event.key !== 'Escape' || !cameFrom.current) return
    event.preventDefault()
    goBack([])
  }

  // Where the keyboard goes once what had it is gone (`back`: the rows to go back to, in order), and where it went:
  // kept until the keyboard moves on from there, as the list may drop the rows a moment after the bar has its answer.
  const keyboard = useRef<{ back: readonly string[]; on?: Element | null } | undefined>(undefined)
  useEffect(() => {
    const wanted = keyboard.current
    if (!wanted) return
    const active = document.activeElement
    if (active !== document.body) {
      const waiting = saving && bar.current?.contains(active)
      if (active !== wanted.on && !waiting) keyboard.current = undefined
      return
    }
    const verdict = bar.current?.querySelector<HTMLElement>(BAR_TARGET)
    if (verdict) verdict.focus()
    else if (done) backToList(wanted.back)
    wanted.on = document.activeElement
  })

  return {
    bar,
    onBarKeyDown,
    /** A verdict pressed: with the keyboard in the bar, it returns to the row b came from (or the next still there). */
    verdictPressed: () => {
      if (!bar.current?.contains(document.activeElement)) return
      keyboard.current = { back: cameFrom.current?.rows ?? [] }
    },
    /** Clear selection pressed, the bar goes: the keyboard goes back as Escape takes it, else to the rows unticked. */
    selectionCleared: goBack,
    /** The name given in the bar's form, which goes: the keyboard goes on to the first verdict. */
    nameGiven: () => {
      keyboard.current = { back: [] }
    },
  }
}
