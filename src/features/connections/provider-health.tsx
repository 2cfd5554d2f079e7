// A provider card's facts, first its "Last calls": working since its last good answer, failing with the advice for each
// kind of call that failed last (the last details scan's stop and the permissions refused included, kept across a
// reload) and a check, or waiting until when Braze asked the list to wait.
import { useRef, useState, type ReactNode, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { RetryAlert } from '../../components/alert'
import { useFormat } from '../../components/use-format'
import { adviceForError, type ErrorAdvice } from '../../providers/error-advice'
import { ProviderError, type ProviderErrorReason } from '../../providers/provider-error'
import { useProviderHealth, type KeptFailure } from '../../providers/provider-health'
import { providerLabel, type ProviderId } from '../../providers/provider-id'
import { localLastScanStore, problemOf } from '../../stores/last-scan'

type Health = ReturnType<typeof useProviderHealth>

const NO_PROVIDER_STATUS: ReadonlySet<ProviderErrorReason> = new Set(['network', 'timeout', 'invalid_response'])

/**
 * The provider failure that stopped the last details scan, as this browser kept it: the query cache keeps no failed
 * answer across a reload, and the Audit page still says it.
 */
function keptScanFailure(provider: ProviderId): KeptFailure | undefined {
  const last = localLastScanStore.read()
  const error = last?.status === 'failed' ? problemOf(last) : undefined
  return last && error?.provider === provider ? { at: last.endedAt, error } : undefined
}

/** A configured provider's facts (`children`, `<dt>`/`<dd>` pairs) after its last calls, and its failure's alert. */
export function ProviderFacts({ provider, children }: { provider: ProviderId; children: ReactNode }) {
  const [kept] = useState(() => keptScanFailure(provider))
  const health = useProviderHealth(provider, kept)
  // A check that finds the provider working takes its alert and button away: the keyboard goes on to what its last
  // calls now say, not to the page's top.
  const said = useRef<HTMLElement>(null)
  return (
    <>
      <dl className="facts">
        <HealthFact health={health.health} said={said} />
        {children}
      </dl>
      <ProviderFailures provider={provider} failures={health.failures} focusAfter={() => said.current} />
    </>
  )
}

function HealthFact({ health, said }: { health: Health['health']; said: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation('connections')
  const format = useFormat()
  // A list kept in this browser may be a day old: the date is said when it is not from the day the page opened.
  const [today] = useState(() => new Date().toDateString())
  const when = (at: number) =>
    new Date(at).toDateString() === today ? format.time(at) : format.dateTime(new Date(at).toISOString())
  let text: string
  if (health.state === 'checking') text = t('health.checking')
  // Said as the list page says it: a wait Braze asked for, and until when (a minute at most: the time says its
  // seconds, in the string's format), not a check that never ends.
  else if (health.state === 'waiting') text = t('health.waiting', { time: new Date(health.until) })
  else if (health.state === 'working') text = t('health.working', { time: when(health.at) })
  else {
    // A provider that never answered (or whose answer could not be read) gave no status: the 502 or 504 is the proxy's.
    const status =
      health.error instanceof ProviderError && !NO_PROVIDER_STATUS.has(health.error.reason)
        ? health.error.status
        : undefined
    const time = when(health.at)
    // A call the server held back for the reserve of Braze's budget did not fail: Braze was not even asked.
    if (health.call !== 'list' && health.error instanceof ProviderError && health.error.reason === 'budget_reserve')
      text = t('health.held', { call: t(`health.call.${health.call}`), time })
    // The list's failure is the provider's; another kind of call is named, since the list may work meanwhile.
    else if (health.call === 'list')
      text = status === undefined ? t('health.failing', { time }) : t('health.failingStatus', { status, time })
    else {
      const call = t(`health.call.${health.call}`)
      text =
        status === undefined
          ? t('health.failingCall', { call, time })
          : t('health.failingCallStatus', { call, status, time })
    }
  }
  return (
    <>
      <dt>{t('health.term')}</dt>
      <dd ref={said} tabIndex={-1}>
        {text}
      </dd>
    </>
  )
}

/**
 * Each kind of call that failed last, with the advice the rest of the app gives for its failure, and a one-call check
 * of that kind instead of listing everything again. Kinds that failed alike share one alert, which checks them all.
 */
function ProviderFailures({
  provider,
  failures,
  focusAfter,
}: {
  provider: ProviderId
  failures: Health['failures']
  focusAfter: () => HTMLElement | null
}) {
  const { t } = useTranslation()
  const { t: tConnections } = useTranslation('connections')
  const alike = new Map<string, { advice: ErrorAdvice; failures: Health['failures'] }>()
  for (const failure of failures) {
    const advice = adviceForError(failure.error, provider, t)
    const said = `${advice.title}\n${advice.advice}`
    const group = alike.get(said) ?? { advice, failures: [] }
    group.failures.push(failure)
    alike.set(said, group)
  }
  return [...alike.entries()].map(([said, { advice, failures: group }]) => (
    <RetryAlert
      key={said}
      {...advice}
      onRetry={() => group.forEach((failure) => failure.check())}
      focusAfter={focusAfter}
      retryLabel={
        group.some((failure) => failure.checking)
          ? tConnections('health.checkingAgain')
          : tConnections('health.checkAgain', { provider: providerLabel[provider] })
      }
    />
  ))
}
