// A provider card's "Last calls": working since its last good answer, or failing with the list's advice and a check.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RetryAlert } from '../../components/alert'
import { useFormat } from '../../components/use-format'
import { adviceForError } from '../../providers/error-advice'
import { ProviderError } from '../../providers/provider-error'
import { useProviderHealth } from '../../providers/provider-health'
import { providerLabel, type ProviderId } from '../../providers/provider-id'

/** The `<dt>`/`<dd>` pair for a card's facts; the failure's alert, if any, goes after the list (`ProviderFailure`). */
export function ProviderHealthFact({ provider }: { provider: ProviderId }) {
  const { t } = useTranslation('connections')
  const format = useFormat()
  const { health } = useProviderHealth(provider)
  // A list kept in this browser may be a day old: the date is said when it is not from the day the page opened.
  const [today] = useState(() => new Date().toDateString())
  const when = (at: number) =>
    new Date(at).toDateString() === today ? format.time(at) : format.dateTime(new Date(at).toISOString())
  let text: string
  if (health.state === 'checking') text = t('health.checking')
  else if (health.state === 'working') text = t('health.working', { time: when(health.at) })
  else {
    const status = health.error instanceof ProviderError ? health.error.status : undefined
    text =
      status === undefined
        ? t('health.failing', { time: when(health.at) })
        : t('health.failingStatus', { status, time: when(health.at) })
  }
  return (
    <>
      <dt>{t('health.term')}</dt>
      <dd>{text}</dd>
    </>
  )
}

/** What a failing provider's list alert says, here with a one-call check instead of listing everything again. */
export function ProviderFailure({ provider }: { provider: ProviderId }) {
  const { t } = useTranslation()
  const { t: tConnections } = useTranslation('connections')
  const { health, check } = useProviderHealth(provider)
  if (health.state !== 'failing') return null
  return (
    <RetryAlert
      {...adviceForError(health.error, provider, t)}
      onRetry={check}
      retryLabel={
        health.checking
          ? tConnections('health.checkingAgain')
          : tConnections('health.checkAgain', { provider: providerLabel[provider] })
      }
    />
  )
}
