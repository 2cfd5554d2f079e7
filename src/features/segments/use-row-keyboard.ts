// The table's keyboard: a row's name link focused by the row's place in the view, brought into the rendered window
// first when virtualised away; and the keys that move between rows.
import type { Virtualizer } from '@tanstack/react-virtual'
import type { KeyboardEvent, RefObject } from 'react'

/** How many frames a row brought into view may take to be drawn before focusing it is given up. */
const FOCUS_FRAMES = 30

export function useRowKeyboard(
  body: RefObject<HTMLTableSectionElement | null>,
  virtualizer: Virtualizer<Window, Element>,
  rowCount: number,
  /** A row's height before it is drawn: how many rows a screen holds, for PageUp and PageDown. */
  rowHeight: number,
) {
  const focusRow = (index: number) => {
    if (index < 0 || index >= rowCount) return
    const link = () => body.current?.querySelector<HTMLAnchorElement>(`tr[aria-rowindex="${index + 2}"] a.segment-name`)
    const now = link()
    if (now) {
      now.focus()
      return
    }
    // Not rendered (virtualised away): bring it in, then focus it once painted; a long jump (End on 12,000 rows) may
    // take the virtualiser a few frames of measuring to land.
    virtualizer.scrollToIndex(index, { align: 'auto' })
    let frames = 0
    const focusWhenDrawn = () => {
      const drawn = link()
      if (drawn) drawn.focus()
      else if ((frames += 1) < FOCUS_FRAMES) requestAnimationFrame(focusWhenDrawn)
    }
    requestAnimationFrame(focusWhenDrawn)
  }
  /**
   * ↑/↓ move between rows' name links, Home/End to the first and last row, PageUp/PageDown by a screen; Enter on a
   * link opens it, as a link does, and Space ticks the row's checkbox rather than scrolling the page.
   */
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const row = (event.target as HTMLElement).closest('tr[aria-rowindex]')
    if (!row) return
    const current = Number(row.getAttribute('aria-rowindex')) - 2
    if (event.key === ' ' && (event.target as HTMLElement).matches('a.segment-name')) {
      event.preventDefault()
      row.querySelector<HTMLInputElement>('input.row-select')?.click()
      return
    }
    const screen = Math.max(1, Math.floor(window.innerHeight / rowHeight) - 1)
    const target = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: rowCount - 1,
      PageDown: Math.min(rowCount - 1, current + screen),
      PageUp: Math.max(0, current - screen),
    }[event.key]
    if (target === undefined) return
    event.preventDefault()
    focusRow(target)
  }
  return { focusRow, onKeyDown }
}
