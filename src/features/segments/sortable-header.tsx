// One header part for every sortable column: a button that toggles the order, with aria-sort on the cell.
import type { Header } from '@tanstack/react-table'
import type { segmentTableFeatures } from './columns'
import type { SegmentRow } from './segment-rows'

type SegmentHeader = Header<typeof segmentTableFeatures, SegmentRow, unknown>

const ARROWS = { asc: '↑', desc: '↓' } as const

export function SortableHeader({ header, label }: { header: SegmentHeader; label: string }) {
  const sorted = header.column.getIsSorted()
  return (
    <th
      scope="col"
      className={`col-${header.column.id}`}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
    >
      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {sorted ? ARROWS[sorted] : '↕'}
        </span>
      </button>
    </th>
  )
}
