// A long list of the Audit page shows its first 25 items, then 100 more per "Show more". The button makes way once
// everything shows, so the keyboard goes on to the first item a press showed (its link), not back to the page's top.
import { useEffect, useRef, useState } from 'react'

const FIRST = 25
const MORE = FIRST * 4

/** How many items to show, and the list's element (a `ul` or a `tbody`: each child is an item holding a link). */
export function useShowMore<E extends HTMLElement>() {
  const [shown, setShown] = useState(FIRST)
  const list = useRef<E>(null)
  const [firstShown, setFirstShown] = useState<number | null>(null)
  useEffect(() => {
    if (firstShown !== null) list.current?.children[firstShown]?.querySelector('a')?.focus()
  }, [firstShown])
  const showMore = () => {
    setFirstShown(shown)
    setShown(shown + MORE)
  }
  return { shown, list, showMore }
}

interface ShowMoreProps {
  shown: number
  total: number
  /** The button's words, for the number of items a press shows. */
  label: (count: number) => string
  /** "25 of 340 shown". */
  status: string
  onMore: () => void
}

/** The button and what is shown, while there is more to show. */
export function ShowMore({ shown, total, label, status, onMore }: ShowMoreProps) {
  if (shown >= total) return null
  return (
    <div className="button-row table-more">
      <button type="button" className="button" onClick={onMore}>
        {label(Math.min(MORE, total - shown))}
      </button>
      <span className="muted">{status}</span>
    </div>
  )
}
