// The table's columns, at module scope as TanStack Table requires; cells render provider text as text only.
import { columnVisibilityFeature, rowSortingFeature, tableFeatures, type ColumnDef } from '@tanstack/react-table'
import { Badge } from '../../components/badge'
import { CopyButton } from '../../components/copy-button'
import { NotLoaded, NotProvided } from '../../components/not-provided'
import { formatDate } from '../../lib/format'
import { providerLabel, type ProviderId } from '../../providers/provider-error'
import { NOT_PROVIDED } from '../../providers/segment'
import { VERDICT_LABELS } from '../../stores/verdict-labels'
import { COLUMN_LABELS } from './column-labels'
import type { Known, SegmentRow } from './segment-rows'
import { SegmentLink } from './segment-link'

export const segmentTableFeatures = tableFeatures({ rowSortingFeature, columnVisibilityFeature })

type SegmentColumn = ColumnDef<typeof segmentTableFeatures, SegmentRow>

const DETAILS_HINT = 'Known once the segment’s details are loaded: open the segment, or run the details scan.'

function KnownDate({ value, provider }: { value: Known<string>; provider: ProviderId }) {
  if (value === NOT_PROVIDED) return <NotProvided by={providerLabel[provider]} />
  if (value === undefined) return <NotLoaded hint={DETAILS_HINT} />
  return <time dateTime={value} title={value}>{formatDate(value)}</time>
}

function Tags({ tags, provider }: { tags: SegmentRow['tags']; provider: ProviderId }) {
  if (tags === NOT_PROVIDED) return <NotProvided by={providerLabel[provider]} />
  if (tags.length === 0) return <span className="muted">No tags</span>
  return (
    <ul className="chips" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} className="chip">{tag}</li>
      ))}
    </ul>
  )
}

export const segmentColumns: SegmentColumn[] = [
  {
    id: 'provider',
    header: COLUMN_LABELS.provider,
    accessorFn: (row) => row.provider,
    cell: ({ row }) => <Badge tone={row.original.provider}>{providerLabel[row.original.provider]}</Badge>,
  },
  {
    id: 'name',
    header: COLUMN_LABELS.name,
    accessorFn: (row) => row.name,
    cell: ({ row }) => <SegmentLink row={row.original} />,
  },
  {
    id: 'id',
    header: COLUMN_LABELS.id,
    accessorFn: (row) => row.id,
    cell: ({ row }) => (
      <span className="id-cell">
        <code title={row.original.id}>{row.original.id}</code>
        <CopyButton value={row.original.id} label={`Copy ID of ${row.original.name}`} />
      </span>
    ),
  },
  { id: 'tags', header: COLUMN_LABELS.tags, accessorFn: (row) => row.tags, cell: ({ row }) => <Tags tags={row.original.tags} provider={row.original.provider} /> },
  {
    id: 'tracking',
    header: COLUMN_LABELS.tracking,
    accessorFn: (row) => row.analyticsTracking,
    cell: ({ row }) => {
      const tracking = row.original.analyticsTracking
      if (tracking === NOT_PROVIDED) return <NotProvided by={providerLabel[row.original.provider]} />
      return tracking ? <span className="state-on">On</span> : <span className="state-off">Off</span>
    },
  },
  { id: 'created', header: COLUMN_LABELS.created, accessorFn: (row) => row.createdAt, cell: ({ row }) => <KnownDate value={row.original.createdAt} provider={row.original.provider} /> },
  { id: 'updated', header: COLUMN_LABELS.updated, accessorFn: (row) => row.updatedAt, cell: ({ row }) => <KnownDate value={row.original.updatedAt} provider={row.original.provider} /> },
  {
    id: 'description',
    header: COLUMN_LABELS.description,
    accessorFn: (row) => row.hasDescription,
    cell: ({ row }) => {
      const present = row.original.hasDescription
      if (present === NOT_PROVIDED) return <NotProvided by={providerLabel[row.original.provider]} />
      if (present === undefined) return <NotLoaded hint={DETAILS_HINT} />
      return present ? <span className="state-on">Present</span> : <span className="state-warning">Missing</span>
    },
  },
  {
    id: 'verdict',
    header: COLUMN_LABELS.verdict,
    accessorFn: (row) => row.verdict,
    cell: ({ row }) =>
      row.original.verdict === 'unreviewed' ? (
        <span className="muted">{VERDICT_LABELS.unreviewed}</span>
      ) : (
        <span className={`verdict-badge-${row.original.verdict}`}>{VERDICT_LABELS[row.original.verdict]}</span>
      ),
  },
]
