// A failing provider's alert with Retry, the other's rows staying; its code (and the advice) loads only when one fails.
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { RetryAlert } from '../../components/alert'
import { adviceForError } from '../../providers/error-advice'
import { providerLabel } from '../../providers/provider-id'
import { useAskAgainWhenServerBack } from '../../stores/server-back'
import type { ProviderListState } from '../../providers/segment-lists'

export function ProviderErrors({ providers }: { providers: readonly ProviderListState[] }) {
  return providers
    .filter((provider) => provider.error && !provider.loading)
    .map((provider) => <ProviderError key={provider.provider} provider={provider} />)
}

function ProviderError({ provider }: { provider: ProviderListState }) {
  const { t } = useTranslation()
  const { t: tList } = useTranslation('segments')
  useAskAgainWhenServerBack(provider.error, provider.refetch)
  // The alert goes as its Retry starts (shown again if the list fails again), its button with it, and the keyboard
  // would fall to the page's top: it waits in the page's content instead, where the skip link leaves it (the page not
  // scrolled), unless it has moved since. The list page's own code is left as it is: its JavaScript has no room.
  const pressed = useRef(false)
  useEffect(
    () => () => {
      if (pressed.current && (document.activeElement === null || document.activeElement === document.body))
        document.getElementById('main')?.focus({ preventScroll: true })
    },
    [],
  )
  return (
    <RetryAlert
      {...adviceForError(provider.error, provider.provider, t)}
      onRetry={() => {
        pressed.current = true
        provider.refetch()
      }}
      retryLabel={tList('progress.retry', { provider: providerLabel[provider.provider] })}
    >
      {provider.count > 0 ? ` ${tList('progress.kept', { count: provider.count })}` : null}
    </RetryAlert>
  )
}
