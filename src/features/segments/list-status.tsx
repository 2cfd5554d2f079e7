// The live count of the view, in total and per provider, announced to screen readers as it changes.
import { useTranslation } from 'react-i18next'
import { providerLabel, type ProviderId } from '../../providers/provider-id'
import type { SegmentRow } from './segment-rows'
import { countByProvider } from './segment-view'

interface ListStatusProps {
  /** No row yet while the lists load: said as such, not as "0 segments". */
  loading: boolean
  view: readonly SegmentRow[]
  total: number
  /** The providers counted: not one the server has no variables for, as if it had answered with no segment. */
  counted: readonly ProviderId[]
}

export function ListStatus({ loading, view, total, counted }: ListStatusProps) {
  const { t } = useTranslation('segments')
  const perProvider = countByProvider(view)
  const breakdown = counted.map((provider) =>
    t('status.provider', { provider: providerLabel[provider], count: perProvider[provider] }),
  )
  return (
    <p role="status" className="list-status">
      {loading ? (
        t('status.loading')
      ) : (
        <>
          <strong>{t('status.segments', { count: view.length })}</strong>
          {view.length !== total ? <span className="muted"> {t('status.ofTotal', { total })}</span> : null}
          {breakdown.length > 0 ? <span className="muted"> · {breakdown.join(' · ')}</span> : null}
        </>
      )}
    </p>
  )
}
