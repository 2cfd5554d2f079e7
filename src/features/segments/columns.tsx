// The list's columns, one TanStack ColumnDef each at module scope: header, cell, sort value (the accessor) and `meta`
// (CSV text, default visibility, multi-value filter). The table, the columns menu, the URL, the filters and the CSV
// export all derive from this list: a new column is one entry here plus its words in the locale files.
import { Badge } from '../../components/badge'
import { CopyButton } from '../../components/copy-button'
import { MalformedMark } from '../../components/malformed-mark'
import { NotProvided } from '../../components/not-provided'
import { useFixedT } from '../../components/use-fixed-t'
import { useFormat } from '../../components/use-format'
import { PROVIDER_IDS, providerLabel } from '../../providers/provider-id'
import { NOT_PROVIDED } from '../../providers/segment'
import {
  column,
  dateColumn,
  knownText,
  namesColumn,
  onOffColumn,
  type SegmentCellContext,
  type SegmentColumnMeta,
  type SortValue,
} from './column-kinds'
import { findingNames, FindingsCell } from './finding-names'
import { SelectAllHeader, SelectRowCell } from './row-selection-cells'
import { SegmentLink } from './segment-link'
import { detailsDate, fromDetails, type Known, type SegmentRow } from './segment-rows'

export { columnLabel, segmentTableFeatures, type SegmentsT, type SortValue } from './column-kinds'

function IdCell({ row: { original: row } }: SegmentCellContext) {
  const t = useFixedT('segments')
  return (
    <span className="id-cell">
      <code title={row.id}>{row.id}</code>
      <CopyButton value={row.id} label={t('table.copyId', { name: row.name })} />
    </span>
  )
}

/**
 * The last day's size in the 30-day series the details scan (or the detail page) fetched. Braze measures no size
 * without analytics tracking: the scan skips those segments' series, and a series asked for anyway has no day.
 */
function latestSize(row: SegmentRow): Known<number> {
  if (row.provider === 'commanders-act') return NOT_PROVIDED
  if (!row.sizes) return row.analyticsTracking === false ? NOT_PROVIDED : undefined
  let latest: { time: string; size: number } | undefined
  for (const point of row.sizes) if (!latest || point.time > latest.time) latest = point
  return latest ? latest.size : NOT_PROVIDED
}

function SizeCell({ row: { original: row } }: SegmentCellContext) {
  const t = useFixedT('segments')
  const format = useFormat()
  const size = latestSize(row)
  if (size === NOT_PROVIDED) return <NotProvided by={providerLabel[row.provider]} />
  if (size === undefined)
    return (
      <span className="not-loaded" title={t('table.sizeHint')}>
        {t('table.notScanned')}
      </span>
    )
  return format.number(size)
}

const VERDICT_ORDER = { keep: 0, fix: 1, archive: 2 } as const

function VerdictCell({ row: { original: row } }: SegmentCellContext) {
  const t = useFixedT()
  const label = t(`verdict.${row.verdict}`)
  return <span className={row.verdict === 'unreviewed' ? 'muted' : `verdict-badge-${row.verdict}`}>{label}</span>
}

/** The selection's checkboxes, for bulk verdicts (row-selection-cells.tsx): always shown, first. */
const selectColumn = {
  id: 'select' as const,
  header: SelectAllHeader,
  accessorFn: (): SortValue => null,
  cell: ({ row }: SegmentCellContext) => <SelectRowCell row={row.original} />,
  meta: { csv: () => '', control: true } satisfies SegmentColumnMeta as SegmentColumnMeta,
  enableHiding: false,
  enableSorting: false,
}

