// The live count of the view, in total and per provider, announced to screen readers as it changes.
import { useTranslation } from 'react-i18next'
import { providerLabel, type ProviderId } from '../../providers/provider-id'

interface ListStatusProps {
  /** No row yet while the lists load: said as such, not as "0 segments". */
  loading: boolean
  shown: number
  total: number
  perProvider: Record<ProviderId, number>
  /** The providers counted: not one the server has no variables for, as if it had answered with no segment. */
  counted: readonly ProviderId[]
}

export function ListStatus({ loading, shown, total, perProvider, counted }: ListStatusProps) {
  const { t } = useTranslation('segments')
  if (loading)
    return (
      <p role="status" className="list-status">
        {t('status.loading')}
      </p>
    )
  const breakdown = counted.map((provider) =>
    t('status.provider', { provider: providerLabel[provider], count: perProvider[provider] }),
  )
  return (
    <p role="status" className="list-status">
      <strong>{t('status.segments', { count: shown })}</strong>
      {shown !== total ? <span className="muted"> {t('status.ofTotal', { total })}</span> : null}
      {breakdown.length > 0 ? <span className="muted"> · {breakdown.join(' · ')}</span> : null}
    </p>
  )
}
