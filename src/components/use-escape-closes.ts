// Escape closes what is open over the page (the header's Menu, a list's panel) without taking it from the page.
import { useEffect, useEffectEvent, type KeyboardEvent as ReactKeyboardEvent } from 'react'

/**
 * While `open`, an Escape that none of the page's own controls took closes it (`close`, told where the keyboard was).
 * Heard on the document: after those controls, an Escape one of them took (a search field clearing, a note left, the
 * bulk bar giving the keyboard back) being theirs, and before the page's keys on the window. The one it uses is marked
 * as taken, not stopped, so that the page does not act on it too (a segment's page back to the list).
 * The handler returned goes on what is open: an Escape from within it, heard there first, closes it rather than
 * something else open too (the phone's Menu, opened before the panel the keyboard is in).
 */
export function useEscapeCloses(open: boolean, close: (target: Node) => void) {
  const take = (event: KeyboardEvent) => {
    if (!open || event.key !== 'Escape' || event.defaultPrevented) return
    event.preventDefault()
    close(event.target as Node)
  }
  const onKey = useEffectEvent(take)
  useEffect(() => {
    if (!open) return
    const listener = (event: KeyboardEvent) => onKey(event)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [open])
  return (event: ReactKeyboardEvent) => take(event.nativeEvent)
}
