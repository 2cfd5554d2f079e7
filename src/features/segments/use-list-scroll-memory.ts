// Remembers how far down the list the user was, so coming back from a segment lands on the same rows. Says when that
// is done (at once when there is nothing to restore), so the focus on return moves after it.
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useLocation } from 'react-router'

const MAX_RESTORE_FRAMES = 30
const key = (search: string) => `segment-audit:list-scroll:${search}`

export function useListScrollMemory(rowsReady: boolean): boolean {
  const { search } = useLocation()
  const [restoreTo] = useState(() => Number(sessionStorage.getItem(key(search))) || 0)
  const currentSearch = useRef(search)
  const lastScrollY = useRef(restoreTo)
  const [restored, setRestored] = useState(restoreTo <= 0)
  useEffect(() => {
    currentSearch.current = search
  }, [search])
  useEffect(() => {
    if (!rowsReady || restoreTo <= 0) return
    // The virtualiser gives the table its full height a frame or two after mounting: wait until the offset exists.
    let frames = 0
    let request = 0
    const restore = () => {
      const reachable = document.documentElement.scrollHeight - window.innerHeight >= restoreTo
      if (reachable || frames >= MAX_RESTORE_FRAMES) {
        window.scrollTo(0, restoreTo)
        setRestored(true)
        return
      }
      frames += 1
      request = requestAnimationFrame(restore)
    }
    restore()
    return () => cancelAnimationFrame(request)
  }, [rowsReady, restoreTo])
  // Tracked while the list is on screen, and saved in a layout cleanup: by a passive cleanup the next page has
  // already replaced the list and the browser has clamped the offset.
  useLayoutEffect(() => {
    const onScroll = () => {
      lastScrollY.current = window.scrollY
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      window.removeEventListener('scroll', onScroll)
      sessionStorage.setItem(key(currentSearch.current), String(lastScrollY.current))
    }
  }, [])
  return restored
}
