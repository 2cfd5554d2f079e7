// The segments grid: TanStack Table for columns, order and visibility; TanStack Virtual renders only the visible rows.
import {
  flexRender,
  functionalUpdate,
  useTable,
  type ColumnVisibilityState,
  type Row,
  type SortingState,
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
  type Ref,
} from 'react'
import { useTranslation } from 'react-i18next'
import { columnLabel, isColumnId, segmentColumns, segmentTableFeatures } from './columns'
import type { SegmentListSort } from './list-state'
import type { SegmentRow } from './segment-rows'
import { SortableHeader } from './sortable-header'
import { useRowKeyboard } from './use-row-keyboard'
import { useRowLayout } from './use-row-layout'

const OVERSCAN = 10

interface SegmentsTableProps {
  rows: readonly SegmentRow[]
  sort: SegmentListSort
  onSortChange: (sort: SegmentListSort) => void
  columnVisibility: ColumnVisibilityState
  handle?: Ref<SegmentsTableHandle>
}

export interface SegmentsTableHandle {
  /** Scrolls the row into the rendered window if needed, then focuses its name link. */
  focusRow: (index: number) => void
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
  /** Which columns show: a row is drawn again when it changes. */
  columnVisibility: ColumnVisibilityState
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
    before.columnVisibility === after.columnVisibility &&
    before.cardLabels === after.cardLabels &&
    before.measureRef === after.measureRef,
)

/** Memoised: a keystroke re-renders the page for its count at once, and the table only when its rows change. */
export const SegmentsTable = memo(function SegmentsTable({
  rows,
  sort,
  onSortChange,
  columnVisibility,
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
  // The table is given only the virtual window's rows: TanStack Table then builds a few dozen row models, not 12,000.
  const windowRows = useMemo(() => virtualRows.flatMap((item) => rows[item.index] ?? []), [virtualRows, rows])
  const sorting: SortingState = [{ id: sort.column, desc: sort.desc }]
  const table = useTable({
    features: segmentTableFeatures,
    columns: segmentColumns,
    data: windowRows,
    getRowId: (row) => row.key,
    state: { sorting, columnVisibility },
    // Sorting and filtering run once outside the table (see segment-view.ts): much cheaper per keystroke at 12k rows.
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    // A first click sorts up (A→Z, oldest first, off before on): the table has no rows to guess a direction from.
    sortDescFirst: false,
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting)
      if (next && isColumnId(next.id)) onSortChange({ column: next.id, desc: next.desc })
    },
  })

  const { focusRow, onKeyDown } = useRowKeyboard(bodyRef, virtualizer, rows.length, rowLayout.estimate)
  useImperativeHandle(handle, () => ({ focusRow }))
  const visibleColumns = table.getVisibleLeafColumns()
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
  const first = virtualRows[0]
  const last = virtualRows.at(-1)
  const paddingTop = first ? first.start - scrollMargin : 0
  const paddingBottom = last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0

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
            columnVisibility={columnVisibility}
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
