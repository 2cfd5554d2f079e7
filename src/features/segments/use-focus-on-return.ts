// Coming back to the list from a segment's page (Escape, the browser's Back, the "Back to the segments" link), the
// focus lands on that segment's row, scrolled into view: the reviewer carries on from where they were. A segment
// its verdict took out of the view hands the focus to the row now in its place.
import { useEffect, type RefObject } from 'react'
import { placeInView } from './review-queue'
import type { SegmentRow } from './segment-rows'
import type { SegmentsTableHandle } from './segments-table'

const STORAGE_KEY = 'segment-audit:list-return:v1'

/** Called by a segment's page: the segment the list should focus when the reviewer comes back. */
export function rememberListReturn(segmentKey: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, segmentKey)
  } catch {
    // Storage disabled: the list opens as it would from anywhere else.
  }
}

function readListReturn(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

function forgetListReturn(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY)
  } catch {
    // Nothing was kept.
  }
}

/**
 * `ready`: the remembered scroll position is restored, so the focus is the last to move. A segment not listed yet
 * (the list still loading) is waited for.
 */
export function useFocusOnReturn(
  sorted: readonly SegmentRow[],
  visible: readonly SegmentRow[],
  table: RefObject<SegmentsTableHandle | null>,
  { ready, loading }: { ready: boolean; loading: boolean },
): void {
  useEffect(() => {
    if (!ready || visible.length === 0) return
    const key = readListReturn()
    if (!key) return
    const place = placeInView(sorted, visible, key)
    if (!place && loading) return
    // A frame later: the window virtualiser has then drawn the rows at the restored scroll position, so the row is
    // focused where it is rather than scrolled to from where the virtualiser last saw the page.
    const frame = requestAnimationFrame(() => {
      forgetListReturn()
      if (place) table.current?.focusRow(Math.min(place.position, visible.length) - 1)
    })
    return () => cancelAnimationFrame(frame)
  }, [ready, loading, sorted, visible, table])
}
