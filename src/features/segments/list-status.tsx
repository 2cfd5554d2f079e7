// The live count of the view, in total and per provider, announced to screen readers as it changes.
import { formatNumber } from '../../lib/format'
import { providerLabel, type ProviderId } from '../../providers/provider-error'

interface ListStatusProps {
  shown: number
  total: number
  perProvider: Record<ProviderId, number>
}

const plural = (count: number) => `${formatNumber(count)} ${count === 1 ? 'segment' : 'segments'}`

export function ListStatus({ shown, total, perProvider }: ListStatusProps) {
  const breakdown = (Object.keys(perProvider) as ProviderId[]).map((provider) => `${providerLabel[provider]}: ${formatNumber(perProvider[provider])}`)
  return (
    <p role="status" className="list-status">
      <strong>{plural(shown)}</strong>
      {shown !== total ? <span className="muted"> of {formatNumber(total)}</span> : null}
      <span className="muted"> · {breakdown.join(' · ')}</span>
    </p>
  )
}
