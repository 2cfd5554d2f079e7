// A provider card's facts, first its "Last calls": working since its last good answer, or failing with the list's
// advice and a check.
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { RetryAlert } from '../../components/alert'
import { useFormat } from '../../components/use-format'
import { adviceForError } from '../../providers/error-advice'
import { ProviderError } from '../../providers/provider-error'
import { useProviderHealth } from '../../providers/provider-health'
import { providerLabel, type ProviderId } from '../../providers/provider-id'

type Health = ReturnType<typeof useProviderHealth>

/** A configured provider's facts (`children`, `<dt>`/`<dd>` pairs) after its last calls, and its failure's alert. */
export function ProviderFacts({ provider, children }: { provider: ProviderId; children: ReactNode }) {
  const health = useProviderHealth(provider)
  return (
    <>
      <dl className="facts">
        <HealthFact health={health.health} />
        {children}
      </dl>
      <ProviderFailure provider={provider} health={health} />
    </>
  )
}

function HealthFact({ health }: { health: Health['health'] }) {
  const { t } = useTranslation('connections')
  const format = useFormat()
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
function ProviderFailure({ provider, health: { health, check } }: { provider: ProviderId; health: Health }) {
  const { t } = useTranslation()
  const { t: tConnections } = useTranslation('connections')
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
