// The parts the table's cells are drawn with: values a provider may not supply or the app may not have loaded yet,
// lists of names, ids, dates and verdicts. Which column uses which is in the registry (columns.tsx).
import type { ReactNode } from 'react'
import { CopyButton } from '../../components/copy-button'
import { NotLoaded, NotProvided } from '../../components/not-provided'
import { useFixedT } from '../../components/use-fixed-t'
import { useFormat } from '../../components/use-format'
import { providerLabel, type ProviderId } from '../../providers/provider-id'
import { NOT_PROVIDED } from '../../providers/segment'
import type { Known, SegmentRow } from './segment-rows'

function DetailsNotLoaded() {
  const t = useFixedT('segments')
  return <NotLoaded hint={t('table.detailsHint')} />
}

/** A value from Braze details as a cell: the value, "not loaded" yet, or "not provided" by the segment's provider. */
export function KnownCell<T>({
  value,
  provider,
  children,
}: {
  value: Known<T>
  provider: ProviderId
  children: (value: T) => ReactNode
}) {
  if (value === NOT_PROVIDED) return <NotProvided by={providerLabel[provider]} />
  if (value === undefined) return <DetailsNotLoaded />
  return children(value)
}

export function KnownDate({ value, provider }: { value: Known<string>; provider: ProviderId }) {
  const format = useFormat()
  return (
    <KnownCell value={value} provider={provider}>
      {(iso) => (
        <time dateTime={iso} title={format.dateTime(iso)}>
          {format.date(iso)}
        </time>
      )}
    </KnownCell>
  )
}

export function Names({
  values,
  provider,
  kind,
}: {
  values: Known<readonly string[]>
  provider: ProviderId
  kind: 'tags' | 'teams'
}) {
  const t = useFixedT('segments')
  return (
    <KnownCell value={values} provider={provider}>
      {(names) =>
        names.length === 0 ? (
          <span className="muted">{t(`table.${kind}.none`)}</span>
        ) : (
          <ul className="chips" aria-label={t(`table.${kind}.label`)}>
            {names.map((name) => (
              <li key={name} className="chip">
                {name}
              </li>
            ))}
          </ul>
        )
      }
    </KnownCell>
  )
}

export function IdCell({ row }: { row: SegmentRow }) {
  const t = useFixedT('segments')
  return (
    <span className="id-cell">
      <code title={row.id}>{row.id}</code>
      <CopyButton value={row.id} label={t('table.copyId', { name: row.name })} />
    </span>
  )
}

export function TrackingCell({ row }: { row: SegmentRow }) {
  const t = useFixedT('segments')
  if (row.analyticsTracking === NOT_PROVIDED) return <NotProvided by={providerLabel[row.provider]} />
  return row.analyticsTracking ? (
    <span className="state-on">{t('table.on')}</span>
  ) : (
    <span className="state-off">{t('table.off')}</span>
  )
}

export function VerdictCell({ row }: { row: SegmentRow }) {
  const t = useFixedT()
  const label = t(`verdict.${row.verdict}`)
  return row.verdict === 'unreviewed' ? (
    <span className="muted">{label}</span>
  ) : (
    <span className={`verdict-badge-${row.verdict}`}>{label}</span>
  )
}
