// One header part for every sortable column: a button that toggles the order, with aria-sort on the cell; the label is
// the column definition's header.
import { flexRender, type Header } from '@tanstack/react-table'
import type { segmentTableFeatures } from './columns'
import type { SegmentRow } from './segment-rows'

type SegmentHeader = Header<typeof segmentTableFeatures, SegmentRow>

const ARROWS = { asc: '↑', desc: '↓' } as const

export function SortableHeader({ header }: { header: SegmentHeader }) {
  const sorted = header.column.getIsSorted()
  return (
    <th
      scope="col"
      className={`col-${header.column.id}`}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
    >
      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
        {flexRender(header.column.columnDef.header, header.getContext())}
        <span className="sort-arrow" aria-hidden="true">
          {sorted ? ARROWS[sorted] : '↕'}
        </span>
      </button>
    </th>
  )
}
