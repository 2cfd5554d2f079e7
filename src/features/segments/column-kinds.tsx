// What a column of the list is (a TanStack ColumnDef with its `meta`), and the kinds several columns share: a date from
// the Braze details, names with a filter, a yes or no in two words. A kind draws the cell, and gives the sort value and
// the CSV text, from what its column reads of a row; the registry (columns.tsx) lists the columns.
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
import { NotLoaded, NotProvided } from '../../components/not-provided'
import { useFixedT } from '../../components/use-fixed-t'
import { useFormat } from '../../components/use-format'
import { formatSpreadsheetDateTime } from '../../lib/format'
import { dateValue } from '../../lib/iso-date'
import { UNREADABLE_DATE, type UnreadableDate } from '../../providers/braze/schemas'
import { providerLabel } from '../../providers/provider-id'
import { NOT_PROVIDED } from '../../providers/segment'
import type { ColumnId } from './columns'
import type { Known, SegmentRow } from './segment-rows'

/** The list's translate function: its own strings first, the shared ones (verdicts, "not provided") second. */
export type SegmentsT = TFunction<['segments', 'common']>

/**
 * What a column sorts by; null sorts last in both directions (unknown is never mistaken for a small value), and NaN (a
 * value there that could not be read) just before it.
 */
export type SortValue = string | number | null

/** What a CSV cell may need beyond its row: the settings its words depend on. */
interface CsvContext {
  staleMonths: number
}

export interface SegmentColumnMeta {
  /** The cell as CSV text, in the interface language; dates in the exports' one form (formatSpreadsheetDateTime). */
  csv: (row: SegmentRow, t: SegmentsT, context: CsvContext) => string
  /** An id, which a spreadsheet must read as text (csv.ts): 00012345 is not the number 12345. */
  identifier?: true
  /** In every CSV export, shown in the table or not: a review travels with its verdict and findings. */
  alwaysExported?: boolean
  /**
   * Shown on request only, from the columns menu; 'on-cards': only where rows are cards (a narrow screen), whose length
   * a value shown costs more than a table row's width does.
   */
  hiddenByDefault?: true | 'on-cards'
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
export type SegmentCellContext = CellContext<typeof segmentTableFeatures, SegmentRow>

interface SegmentColumnInput<Id extends string> {
  id: Id
  accessorFn: (row: SegmentRow) => SortValue
  cell: (context: SegmentCellContext) => ReactNode
  meta: SegmentColumnMeta
  /** False for a column that always shows. */
  enableHiding?: boolean
}

export function columnLabel(t: SegmentsT, id: ColumnId): string {
  return t(`column.${id}`)
}

function ColumnName({ column }: HeaderContext<typeof segmentTableFeatures, SegmentRow>) {
  const { t } = useTranslation(['segments', 'common'])
  return columnLabel(t, column.id as ColumnId)
}

/** A column headed by its name, sortable by its accessor. */
export function column<const Id extends string>(input: SegmentColumnInput<Id>) {
  return { header: ColumnName, ...input }
}

/** A value as CSV text, or the words the table uses for one not provided or not loaded. */
export function knownText<T>(value: Known<T>, t: SegmentsT, text: (value: T) => string): string {
  if (value === NOT_PROVIDED) return t('common:notProvided.text')
  if (value === undefined) return t('common:notLoaded')
  return text(value)
}

function DetailsNotLoaded() {
  const t = useFixedT('segments')
  return <NotLoaded hint={t('table.detailsHint')} />
}

/** What each column of a kind says for itself: its id, what it reads from a row, and whether it shows by default. */
interface KindInput<Id extends string, T> extends Pick<SegmentColumnMeta, 'hiddenByDefault'> {
  id: Id
  value: (row: SegmentRow) => Known<T>
}

interface KnownKind<Id extends string, T> extends KindInput<Id, T>, Pick<SegmentColumnMeta, 'facet'> {
  sortBy: (value: T) => SortValue
  text: (value: T, t: SegmentsT) => string
  View: (props: { value: T }) => ReactNode
}

/** A value a provider may not supply or the app may not have loaded yet: said so in cell and CSV, last in sorts. */
function knownColumn<const Id extends string, T>({ id, value, sortBy, text, View, ...meta }: KnownKind<Id, T>) {
  return column({
    id,
    accessorFn: (row) => {
      const known = value(row)
      return known === undefined || known === NOT_PROVIDED ? null : sortBy(known)
    },
    cell: ({ row: { original: row } }) => {
      const known = value(row)
      if (known === NOT_PROVIDED) return <NotProvided by={providerLabel[row.provider]} />
      if (known === undefined) return <DetailsNotLoaded />
      return <View value={known} />
    },
    meta: { csv: (row, t) => knownText(value(row), t, (known) => text(known, t)), ...meta },
  })
}

/** A date from the Braze details: sorted by time, in the CSV as the other exported dates (`2026-03-01 14:05`). */
export function dateColumn<const Id extends string>(input: KindInput<Id, string | UnreadableDate>) {
  return knownColumn({
    ...input,
    // An unreadable date sorts after the readable ones, apart from the unknown ones (not provided, not loaded).
    sortBy: (date) => (date === UNREADABLE_DATE ? Number.NaN : dateValue(date)),
    text: (date, t) => (date === UNREADABLE_DATE ? t('common:unreadableDate') : formatSpreadsheetDateTime(date)),
    View: DateView,
  })
}

function DateView({ value: iso }: { value: string | UnreadableDate }) {
  const format = useFormat()
  const t = useFixedT()
  if (iso === UNREADABLE_DATE) return <span className="muted">{t('unreadableDate')}</span>
  return (
    <time dateTime={iso} title={format.dateTime(iso)}>
      {format.date(iso)}
    </time>
  )
}

/** Names with a filter on several of them at once (`param` in the URL): sorted by count, joined by "; " in the CSV (as
 *  its language writes a semicolon). */
export function namesColumn<const Id extends 'tags' | 'teams'>({
  param,
  ...input
}: KindInput<Id, readonly string[]> & { param: string }) {
  function NamesView({ value: names }: { value: readonly string[] }) {
    const t = useFixedT('segments')
    if (names.length === 0) return <span className="muted">{t(`table.${input.id}.none`)}</span>
    return (
      <ul className="chips" aria-label={t(`table.${input.id}.label`)}>
        {names.map((name) => (
          <li key={name} className="chip">
            {name}
          </li>
        ))}
      </ul>
    )
  }
  return knownColumn({
    ...input,
    sortBy: (names) => names.length,
    text: (names, t) => names.join(t('common:listJoin')),
    View: NamesView,
    facet: { param, values: input.value },
  })
}

/** A yes or no in two words, the same in the table and the CSV; no sorts first. */
export function onOffColumn<const Id extends string>({
  words: [yes, no],
  noWarns = false,
  ...input
}: KindInput<Id, boolean> & {
  words: readonly ['on', 'off'] | readonly ['present', 'missing']
  /** A no is a problem to fix, not just a state. */
  noWarns?: boolean
}) {
  function OnOffView({ value }: { value: boolean }) {
    const t = useFixedT('segments')
    const tone = value ? 'state-on' : noWarns ? 'state-warning' : 'state-off'
    return <span className={tone}>{t(`table.${value ? yes : no}`)}</span>
  }
  return knownColumn({
    ...input,
    sortBy: (value) => (value ? 1 : 0),
    text: (value, t) => t(`table.${value ? yes : no}`),
    View: OnOffView,
  })
}
