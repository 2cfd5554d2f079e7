// Plain-words titles and advice for a provider failure, naming the provider and what to check, in the UI language.
import type { TFunction } from 'i18next'
import { ProviderError } from './provider-error'
import { providerLabel, type ProviderId } from './provider-id'

export { isNotConfigured } from './provider-error'

const CREDENTIALS: Record<ProviderId, string> = {
  braze: 'BRAZE_API_KEY, BRAZE_REST_ENDPOINT',
  'commanders-act': 'COMMANDERS_ACT_TOKEN, COMMANDERS_ACT_SITE_ID',
}

/** Where the server reaches each provider: what to check when it cannot. */
const ENDPOINT: Record<ProviderId, string> = {
  braze: 'BRAZE_REST_ENDPOINT',
  'commanders-act': 'COMMANDERS_ACT_API_URL',
}

const FORBIDDEN_ADVICE = {
  braze: 'error.forbidden.adviceBraze',
  'commanders-act': 'error.forbidden.adviceCommandersAct',
} as const satisfies Record<ProviderId, string>

/** "2:05 PM", "14:05": when a wait ends, in the interface language, as the list says when it was loaded. */
const TIME_OF_DAY: Intl.DateTimeFormatOptions = { timeStyle: 'short' }
/** "2:05:30 PM", "14:05:30": a wait ending within the minute, where the minute alone would not say when. */
export const TIME_OF_DAY_SECONDS: Intl.DateTimeFormatOptions = { timeStyle: 'medium' }

/** How to write the time a wait ends: with its seconds when it is less than a minute away. */
export function resumeTimeFormat(resumeAt: number, now: number): Intl.DateTimeFormatOptions {
  return resumeAt - now < 60_000 ? TIME_OF_DAY_SECONDS : TIME_OF_DAY
}

/** No answer at all (no status): not the provider, the app's own server did not answer the page. */
export function isAppUnreachable(error: unknown): boolean {
  return error instanceof ProviderError && error.reason === 'network' && error.status === undefined
}

/** What to set, and what to correct (set, but unusable), as a sentence: "set A and B", "set A and correct B". */
function notConfiguredAdvice({ missing = [], invalid = [] }: ProviderError, t: TFunction): string {
  if (invalid.length === 0)
    return missing.length > 0
      ? t('error.notConfigured.advice', { variables: missing })
      : t('error.notConfigured.adviceUnknown')
  return missing.length > 0
    ? t('error.notConfigured.adviceSetAndFix', { missing, invalid })
    : t('error.notConfigured.adviceFix', { variables: invalid })
}

export interface ErrorAdvice {
  title: string
  advice: string
}

export function adviceForError(
  error: unknown,
  fallbackProvider: ProviderId,
  t: TFunction,
  now: number = Date.now(),
): ErrorAdvice {
  if (!(error instanceof ProviderError)) {
    return {
      title: t('error.failed', { provider: providerLabel[fallbackProvider] }),
      advice: error instanceof Error ? error.message : String(error),
    }
  }
  const provider = providerLabel[error.provider]
  switch (error.reason) {
    case 'not_configured':
      return { title: t('error.notConfigured.title', { provider }), advice: notConfiguredAdvice(error, t) }
    case 'unauthorized':
      return {
        title: t('error.unauthorized.title', { provider }),
        advice: t('error.unauthorized.advice', { variables: CREDENTIALS[error.provider] }),
      }
    case 'forbidden':
      return {
        title: t('error.forbidden.title', { provider }),
        advice: t(FORBIDDEN_ADVICE[error.provider]),
      }
    case 'permission_denied':
      return {
        title: t('error.permissionDenied.title', { provider }),
        advice: error.permission
          ? t('error.permissionDenied.advice', { permission: error.permission })
          : t('error.permissionDenied.adviceUnknown'),
      }
    case 'wrong_endpoint':
      return { title: t('error.wrongEndpoint.title', { provider }), advice: t('error.wrongEndpoint.advice') }
    case 'budget_reserve':
      return {
        title: t('error.budgetReserve.title', { provider }),
        advice:
          error.resumeAt === undefined
            ? t('error.budgetReserve.adviceUnknown', { provider })
            : t('error.budgetReserve.advice', {
                provider,
                time: new Date(error.resumeAt),
                formatParams: { time: resumeTimeFormat(error.resumeAt, now) },
              }),
      }
    case 'rate_limited':
      return { title: t('error.rateLimited.title', { provider }), advice: t('error.rateLimited.advice') }
    case 'timeout':
      return { title: t('error.timeout.title', { provider }), advice: t('error.timeout.advice') }
    case 'network':
      if (isAppUnreachable(error))
        return { title: t('error.appUnreachable.title'), advice: t('error.appUnreachable.advice') }
      return {
        title: t('error.network.title', { provider }),
        advice: t('error.network.advice', { variable: ENDPOINT[error.provider] }),
      }
    case 'server':
      return { title: t('error.server.title', { provider }), advice: t('error.server.advice') }
    case 'invalid_response':
      return {
        title: t('error.invalidResponse.title', { provider }),
        advice: error.field
          ? t('error.invalidResponse.adviceField', { field: error.field })
          : t('error.invalidResponse.advice'),
      }
    case 'not_found':
      return { title: t('error.notFound.title', { provider }), advice: t('error.notFound.advice') }
    case 'bad_request':
      return {
        title: t('error.refused.title', { provider }),
        // The provider's own words (already short and redacted by the proxy), never our HTTP status line.
        advice: error.providerMessage
          ? t('error.refused.adviceSaid', { message: error.providerMessage })
          : t('error.refused.advice'),
      }
  }
}
