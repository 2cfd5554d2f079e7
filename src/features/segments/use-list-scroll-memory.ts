// Remembers how far down the list the user was, so coming back from a segment lands on the same rows.
import { useEffect, useRef } from 'react'
import { useLocation } from 'react-router'

const key = (search: string) => `segment-audit:list-scroll:${search}`

export function useListScrollMemory(rowsReady: boolean) {
  const { search } = useLocation()
  const currentSearch = useRef(search)
  useEffect(() => {
    currentSearch.current = search
  }, [search])
  useEffect(() => {
    if (!rowsReady) return
    const saved = Number(sessionStorage.getItem(key(currentSearch.current)))
    if (saved > 0) window.scrollTo(0, saved)
    sessionStorage.removeItem(key(currentSearch.current))
    return () => sessionStorage.setItem(key(currentSearch.current), String(window.scrollY))
  }, [rowsReady])
}
