// How the list's rows are drawn at the window's width, as styles.css lays them out: fixed 44 px table rows on a wide
// screen, and below 961 px one card per segment, as tall as its name needs, so the virtualiser measures each one.
import { useSyncExternalStore } from 'react'

interface RowLayout {
  /** A row's height before it is drawn (and every row's height when not measured). */
  estimate: number
  /** Rows vary in height: each is measured once drawn. */
  measured: boolean
}

/** The widest window that shows cards: the `max-width: 960px` of styles.css. */
const CARDS_UP_TO = 960
const TABLE_ROWS: RowLayout = { estimate: 44, measured: false }
const CARDS: RowLayout = { estimate: 80, measured: true }

/** Rows are drawn as cards at the window's width now. */
export const showsCards = () => window.innerWidth <= CARDS_UP_TO

const layoutNow = () => (showsCards() ? CARDS : TABLE_ROWS)

function subscribe(onChange: () => void) {
  window.addEventListener('resize', onChange)
  return () => window.removeEventListener('resize', onChange)
}

export function useRowLayout(): RowLayout {
  return useSyncExternalStore(subscribe, layoutNow)
}
