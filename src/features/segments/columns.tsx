// The list's columns, one TanStack ColumnDef each at module scope: header, cell, sort value (the accessor) and `meta`
// (CSV text, default visibility, multi-value filter). The table, the columns menu, the URL, the filters and the CSV
// export all derive from this list: a new column is one entry here plus its words in the locale files.
import {
  columnVisibilityFeature,
  rowSortingFeature,
  tableFeatures,
  type CellContext,
  type HeaderContext,
} from '@tanstack/react-table'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Badge } from '../../components/badge'
import { NotProvided } from '../../components/not-provided'
import { useFixedT } from '../../components/use-fixed-t'
import { useFormat } from '../../components/use-format'
import { PROVIDER_IDS, providerLabel } from '../../providers/provider-id'
import { NOT_PROVIDED } from '../../providers/segment'
import { IdCell, KnownCell, KnownDate, Names, TrackingCell, VerdictCell } from './cells'
import { fromDetails, type Known, type SegmentRow } from './segment-rows'
import { MalformedMark } from '../../components/malformed-mark'
import { SegmentLink } from './segment-link'
import { SelectAllHeader, SelectRowCell } from './row-selection-cells'
import { findingNames, FindingsCell } from './finding-names'

/** The list's translate function: its own strings first, the shared ones (verdicts, "not provided") second. */
export type SegmentsT = TFunction<['segments', 'common']>

/** What a column sorts by; null sorts last in both directions (unknown is never mistaken for a small value). */
export type SortValue = string | number | null

/** What a CSV cell may need beyond its row: the settings its words depend on. */
interface CsvContext {
  staleMonths: number
}

interface SegmentColumnMeta {
  /** The cell as CSV text, in the interface language; dates stay ISO 8601 so any spreadsheet reads them. */
  csv: (row: SegmentRow, t: SegmentsT, context: CsvContext) => string
  /** In every CSV export, shown in the table or not: a review travels with its verdict and findings. */
  alwaysExported?: boolean
  /** Shown on request only, from the columns menu. */
  hiddenByDefault?: boolean
  /** A control rather than a value (the selection's checkboxes): not exported, not sorted, not in the columns menu. */
  control?: true
  /** A filter on several values at once (as Tags): its URL parameter and a row's values (undefined: not known). */
  facet?: { param: string; values: (row: SegmentRow) => Known<readonly string[]> }
}

export const segmentTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnMeta: {} as SegmentColumnMeta,
})
type Features = typeof segmentTableFeatures

interface SegmentColumnInput<Id extends string> {
  id: Id
  accessorFn: (row: SegmentRow) => SortValue
  cell: (context: CellContext<Features, SegmentRow>) => ReactNode
  meta: SegmentColumnMeta
  /** False for a column that always shows. */
  enableHiding?: boolean
}

function ColumnName({ column }: HeaderContext<Features, SegmentRow>) {
  const { t } = useTranslation(['segments', 'common'])
  return columnLabel(t, column.id as ColumnId)
}

function column<const Id extends string>(input: SegmentColumnInput<Id>) {
  return { header: ColumnName, ...input }
}

function knownText<T>(value: Known<T>, t: SegmentsT, text: (value: T) => string): string {
  if (value === NOT_PROVIDED) return t('common:notProvided.text')
  if (value === undefined) return t('common:notLoaded')
  return text(value)
}

function DescriptionCell({ row }: { row: SegmentRow }) {
  const t = useFixedT('segments')
  return (
    <KnownCell value={hasDescription(row)} provider={row.provider}>
      {(present) =>
        present ? (
          <span className="state-on">{t('table.present')}</span>
        ) : (
          <span className="state-warning">{t('table.missing')}</span>
        )
      }
    </KnownCell>
  )
}

