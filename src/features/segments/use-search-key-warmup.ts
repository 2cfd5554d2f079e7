// Works out the rows' search keys in idle time once the lists are in, a slice at a time: the first keystroke then finds
// them ready instead of normalising thousands of names at once (a long task while typing). Not while the lists stream:
// idle moments then belong to the answers still coming.
import { useEffect } from 'react'
import type { Segment } from '../../providers/segment'
import { searchKeyOf } from './segment-rows'

const SLICE = 500

type IdleScheduler = (callback: () => void) => () => void

/** requestIdleCallback where the browser has it (Safari lacks it), otherwise a macrotask. */
const whenIdle: IdleScheduler = (callback) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: 500 })
    return () => cancelIdleCallback(handle)
  }
  const handle = setTimeout(callback, 0)
  return () => clearTimeout(handle)
}

export function useSearchKeyWarmup(segments: readonly Segment[], loading: boolean): void {
  useEffect(() => {
    if (loading) return
    let next = 0
    let cancel = () => {}
    const slice = () => {
      const end = Math.min(next + SLICE, segments.length)
      for (; next < end; next++) {
        const segment = segments[next]
        if (segment) searchKeyOf(segment)
      }
      if (next < segments.length) cancel = whenIdle(slice)
    }
    cancel = whenIdle(slice)
    return () => cancel()
  }, [segments, loading])
}
