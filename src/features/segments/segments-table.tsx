// The segments grid: TanStack Table for columns, order and visibility; TanStack Virtual keeps only the visible rows in the DOM.
import {
  flexRender,
  useTable,
  type ColumnVisibilityState,
  type Row,
  type SortingState,
  type Updater,
} from '@tanstack/react-table'
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react'
import { useTranslation } from 'react-i18next'
import { columnLabel, isColumnId, segmentColumns, segmentTableFeatures, visibleColumnIds } from './columns'
import type { SegmentListSort } from './list-state'
import type { SegmentRow } from './segment-rows'
import { SortableHeader } from './sortable-header'
import { useRowLayout } from './use-row-layout'

const OVERSCAN = 10
/** How many frames a row brought into view may take to be drawn before focusing it is given up. */
const FOCUS_FRAMES = 30

interface SegmentsTableProps {
  rows: readonly SegmentRow[]
  sort: SegmentListSort
  onSortChange: (sort: SegmentListSort) => void
  columnVisibility: ColumnVisibilityState
  onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => void
  handle?: Ref<SegmentsTableHandle>
}

export interface SegmentsTableHandle {
  /** Scrolls the row into the rendered window if needed, then focuses its name link. */
  focusRow: (index: number) => void
}

function resolve<T>(updater: Updater<T>, previous: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(previous) : updater
}

/** Distance from the top of the document to the first row, so the window virtualiser knows where rows start. */
function useOffsetTop(ref: React.RefObject<HTMLElement | null>): number {
  const [offset, setOffset] = useState(0)
  useLayoutEffect(() => {
    const measure = () => {
      if (ref.current) setOffset(ref.current.getBoundingClientRect().top + window.scrollY)
    }
    measure()
    window.addEventListener('resize', measure)
    return () => window.removeEventListener('resize', measure)
  }, [ref])
  return offset
}

type SegmentTableRowModel = Row<typeof segmentTableFeatures, SegmentRow>

interface SegmentTableRowProps {
  row: SegmentTableRowModel
  index: number
  /** The visible columns, one array per visibility state. */
  columnIds: readonly string[]
  /** A column's name as a card labels its value (a narrow screen shows rows as cards), one record per language. */
  cardLabels: Readonly<Record<string, string>>
  /** The virtualiser's measure, where rows vary in height (cards on a narrow screen). */
  measureRef?: (row: HTMLTableRowElement | null) => void
}

/**
 * One body row, memoised on its segment, position and columns: TanStack Table makes new row objects for each window of
 * rows, but a row already drawn for the same segment stays as it is.
 */
const SegmentTableRow = memo(
  function SegmentTableRow({ row, index, measureRef, cardLabels }: SegmentTableRowProps) {
    return (
      <tr aria-rowindex={index + 2} data-provider={row.original.provider} data-index={index} ref={measureRef}>
        {row.getVisibleCells().map((cell) => (
          <td key={cell.column.id} className={`col-${cell.column.id}`} data-label={cardLabels[cell.column.id]}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        ))}
      </tr>
    )
  },
  (before, after) =>
    before.row.original === after.row.original &&
    before.index === after.index &&
    before.columnIds === after.columnIds &&
    before.cardLabels === after.cardLabels &&
    before.measureRef === after.measureRef,
)

