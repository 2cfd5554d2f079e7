// A failing provider's alert with Retry, the other's rows staying; its code (and the advice) loads only when one fails.
// A provider not configured says what to set, without Retry: its variables are read as the server starts.
import { useTranslation } from 'react-i18next'
import { RetryAlert } from '../../components/alert'
import { adviceForError, isNotConfigured } from '../../providers/error-advice'
import { providerLabel } from '../../providers/provider-id'
import { useAskAgainWhenServerBack } from '../../stores/server-back'
import type { ProviderListState } from '../../providers/segment-lists'

export function ProviderErrors({ failed }: { failed: readonly ProviderListState[] }) {
  return failed.map((provider) => <ProviderError key={provider.provider} provider={provider} />)
}

function ProviderError({ provider }: { provider: ProviderListState }) {
  const { t } = useTranslation()
  const { t: tList } = useTranslation('segments')
  useAskAgainWhenServerBack(provider.error, provider.refetch)
  return (
    <RetryAlert
      {...adviceForError(provider.error, provider.provider, t)}
      onRetry={isNotConfigured(provider.error) ? undefined : provider.refetch}
      // The alert goes as its Retry starts (shown again if the list fails again): the keyboard waits in the page's
      // content, where the skip link leaves it.
      focusAfter={() => document.getElementById('main')}
      retryLabel={tList('progress.retry', { provider: providerLabel[provider.provider] })}
    >
      {provider.count > 0 ? ` ${tList('progress.kept', { count: provider.count })}` : null}
    </RetryAlert>
  )
}
