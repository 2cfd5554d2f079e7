// Each provider's loading progress and failures: a failing provider gets an alert with Retry; the other's rows stay.
import { useTranslation } from 'react-i18next'
import { RetryAlert } from '../../components/alert'
import { adviceForError } from '../../providers/error-advice'
import { providerLabel } from '../../providers/provider-error'
import { formatNumber } from '../../lib/format'
import type { ProviderListState } from '../../providers/segment-lists'

export function ProviderProgress({ providers }: { providers: readonly ProviderListState[] }) {
  const loading = providers.filter((provider) => provider.loading)
  if (loading.length === 0) return null
  return (
    <div className="progress-line" aria-live="off">
      {loading.map((provider) => (
        <span key={provider.provider} className={`progress-item progress-${provider.provider}`}>
          <span className="spinner" aria-hidden="true" />
          {providerLabel[provider.provider]}: {provider.pending ? 'loading…' : `${formatNumber(provider.count)} loaded…`}
        </span>
      ))}
    </div>
  )
}

export function ProviderErrors({ providers }: { providers: readonly ProviderListState[] }) {
  const { t } = useTranslation()
  return providers
    .filter((provider) => provider.error && !provider.loading)
    .map((provider) => {
      const kept = provider.count > 0 ? ` The ${formatNumber(provider.count)} segments loaded before the failure are shown.` : ''
      return (
        <RetryAlert
          key={provider.provider}
          {...adviceForError(provider.error, provider.provider, t)}
          onRetry={provider.refetch}
          retryLabel={`Retry ${providerLabel[provider.provider]}`}
        >
          {kept}
        </RetryAlert>
      )
    })
}
