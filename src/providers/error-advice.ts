// Plain-words titles and advice for a provider failure, naming the provider and what to check.
import { ProviderError, providerLabel, type ProviderId } from './provider-error'

const CREDENTIALS: Record<ProviderId, string> = {
  braze: 'BRAZE_API_KEY and BRAZE_REST_ENDPOINT',
  'commanders-act': 'COMMANDERS_ACT_TOKEN and COMMANDERS_ACT_SITE_ID',
}

const PERMISSIONS: Record<ProviderId, string> = {
  braze: 'the key needs the segments.list, segments.details and segments.data_series permissions, and the account must be active',
  'commanders-act': 'check that the token is allowed to read this site’s segments',
}

export interface ErrorAdvice {
  title: string
  advice: string
}

export function adviceForError(error: unknown, fallbackProvider: ProviderId): ErrorAdvice {
  if (!(error instanceof ProviderError)) {
    return { title: `${providerLabel[fallbackProvider]} failed`, advice: error instanceof Error ? error.message : String(error) }
  }
  const name = providerLabel[error.provider]
  switch (error.reason) {
    case 'not_configured': {
      const problems = [...(error.missing ?? []).map((v) => `set ${v}`), ...(error.invalid ?? []).map((v) => `fix ${v}`)]
      return {
        title: `${name} is not configured`,
        advice: `On the server, ${problems.join(' and ') || 'set its variables'} (in .env.local or the environment), then restart.`,
      }
    }
    case 'unauthorized':
      return { title: `${name} rejected the credentials`, advice: `Check ${CREDENTIALS[error.provider]}.` }
    case 'forbidden':
      return { title: `${name} denied access`, advice: `${capitalise(PERMISSIONS[error.provider])}.` }
    case 'rate_limited':
      return { title: `${name} is rate limiting requests`, advice: 'Wait a moment, then retry.' }
    case 'timeout':
      return { title: `${name} did not answer in time`, advice: 'The provider may be slow or down; retry in a moment.' }
    case 'network':
      return { title: `${name} could not be reached`, advice: 'Check the server’s network access and the endpoint variable.' }
    case 'server':
      return { title: `${name} had a server error`, advice: 'It was retried several times; retry later.' }
    case 'invalid_response':
      return {
        title: `${name} sent an answer this dashboard does not understand`,
        advice: error.field ? `Unexpected value in field “${error.field}”.` : 'The answer did not have the documented shape.',
      }
    case 'not_found':
    case 'bad_request':
      return { title: `${name} refused the request`, advice: error.providerMessage ?? error.message }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