/** Memoised: a keystroke re-renders the page for its count at once, and the table only when its rows change. */
export const SegmentsTable = memo(function SegmentsTable({
  rows,
  sort,
  onSortChange,
  columnVisibility,
  onColumnVisibilityChange,
  handle,
}: SegmentsTableProps) {
  const { t } = useTranslation(['segments', 'common'])
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const scrollMargin = useOffsetTop(bodyRef)
  const rowLayout = useRowLayout()
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => rowLayout.estimate,
    overscan: OVERSCAN,
    scrollMargin,
    // The window's size is known now: the first render already has its rows, instead of waiting for the observer.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    // Stable while the rows are: a new function would make the virtualiser re-measure all 12,000 items each render.
    getItemKey: useCallback((index: number) => rows[index]?.key ?? index, [rows]),
  })
  // Heights measured at another width no longer hold: start again from the new estimate.
  useEffect(() => virtualizer.measure(), [virtualizer, rowLayout])
  const virtualRows = virtualizer.getVirtualItems()
  // The table is given the rows of the virtual window only: TanStack Table then builds a few dozen row models, not 12,000.
  const windowRows = useMemo(() => virtualRows.flatMap((item) => rows[item.index] ?? []), [virtualRows, rows])
  const sorting: SortingState = [{ id: sort.column, desc: sort.desc }]
  const table = useTable({
    features: segmentTableFeatures,
    columns: segmentColumns,
    data: windowRows,
    getRowId: (row) => row.key,
    state: { sorting, columnVisibility },
    // Sorting and filtering are done once outside the table (see segment-view.ts): much cheaper per keystroke at 12k rows.
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    // A first click sorts up (A→Z, oldest first, off before on): the table has no rows to guess a direction from.
    sortDescFirst: false,
    onSortingChange: (updater) => {
      const [next] = resolve(updater, sorting)
      if (next && isColumnId(next.id)) onSortChange({ column: next.id, desc: next.desc })
    },
    onColumnVisibilityChange,
  })

  const focusRow = (index: number) => {
    if (index < 0 || index >= rows.length) return
    const link = () =>
      bodyRef.current?.querySelector<HTMLAnchorElement>(`tr[aria-rowindex="${index + 2}"] a.segment-name`)
    const now = link()
    if (now) {
      now.focus()
      return
    }
    // Not rendered (virtualised away): bring it in, then focus it once painted; a long jump (End on 12,000 rows) may
    // take the virtualiser a few frames of measuring to land.
    virtualizer.scrollToIndex(index, { align: 'auto' })
    let frames = 0
    const focusWhenDrawn = () => {
      const drawn = link()
      if (drawn) drawn.focus()
      else if ((frames += 1) < FOCUS_FRAMES) requestAnimationFrame(focusWhenDrawn)
    }
    requestAnimationFrame(focusWhenDrawn)
  }
  useImperativeHandle(handle, () => ({ focusRow }))
  /**
   * ↑/↓ move between rows' name links, Home/End to the first and last row, PageUp/PageDown by a screen; Enter on a
   * link opens it, as a link does, and Space ticks the row's checkbox rather than scrolling the page.
   */
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const row = (event.target as HTMLElement).closest('tr[aria-rowindex]')
    if (!row) return
    const current = Number(row.getAttribute('aria-rowindex')) - 2
    if (event.key === ' ' && (event.target as HTMLElement).matches('a.segment-name')) {
      event.preventDefault()
      row.querySelector<HTMLInputElement>('input.row-select')?.click()
      return
    }
    const screen = Math.max(1, Math.floor(window.innerHeight / rowLayout.estimate) - 1)
    const target = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: rows.length - 1,
      PageDown: Math.min(rows.length - 1, current + screen),
      PageUp: Math.max(0, current - screen),
    }[event.key]
    if (target === undefined) return
    event.preventDefault()
    focusRow(target)
  }
  const visibleColumns = table.getVisibleLeafColumns()
  // One array per visibility state, so that memoised rows stay as they are.
  const columnIds = useMemo(() => visibleColumnIds(columnVisibility), [columnVisibility])
  // The columns shown on request (or on a wide screen only) are the cards' labelled values; the others are the card.
  const cardLabels = useMemo(
    () =>
      Object.fromEntries(
        segmentColumns
          .filter(({ meta }) => meta.hiddenByDefault)
          .map(({ id }) => [id, t('table.cardLabel', { column: columnLabel(t, id) })]),
      ),
    [t],
  )
  const paddingTop = virtualRows.length > 0 ? (virtualRows[0]?.start ?? 0) - scrollMargin : 0
  const paddingBottom =
    virtualRows.length > 0
      ? virtualizer.getTotalSize() - ((virtualRows[virtualRows.length - 1]?.end ?? 0) - scrollMargin)
      : 0

  return (
    <table className="segments-table" aria-label={t('table.label')} aria-rowcount={rows.length + 1}>
      <colgroup>
        {visibleColumns.map((column) => (
          <col key={column.id} className={`col-${column.id}`} />
        ))}
      </colgroup>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id} aria-rowindex={1}>
            {group.headers.map((header) =>
              header.column.getCanSort() ? (
                <SortableHeader key={header.id} header={header} />
              ) : (
                <th key={header.id} scope="col" className={`col-${header.column.id}`}>
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ),
            )}
          </tr>
        ))}
      </thead>
      <tbody ref={bodyRef} onKeyDown={onKeyDown}>
        {paddingTop > 0 ? (
          <tr aria-hidden="true" className="spacer">
            <td colSpan={visibleColumns.length} style={{ height: paddingTop }} />
          </tr>
        ) : null}
        {table.getRowModel().rows.map((row, position) => (
          <SegmentTableRow
            key={row.id}
            row={row}
            index={virtualRows[position]?.index ?? position}
            columnIds={columnIds}
            cardLabels={cardLabels}
            measureRef={rowLayout.measured ? virtualizer.measureElement : undefined}
          />
        ))}
        {paddingBottom > 0 ? (
          <tr aria-hidden="true" className="spacer">
            <td colSpan={visibleColumns.length} style={{ height: paddingBottom }} />
          </tr>
        ) : null}
      </tbody>
    </table>
  )
})
