// Which columns the user shows, remembered in localStorage across visits.
import type { ColumnVisibilityState, Updater } from '@tanstack/react-table'
import { useCallback, useState } from 'react'
import { ALWAYS_VISIBLE, COLUMN_IDS } from './column-labels'

const STORAGE_KEY = 'segment-audit:columns:v1'
/** Shown on request only: "Last updated" says more for an audit, and the name needs the room. */
const DEFAULT_VISIBILITY: ColumnVisibilityState = { created: false }

function readStored(): ColumnVisibilityState {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    const parsed: unknown = raw ? JSON.parse(raw) : {}
    if (typeof parsed !== 'object' || parsed === null) return DEFAULT_VISIBILITY
    const visibility: ColumnVisibilityState = { ...DEFAULT_VISIBILITY }
    for (const id of COLUMN_IDS) {
      const value = (parsed as Record<string, unknown>)[id]
      if (typeof value === 'boolean' && !ALWAYS_VISIBLE.has(id)) visibility[id] = value
    }
    return visibility
  } catch {
    return DEFAULT_VISIBILITY
  }
}

export function useColumnVisibility() {
  const [visibility, setVisibility] = useState(readStored)
  const update = useCallback((updater: Updater<ColumnVisibilityState>) => {
    setVisibility((previous) => {
      const next = typeof updater === 'function' ? updater(previous) : updater
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
      } catch {
        // Storage full or disabled: the choice still holds for this visit.
      }
      return next
    })
  }, [])
  return [visibility, update] as const
}
