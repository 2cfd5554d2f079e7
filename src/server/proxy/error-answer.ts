// The proxy's own error JSON for a failed provider call: a reason the browser can act on, never the provider's body.
import type { ProviderId } from '../../providers/provider-id.ts'
import type { Permission } from './allowlist.ts'
import { waitFromHeaders, type RateHeaders } from './rate-budget.ts'

export type ErrorReason =
  | 'rate_limited'
  | 'budget_reserve'
  | 'unauthorized'
  | 'permission_denied'
  | 'forbidden'
  | 'wrong_endpoint'
  | 'bad_request'
  | 'upstream_error'
  | 'upstream_invalid'
  | 'upstream_too_large'
  | 'upstream_unreachable'
  | 'upstream_timeout'

export interface ErrorBody {
  error: ErrorReason
  provider: ProviderId
  /** The provider's own status, when it answered. */
  status?: number
  message?: string
  permission?: Permission
  retryAfterSeconds?: number
  resumeAt?: string
}

/** What the browser is answered: the HTTP status and the JSON body. */
export interface ErrorAnswer {
  httpStatus: number
  body: ErrorBody
}

export interface CallContext {
  provider: ProviderId
  /** The key permission the route needs (Braze only). */
  permission?: Permission
  /** Credential values that must never reach the browser, even when a provider echoes them. */
  secrets: readonly string[]
}

const MAX_MESSAGE_LENGTH = 200
const REDACTED = '[redacted]'

function redact(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets) if (secret !== '') result = result.split(secret).join(REDACTED)
  return result
}

/** The provider's `message`, only when it is a short string, with every credential value replaced. */
export function providerMessage(parsed: unknown, secrets: readonly string[]): string | undefined {
  if (typeof parsed !== 'object' || parsed === null || !('message' in parsed)) return undefined
  const { message } = parsed
  if (typeof message !== 'string' || message.length > MAX_MESSAGE_LENGTH) return undefined
  return redact(message, secrets)
}

/** Braze says "Access Denied" when the key lacks the endpoint's permission; any other 403 is the plan or account. */
const PERMISSION_MESSAGE = /access denied|permission/i

function reasonFor(status: number, context: CallContext, message: string | undefined): ErrorReason {
  if (status === 429) return 'rate_limited'
  if (status === 401) return 'unauthorized'
  if (status === 403) {
    return context.permission && message !== undefined && PERMISSION_MESSAGE.test(message)
      ? 'permission_denied'
      : 'forbidden'
  }
  // The proxy only calls fixed paths, so a 404 means the configured base URL is wrong; never "segment not found".
  if (status === 404) return 'wrong_endpoint'
  if (status === 400) return 'bad_request'
  return 'upstream_error'
}

/** A provider's non-2xx answer (body parsed when it was JSON, else undefined). */
export function providerErrorAnswer(
  context: CallContext,
  status: number,
  parsed: unknown,
  rate: RateHeaders,
  nowMs: number,
): ErrorAnswer {
  const message = providerMessage(parsed, context.secrets)
  const error = reasonFor(status, context, message)
  const wait = error === 'rate_limited' ? waitFromHeaders(rate, nowMs) : null
  return {
    httpStatus: status >= 400 && status <= 599 ? status : 502,
    body: {
      error,
      provider: context.provider,
      status,
      ...(message === undefined ? {} : { message }),
      ...(error === 'permission_denied' ? { permission: context.permission } : {}),
      ...(wait ?? {}),
    },
  }
}

const FAILURE_STATUS = {
  upstream_error: 502,
  upstream_invalid: 502,
  upstream_too_large: 502,
  upstream_unreachable: 502,
  upstream_timeout: 504,
} as const

/** The proxy's own failure to get a usable answer; `status` and `message` when the provider did answer. */
export function proxyFailure(
  context: CallContext,
  error: keyof typeof FAILURE_STATUS,
  providerStatus?: number,
  message?: string,
): ErrorAnswer {
  return {
    httpStatus: FAILURE_STATUS[error],
    body: {
      error,
      provider: context.provider,
      ...(providerStatus === undefined ? {} : { status: providerStatus }),
      ...(message === undefined ? {} : { message }),
    },
  }
}
