// A failing provider's alert with Retry, the other's rows staying; its code (and the advice) loads only when one fails.
import { useTranslation } from 'react-i18next'
import { RetryAlert } from '../../components/alert'
import { adviceForError } from '../../providers/error-advice'
import { providerLabel } from '../../providers/provider-id'
import type { ProviderListState } from '../../providers/segment-lists'

export function ProviderErrors({ providers }: { providers: readonly ProviderListState[] }) {
  const { t } = useTranslation()
  const { t: tList } = useTranslation('segments')
  return providers
    .filter((provider) => provider.error && !provider.loading)
    .map((provider) => (
      <RetryAlert
        key={provider.provider}
        {...adviceForError(provider.error, provider.provider, t)}
        onRetry={provider.refetch}
        retryLabel={tList('progress.retry', { provider: providerLabel[provider.provider] })}
      >
        {provider.count > 0 ? ` ${tList('progress.kept', { count: provider.count })}` : null}
      </RetryAlert>
    ))
}