export const segmentColumns = [
  selectColumn,
  column({
    id: 'provider',
    accessorFn: (row) => PROVIDER_IDS.indexOf(row.provider),
    cell: ({ row }) => <Badge tone={row.original.provider}>{providerLabel[row.original.provider]}</Badge>,
    meta: { csv: (row) => providerLabel[row.provider] },
  }),
  column({
    id: 'name',
    // A name that did not read (a malformed answer) is unknown: last, not first as an empty string would sort.
    accessorFn: (row) => row.name || null,
    cell: ({ row }) => (
      <>
        <SegmentLink row={row.original} />
        <MalformedMark fields={row.original.malformed} />
      </>
    ),
    // The details' name where the list's answer had none (the table shows the id then, with the malformed mark).
    meta: { csv: (row) => row.name || row.details?.name || '' },
    // Without its name a row means nothing.
    enableHiding: false,
  }),
  column({
    id: 'id',
    accessorFn: (row) => row.id,
    cell: IdCell,
    meta: { csv: (row) => row.id, identifier: true, hiddenByDefault: 'on-cards' },
  }),
  namesColumn({ id: 'tags', value: (row) => row.tags, param: 'tag' }),
  // Braze's older workspaces omit teams: not provided, rather than "no teams".
  namesColumn({
    id: 'teams',
    value: (row) => fromDetails(row, (details) => details.teams ?? NOT_PROVIDED),
    param: 'team',
    hiddenByDefault: true,
  }),
  onOffColumn({
    id: 'tracking',
    value: (row) => row.analyticsTracking,
    words: ['on', 'off'],
    hiddenByDefault: 'on-cards',
  }),
  // "Last updated" says more for an audit, and the name needs the room.
  dateColumn({
    id: 'created',
    value: (row) => detailsDate(row, 'createdAt'),
    hiddenByDefault: true,
  }),
  dateColumn({
    id: 'updated',
    value: (row) => detailsDate(row, 'updatedAt'),
    hiddenByDefault: 'on-cards',
  }),
  onOffColumn({
    id: 'description',
    value: (row) => fromDetails(row, (details) => Boolean(details.textDescription?.trim())),
    words: ['present', 'missing'],
    noWarns: true,
    hiddenByDefault: 'on-cards',
  }),
  column({
    id: 'size',
    accessorFn: (row) => {
      const size = latestSize(row)
      return size === undefined || size === NOT_PROVIDED ? null : size
    },
    cell: SizeCell,
    meta: {
      hiddenByDefault: 'on-cards',
      csv: (row, t) => {
        const size = latestSize(row)
        return size === undefined ? t('table.notScanned') : knownText(size, t, String)
      },
    },
  }),
  column({
    id: 'verdict',
    accessorFn: (row) => (row.verdict === 'unreviewed' ? null : VERDICT_ORDER[row.verdict]),
    cell: VerdictCell,
    meta: { csv: (row, t) => t(`common:verdict.${row.verdict}`), alwaysExported: true },
  }),
  column({
    id: 'findings',
    accessorFn: (row) => row.findings.length || null,
    cell: ({ row }) => <FindingsCell findings={row.original.findings} />,
    meta: {
      csv: (row, t, { staleMonths }) => findingNames(row.findings, t, staleMonths),
      hiddenByDefault: true,
      alwaysExported: true,
    },
  }),
]

export type ColumnId = (typeof segmentColumns)[number]['id']
type SegmentColumn = (typeof segmentColumns)[number]

export const COLUMN_BY_ID = new Map<string, SegmentColumn>(
  segmentColumns.map((definition) => [definition.id, definition]),
)

export function isColumnId(value: string): value is ColumnId {
  return COLUMN_BY_ID.has(value)
}

export interface Facet extends NonNullable<SegmentColumnMeta['facet']> {
  id: ColumnId
}

/** The multi-value filters (Tags, Teams), in table order. */
export const FACETS: readonly Facet[] = segmentColumns.flatMap(({ id, meta }) =>
  meta.facet ? [{ id, ...meta.facet }] : [],
)

/** The columns shown, in order, under a column-visibility state (TanStack Table's: a column is shown unless false). */
export function visibleColumnIds(visibility: Readonly<Record<string, boolean>>): ColumnId[] {
  return segmentColumns.map((definition) => definition.id).filter((id) => visibility[id] !== false)
}

/** The columns that hold a value of the segment (all but the selection), for the export and the sort. */
export const isValueColumn = (id: ColumnId): boolean => !COLUMN_BY_ID.get(id)?.meta.control
