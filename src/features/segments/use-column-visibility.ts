// Which columns the user shows, remembered in localStorage across visits; a column's default is in its definition.
import type { ColumnVisibilityState, Updater } from '@tanstack/react-table'
import { useCallback, useState } from 'react'
import { segmentColumns } from './columns'

const STORAGE_KEY = 'segment-audit:columns:v1'
const DEFAULT_VISIBILITY: ColumnVisibilityState = Object.fromEntries(
  segmentColumns.filter(({ meta }) => meta.hiddenByDefault).map(({ id }) => [id, false]),
)

function readStored(): ColumnVisibilityState {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    const parsed: unknown = raw ? JSON.parse(raw) : {}
    if (typeof parsed !== 'object' || parsed === null) return DEFAULT_VISIBILITY
    const visibility: ColumnVisibilityState = { ...DEFAULT_VISIBILITY }
    for (const { id, enableHiding } of segmentColumns) {
      const value = (parsed as Record<string, unknown>)[id]
      if (typeof value === 'boolean' && enableHiding !== false) visibility[id] = value
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
