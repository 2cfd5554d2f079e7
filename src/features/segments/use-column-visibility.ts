// Which columns the user shows, remembered in localStorage across visits; a column's default is in its definition.
import type { ColumnVisibilityState } from '@tanstack/react-table'
import { useState } from 'react'
import { z } from 'zod/mini'
import { storedRecord } from '../../lib/stored-record'
import { segmentColumns, type ColumnId } from './columns'
import { showsCards } from './use-row-layout'

/** Each column's choice, read one by one: a value that is not a column's or not a yes or no is left out. */
const stored = storedRecord(() => localStorage, 'segment-audit:columns:v1', z.looseObject({}))

/** The columns shown until the user chooses, for the screen the list opens on. */
function defaultVisibility(cards: boolean): ColumnVisibilityState {
  const hidden = segmentColumns.filter(({ meta }) => meta.hiddenByDefault === true || (cards && meta.hiddenByDefault))
  return Object.fromEntries(hidden.map(({ id }) => [id, false]))
}

/** The columns shown as the list opens: the user's choice kept in this browser, else the defaults. */
export function readStored(): ColumnVisibilityState {
  const visibility = defaultVisibility(showsCards())
  const chosen = stored.read() ?? {}
  for (const { id, enableHiding } of segmentColumns) {
    const value = chosen[id]
    if (typeof value === 'boolean' && enableHiding !== false) visibility[id] = value
  }
  return visibility
}

export function useColumnVisibility() {
  const [visibility, setVisibility] = useState(readStored)
  const showColumn = (id: ColumnId, shown: boolean) =>
    setVisibility((previous) => {
      const next = { ...previous, [id]: shown }
      stored.write(next)
      return next
    })
  return [visibility, showColumn] as const
}
