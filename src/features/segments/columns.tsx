// The table's columns, at module scope as TanStack Table requires, and what their cells show: small components that
// read the language.
import { columnVisibilityFeature, rowSortingFeature, tableFeatures, type ColumnDef } from '@tanstack/react-table'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Badge } from '../../components/badge'
import { CopyButton } from '../../components/copy-button'
import { NotLoaded, NotProvided } from '../../components/not-provided'
import { useFormat } from '../../components/use-format'
import { providerLabel, type ProviderId } from '../../providers/provider-error'
import { NOT_PROVIDED } from '../../providers/segment'
import type { Verdict } from '../../stores/verdict-store'
import type { SortColumn } from './list-state'
import type { Known, SegmentRow } from './segment-rows'
import { SegmentLink } from './segment-link'
import { MalformedMark } from '../../components/malformed-mark'

export const segmentTableFeatures = tableFeatures({ rowSortingFeature, columnVisibilityFeature })

type SegmentColumn = ColumnDef<typeof segmentTableFeatures, SegmentRow>

function DetailsNotLoaded() {
  const { t } = useTranslation('segments')
  return <NotLoaded hint={t('table.detailsHint')} />
}

function KnownDate({ value, provider }: { value: Known<string>; provider: ProviderId }) {
  const format = useFormat()
  if (value === NOT_PROVIDED) return <NotProvided by={providerLabel[provider]} />
  if (value === undefined) return <DetailsNotLoaded />
  return (
    <time dateTime={value} title={format.dateTime(value)}>
      {format.date(value)}
    </time>
  )
}

function Tags({ tags, provider }: { tags: SegmentRow['tags']; provider: ProviderId }) {
  const { t } = useTranslation('segments')
  if (tags === NOT_PROVIDED) return <NotProvided by={providerLabel[provider]} />
  if (tags.length === 0) return <span className="muted">{t('table.noTags')}</span>
  return (
    <ul className="chips" aria-label={t('table.tags')}>
      {tags.map((tag) => (
        <li key={tag} className="chip">{tag}</li>
      ))}
    </ul>
  )
}

function IdCell({ row }: { row: SegmentRow }) {
  const { t } = useTranslation('segments')
  return (
    <span className="id-cell">
      <code title={row.id}>{row.id}</code>
      <CopyButton value={row.id} label={t('table.copyId', { name: row.name })} />
    </span>
  )
}

function Tracking({ row }: { row: SegmentRow }) {
  const { t } = useTranslation('segments')
  if (row.analyticsTracking === NOT_PROVIDED) return <NotProvided by={providerLabel[row.provider]} />
  return row.analyticsTracking ? <span className="state-on">{t('table.on')}</span> : <span className="state-off">{t('table.off')}</span>
}

function DescriptionPresence({ row }: { row: SegmentRow }) {
  const { t } = useTranslation('segments')
  if (row.hasDescription === NOT_PROVIDED) return <NotProvided by={providerLabel[row.provider]} />
  if (row.hasDescription === undefined) return <DetailsNotLoaded />
  return row.hasDescription ? <span className="state-on">{t('table.present')}</span> : <span className="state-warning">{t('table.missing')}</span>
}

function VerdictCell({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation()
  const label = t(`verdict.${verdict}`)
  return verdict === 'unreviewed' ? <span className="muted">{label}</span> : <span className={`verdict-badge-${verdict}`}>{label}</span>
}

/** What a cell of each column shows for a row. */
const CELLS: Record<SortColumn, (row: SegmentRow) => ReactNode> = {
  provider: (row) => <Badge tone={row.provider}>{providerLabel[row.provider]}</Badge>,
  name: (row) => (
    <>
      <SegmentLink row={row} />
      <MalformedMark fields={row.malformed} />
    </>
  ),
  id: (row) => <IdCell row={row} />,
  tags: (row) => <Tags tags={row.tags} provider={row.provider} />,
  tracking: (row) => <Tracking row={row} />,
  created: (row) => <KnownDate value={row.createdAt} provider={row.provider} />,
  updated: (row) => <KnownDate value={row.updatedAt} provider={row.provider} />,
  description: (row) => <DescriptionPresence row={row} />,
  verdict: (row) => <VerdictCell verdict={row.verdict} />,
}

export function SegmentCell({ column, row }: { column: SortColumn; row: SegmentRow }) {
  return CELLS[column](row)
}

/**
 * The columns for TanStack Table: their order, visibility and sorting. Headers are drawn by SortableHeader with the
 * translated column name, and body cells by SegmentCell (see segments-table.tsx).
 */
export const segmentColumns: SegmentColumn[] = [
  { id: 'provider', accessorFn: (row) => row.provider },
  { id: 'name', accessorFn: (row) => row.name },
  { id: 'id', accessorFn: (row) => row.id },
  { id: 'tags', accessorFn: (row) => row.tags },
  { id: 'tracking', accessorFn: (row) => row.analyticsTracking },
  { id: 'created', accessorFn: (row) => row.createdAt },
  { id: 'updated', accessorFn: (row) => row.updatedAt },
  { id: 'description', accessorFn: (row) => row.hasDescription },
  { id: 'verdict', accessorFn: (row) => row.verdict },
]
