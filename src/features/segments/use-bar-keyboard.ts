// The bulk bar's keyboard. The bar sits after the table, whose every row has a checkbox, a link and a copy button: Tab
// alone would take hundreds of presses to get there, so a key from the list brings the keyboard to the bar, and Escape
// takes it back to where it was. What had the keyboard in the bar may go away — the name form once the name is given,
// the verdicts (disabled while saving) once nothing is left selected — and the keyboard then goes on to the first
// verdict, or back to the list, never to the page's top: to the row it came from, or, when the verdict took that one
// out of the view (reviewing the Unreviewed), to the first row after it still there.
import { useEffect, useEffectEvent, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import { isShortcut } from '../../lib/keyboard'
import { keyBeforeBar, rememberKeyBeforeBar } from './bar-key'
import type { SegmentRow } from './segment-rows'

/** Pressed on the list (not in a text field) while rows are selected: to the bar's first verdict, or its name field. */
export const BAR_KEY = 'b'
/** What that key focuses: the name field when a name is asked, else the first verdict that can be pressed. */
const BAR_TARGET = '.reviewer-form input, .bulk-verdict:not(:disabled)'

/** `saving`: a verdict is being written; `done`: the bar has the answer of the last one. */
export function useBarKeyboard(view: readonly SegmentRow[], { saving, done }: { saving: boolean; done: boolean }) {
  const bar = useRef<HTMLElement>(null)
  // The element b was pressed on, for Escape to go back to.
  const cameFrom = useRef<HTMLElement | null>(null)
  // Where b was pressed while the bar had nothing to take the keyboard yet (the verdicts wait for the audit to be read,
  // the name form for the server to say whether it knows who reviews): the keyboard goes to the bar once it has, if it
  // is still there.
  const waiting = useRef<EventTarget | null>(null)
  const press = useEffectEvent((on: EventTarget | null) => {
    const target = bar.current?.querySelector<HTMLElement>(BAR_TARGET)
    waiting.current = target ? null : on
    if (!target) return
    if (on instanceof HTMLElement && !bar.current?.contains(on)) cameFrom.current = on
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
  const onBarKeyDown = (event: ReactKeyboardEvent) => {
    const from = cameFrom.current
    if (event.key !== 'Escape' || !from?.isConnected) return
    event.preventDefault()
    cameFrom.current = null
    from.focus()
  }

  // Where the keyboard goes once what had it is gone (`back`: the rows to go back to, in order), and where it went:
  // kept until the keyboard moves on from there, as the list may drop the rows a moment after the bar has its answer.
  const keyboard = useRef<{ back: readonly string[]; on?: HTMLElement } | undefined>(undefined)
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
    const places = new Map(view.map((row, place) => [row.key, place]))
    const key = done ? wanted.back.find((back) => places.has(back)) : undefined
    const index = key === undefined ? -1 : (places.get(key) ?? -1)
    const target =
      verdict ?? document.querySelector<HTMLElement>(`tr[aria-rowindex="${index + 2}"] a.segment-name`) ?? undefined
    if (!target) return
    wanted.on = target
    target.focus()
  })

  return {
    bar,
    onBarKeyDown,
    /** A verdict pressed: with the keyboard in the bar, it goes back to the row b came from (or the next still there). */
    verdictPressed: () => {
      if (!bar.current?.contains(document.activeElement)) return
      const from = cameFrom.current?.closest('tr')?.getAttribute('aria-rowindex')
      keyboard.current = { back: from ? view.slice(Number(from) - 2).map((row) => row.key) : [] }
    },
    /** The name given in the bar's form, which goes: the keyboard goes on to the first verdict. */
    nameGiven: () => {
      keyboard.current = { back: [] }
    },
  }
}
