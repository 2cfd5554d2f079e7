// Each provider's loading progress, or the wait Braze asked for (its failures: provider-errors.tsx).
import { useTranslation } from 'react-i18next'
import { providerLabel } from '../../providers/provider-id'
import type { ProviderListState } from '../../providers/segment-lists'

export function ProviderProgress({ providers }: { providers: readonly ProviderListState[] }) {
  const { t } = useTranslation('segments')
  const loading = providers.filter((provider) => provider.loading)
  if (loading.length === 0) return null
  return (
    <div className="progress-line" aria-live="off">
      {loading.map((provider) => {
        const name = providerLabel[provider.provider]
        // A wait Braze asked for is not a failure: said as a status, with the rows kept and the time
        // loading resumes, with its seconds (the string's format): a wait lasts a minute at most,
        // and the minute alone would not say when.
        const { waitingUntil } = provider
        return (
          <span
            key={provider.provider}
            role={waitingUntil === undefined ? undefined : 'status'}
            className={`progress-item progress-${provider.provider}`}
          >
            <span className="spinner" aria-hidden="true" />
            {waitingUntil !== undefined
              ? t('progress.waiting', { provider: name, time: new Date(waitingUntil), count: provider.count })
              : provider.pending
                ? t('progress.loading', { provider: name })
                : t('progress.loaded', { provider: name, count: provider.count })}
          </span>
        )
      })}
    </div>
  )
}
