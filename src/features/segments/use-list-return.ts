// Coming back to the list from a segment's page (Escape, the browser's Back, the "Back to the segments" link): the list
// reopens where it was scrolled, and the focus lands on the row of the segment last seen, so the reviewer carries on
// from where they were. A segment its verdict took out of the view hands the focus to the row now in its place.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { useLocation } from 'react-router'
import { z } from 'zod/mini'
import { storedRecord } from '../../lib/stored-record'
import { placeInView } from './review-queue'
import type { SegmentRow } from './segment-rows'
import type { SegmentsTableHandle } from './segments-table'

const STORAGE_KEY = 'segment-audit:list-return:v2'
const MAX_RESTORE_FRAMES = 30

/** One record per tab: the list URL left and its scroll offset, then the segment its page showed last. */
const listReturnSchema = z.object({ search: z.string(), scrollY: z.number(), segmentKey: z.optional(z.string()) })

/** One record per tab; without sessionStorage the list opens as it would from anywhere else. */
const listReturn = storedRecord(() => sessionStorage, STORAGE_KEY, listReturnSchema)

/** The tab's record, if it is for the list at `search`. */
function keptFor(search: string) {
  const kept = listReturn.read()
  return kept?.search === search ? kept : undefined
}

/**
 * The segment to focus when the reviewer comes back to the list at `listSearch`: called as a segment is opened from the
 * list (a Back pressed before its page has even shown returns to its row) and by each segment's page (j and k move on).
 */
export function rememberListReturn(segmentKey: string, listSearch: string): void {
  listReturn.write({ search: listSearch, scrollY: keptFor(listSearch)?.scrollY ?? 0, segmentKey })
}

/** A segment not listed yet (the list still loading) is waited for; another list URL starts at the top. */
export function useListReturn(
  sorted: readonly SegmentRow[],
  visible: readonly SegmentRow[],
  table: RefObject<SegmentsTableHandle | null>,
  loading: boolean,
): void {
  const { search } = useLocation()
  const [back] = useState(() => keptFor(search))
  const restoreTo = useRef(back?.scrollY ?? 0)
  const lastScrollY = useRef(back?.scrollY ?? 0)
  const focusKey = useRef(back?.segmentKey)

  useEffect(() => {
    if (visible.length === 0) return
    let frames = 0
    let request = 0
    let scrolled = restoreTo.current <= 0
    const step = () => {
      if (!scrolled) {
        // The virtualiser gives the table its full height a frame or two after mounting: wait until the offset exists.
        const reachable = document.documentElement.scrollHeight - window.innerHeight >= restoreTo.current
        if (reachable || (frames += 1) >= MAX_RESTORE_FRAMES) {
          window.scrollTo(0, restoreTo.current)
          scrolled = true
        }
        // The focus moves a frame later: the virtualiser has then drawn the rows at the restored offset, so the row is
        // focused where it is rather than scrolled to from where the virtualiser last saw the page.
        request = requestAnimationFrame(step)
        return
      }
      // Done only now, not at the scroll: a remount in between (React's strict mode) has the virtualiser put the page
      // back where it last saw it, and the next run scrolls again.
      restoreTo.current = 0
      const key = focusKey.current
      const place = key ? placeInView(sorted, visible, key) : undefined
      if (!key || (!place && loading)) return
      focusKey.current = undefined
      listReturn.write({ search, scrollY: lastScrollY.current })
      if (place) table.current?.focusRow(Math.min(place.position, visible.length) - 1)
    }
    if (scrolled) request = requestAnimationFrame(step)
    else step()
    return () => cancelAnimationFrame(request)
  }, [search, sorted, visible, loading, table])

  // Tracked while the list is on screen, and kept in a layout cleanup: by a passive cleanup the next page has already
  // replaced the list and the browser has clamped the offset.
  useLayoutEffect(() => {
    const onScroll = () => {
      lastScrollY.current = window.scrollY
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      window.removeEventListener('scroll', onScroll)
      // The segment being opened (remembered as its link was followed) stays remembered.
      listReturn.write({ ...keptFor(search), search, scrollY: lastScrollY.current })
    }
  }, [search])
}
