// The table's columns, at module scope as TanStack Table requires; cells are small components that read the language.
import { columnVisibilityFeature, rowSortingFeature, tableFeatures, type ColumnDef } from '@tanstack/react-table'
import { useTranslation } from 'react-i18next'
import { Badge } from '../../components/badge'
import { CopyButton } from '../../components/copy-button'
import { NotLoaded, NotProvided } from '../../components/not-provided'
import { useFormat } from '../../components/use-format'
import { providerLabel, type ProviderId } from '../../providers/provider-error'
import { NOT_PROVIDED } from '../../providers/segment'
import type { Verdict } from '../../stores/verdict-store'
import type { Known, SegmentRow } from './segment-rows'
import { SegmentLink } from './segment-link'

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

/** Headers are drawn by SortableHeader with the translated column name (see segments-table.tsx). */
export const segmentColumns: SegmentColumn[] = [
  {
    id: 'provider',
    accessorFn: (row) => row.provider,
    cell: ({ row }) => <Badge tone={row.original.provider}>{providerLabel[row.original.provider]}</Badge>,
  },
  { id: 'name', accessorFn: (row) => row.name, cell: ({ row }) => <SegmentLink row={row.original} /> },
  { id: 'id', accessorFn: (row) => row.id, cell: ({ row }) => <IdCell row={row.original} /> },
  { id: 'tags', accessorFn: (row) => row.tags, cell: ({ row }) => <Tags tags={row.original.tags} provider={row.original.provider} /> },
  { id: 'tracking', accessorFn: (row) => row.analyticsTracking, cell: ({ row }) => <Tracking row={row.original} /> },
  { id: 'created', accessorFn: (row) => row.createdAt, cell: ({ row }) => <KnownDate value={row.original.createdAt} provider={row.original.provider} /> },
  { id: 'updated', accessorFn: (row) => row.updatedAt, cell: ({ row }) => <KnownDate value={row.original.updatedAt} provider={row.original.provider} /> },
  { id: 'description', accessorFn: (row) => row.hasDescription, cell: ({ row }) => <DescriptionPresence row={row.original} /> },
  { id: 'verdict', accessorFn: (row) => row.verdict, cell: ({ row }) => <VerdictCell verdict={row.original.verdict} /> },
]