function SizeCell({ row }: { row: SegmentRow }) {
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

const tagsOf = (row: SegmentRow): Known<readonly string[]> => row.tags
/** Braze's older workspaces omit teams: not provided, rather than "no teams". */
const teamsOf = (row: SegmentRow): Known<readonly string[]> =>
  fromDetails(row, (details) => details.teams ?? NOT_PROVIDED)
const hasDescription = (row: SegmentRow) => fromDetails(row, (details) => Boolean(details.textDescription?.trim()))

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

function timeOf(value: Known<string>): number | null {
  if (value === undefined || value === NOT_PROVIDED) return null
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : time
}

const countOf = (values: Known<readonly string[]>) => (typeof values === 'object' ? values.length : null)
const known = <T,>(value: Known<T>, sortValue: (value: T) => SortValue) =>
  value === undefined || value === NOT_PROVIDED ? null : sortValue(value)

/** The selection's checkboxes, for bulk verdicts (row-selection-cells.tsx): always shown, first. */
const selectColumn = {
  id: 'select' as const,
  header: SelectAllHeader,
  accessorFn: (): SortValue => null,
  cell: ({ row }: CellContext<Features, SegmentRow>) => <SelectRowCell row={row.original} />,
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
    meta: { csv: (row) => row.name },
    // Without its name a row means nothing.
    enableHiding: false,
  }),
  column({
    id: 'id',
    accessorFn: (row) => row.id,
    cell: ({ row }) => <IdCell row={row.original} />,
    meta: { csv: (row) => row.id },
  }),
  column({
    id: 'tags',
    accessorFn: (row) => countOf(tagsOf(row)),
    cell: ({ row }) => <Names values={tagsOf(row.original)} provider={row.original.provider} kind="tags" />,
    meta: {
      csv: (row, t) => knownText(tagsOf(row), t, (tags) => tags.join('; ')),
      facet: { param: 'tag', values: tagsOf },
    },
  }),
  column({
    id: 'teams',
    accessorFn: (row) => countOf(teamsOf(row)),
    cell: ({ row }) => <Names values={teamsOf(row.original)} provider={row.original.provider} kind="teams" />,
    meta: {
      csv: (row, t) => knownText(teamsOf(row), t, (teams) => teams.join('; ')),
      facet: { param: 'team', values: teamsOf },
      hiddenByDefault: true,
    },
  }),
  column({
    id: 'tracking',
    accessorFn: (row) => known(row.analyticsTracking, (on) => (on ? 1 : 0)),
    cell: ({ row }) => <TrackingCell row={row.original} />,
    meta: { csv: (row, t) => knownText(row.analyticsTracking, t, (on) => (on ? t('csv.on') : t('csv.off'))) },
  }),
  column({
    id: 'created',
    accessorFn: (row) => timeOf(fromDetails(row, (details) => details.createdAt)),
    cell: ({ row }) => (
      <KnownDate value={fromDetails(row.original, (details) => details.createdAt)} provider={row.original.provider} />
    ),
    // "Last updated" says more for an audit, and the name needs the room.
    meta: {
      csv: (row, t) =>
        knownText(
          fromDetails(row, (details) => details.createdAt),
          t,
          (iso) => iso,
        ),
      hiddenByDefault: true,
    },
  }),
  column({
    id: 'updated',
    accessorFn: (row) => timeOf(fromDetails(row, (details) => details.updatedAt)),
    cell: ({ row }) => (
      <KnownDate value={fromDetails(row.original, (details) => details.updatedAt)} provider={row.original.provider} />
    ),
    meta: {
      csv: (row, t) =>
        knownText(
          fromDetails(row, (details) => details.updatedAt),
          t,
          (iso) => iso,
        ),
    },
  }),
  column({
    id: 'description',
    accessorFn: (row) => known(hasDescription(row), (present) => (present ? 1 : 0)),
    cell: ({ row }) => <DescriptionCell row={row.original} />,
    meta: {
      csv: (row, t) => knownText(hasDescription(row), t, (present) => (present ? t('csv.present') : t('csv.missing'))),
    },
  }),
  column({
    id: 'size',
    accessorFn: (row) => known(latestSize(row), (size) => size),
    cell: ({ row }) => <SizeCell row={row.original} />,
    meta: {
      csv: (row, t) => {
        const size = latestSize(row)
        return size === undefined ? t('csv.notScanned') : knownText(size, t, String)
      },
    },
  }),
  column({
    id: 'verdict',
    accessorFn: (row) => (row.verdict === 'unreviewed' ? null : VERDICT_ORDER[row.verdict]),
    cell: ({ row }) => <VerdictCell row={row.original} />,
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

export function columnLabel(t: SegmentsT, id: ColumnId): string {
  return t(`column.${id}`)
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
