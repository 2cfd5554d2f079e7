// Which columns the user shows, remembered in localStorage across visits; a column's default is in its definition.
import type { ColumnVisibilityState } from '@tanstack/react-table'
import { useState } from 'react'
import { segmentColumns, type ColumnId } from './columns'
import { showsCards } from './use-row-layout'

const STORAGE_KEY = 'segment-audit:columns:v1'

/** The columns shown until the user chooses, for the screen the list opens on. */
function defaultVisibility(cards: boolean): ColumnVisibilityState {
  const hidden = segmentColumns.filter(({ meta }) => meta.hiddenByDefault === true || (cards && meta.hiddenByDefault))
  return Object.fromEntries(hidden.map(({ id }) => [id, false]))
}

/** The columns shown as the list opens: the user's choice kept in this browser, else the defaults. */
export function readStored(): ColumnVisibilityState {
  const defaults = defaultVisibility(showsCards())
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    const parsed: unknown = raw ? JSON.parse(raw) : {}
    if (typeof parsed !== 'object' || parsed === null) return defaults
    const visibility: ColumnVisibilityState = { ...defaults }
    for (const { id, enableHiding } of segmentColumns) {
      const value = (parsed as Record<string, unknown>)[id]
      if (typeof value === 'boolean' && enableHiding !== false) visibility[id] = value
    }
    return visibility
  } catch {
    return defaults
  }
}

export function useColumnVisibility() {
  const [visibility, setVisibility] = useState(readStored)
  const showColumn = (id: ColumnId, shown: boolean) =>
    setVisibility((previous) => {
      const next = { ...previous, [id]: shown }
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
      } catch {
        // Storage full or disabled: the choice still holds for this visit.
      }
      return next
    })
  return [visibility, showColumn] as const
}
