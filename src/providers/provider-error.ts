// Typed provider failures, so the UI can say in plain words which provider failed and why.
import type { z } from 'zod/mini'
import { providerLabel, type ProviderId } from './provider-id'

export type ProviderErrorReason =
  | 'not_configured'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'invalid_response'
  | 'bad_request'
  | 'permission_denied'
  | 'wrong_endpoint'
  | 'budget_reserve'

export interface ProviderErrorDetails {
  status?: number
  /** not_configured: the server-side variables to set. */
  missing?: readonly string[]
  /** not_configured: the server-side variables set to an unusable value. */
  invalid?: readonly string[]
  /** invalid_response: dotted path of the first bad field, e.g. "segments.3.name". */
  field?: string
  /** What the provider (or the proxy) said, as text. */
  providerMessage?: string
  /** Our own explanation, e.g. what the bad field should have been. */
  detail?: string
  /** permission_denied: the key permission the call needs, e.g. "segments.details". */
  permission?: string
  /** rate_limited / budget_reserve: seconds the proxy asks to wait. */
  retryAfterSeconds?: number
  /** budget_reserve: when Braze's budget resets and calls may resume (epoch ms). */
  resumeAt?: number
  cause?: unknown
}

const REASON_TEXT: Record<ProviderErrorReason, string> = {
  not_configured: 'is not configured',
  unauthorized: 'refused the credentials (check the API key and that it belongs to this instance)',
  forbidden: 'denied access (check the key permissions and the account status)',
  not_found: 'has no such item',
  rate_limited: 'is rate limiting requests; try again later',
  server: 'had a server error',
  network: 'could not be reached',
  timeout: 'did not answer in time',
  invalid_response: 'sent an unexpected answer',
  bad_request: 'rejected the request',
  permission_denied: 'refused a permission the key lacks',
  wrong_endpoint: 'does not serve this address (check BRAZE_REST_ENDPOINT)',
  budget_reserve: 'has only the reserve kept for production left of its budget',
}

function describe(provider: ProviderId, reason: ProviderErrorReason, details: ProviderErrorDetails): string {
  const parts = [`${providerLabel[provider]} ${REASON_TEXT[reason]}`]
  if (details.status !== undefined) parts[0] += ` (HTTP ${details.status})`
  if (details.missing?.length) parts.push(`set ${details.missing.join(', ')}`)
  if (details.invalid?.length) parts.push(`fix ${details.invalid.join(', ')}`)
  if (details.permission) parts.push(details.permission)
  if (details.field !== undefined) parts.push(`field "${details.field}"`)
  if (details.detail) parts.push(details.detail)
  if (details.providerMessage) parts.push(`"${details.providerMessage}"`)
  return parts.join(': ')
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError'
  declare readonly provider: ProviderId
  declare readonly reason: ProviderErrorReason
  declare readonly status?: number
  declare readonly missing?: readonly string[]
  declare readonly invalid?: readonly string[]
  declare readonly field?: string
  declare readonly providerMessage?: string
  declare readonly permission?: string
  declare readonly retryAfterSeconds?: number
  declare readonly resumeAt?: number

  constructor(provider: ProviderId, reason: ProviderErrorReason, details: ProviderErrorDetails = {}) {
    super(describe(provider, reason, details), details.cause === undefined ? undefined : { cause: details.cause })
    // The details as the error's fields (one copy of the list above, which declares them).
    Object.assign(this, details, { provider, reason })
  }
}

/**
 * A provider the server has no usable variables for: its variables are read as the server starts, so asking again
 * cannot help (no Retry); only setting them and restarting the server does.
 */
export function isNotConfigured(error: unknown): error is ProviderError {
  return error instanceof ProviderError && error.reason === 'not_configured'
}

/**
 * The proxy's error answers, `{"error": REASON, ...}`: every provider failure reaches the browser in this form. Its
 * names for upstream failures are mapped; its other reasons are named as here.
 */
const PROXY_ERROR_REASONS: Record<string, ProviderErrorReason> = {
  upstream_error: 'server',
  upstream_invalid: 'invalid_response',
  upstream_too_large: 'invalid_response',
  upstream_unreachable: 'network',
  upstream_timeout: 'timeout',
  method_not_allowed: 'bad_request',
}

/** Own keys only: an answer saying `"error": "constructor"` names no reason. */
function proxyReasonOf(error: unknown): ProviderErrorReason | undefined {
  if (typeof error !== 'string') return undefined
  if (Object.hasOwn(PROXY_ERROR_REASONS, error)) return PROXY_ERROR_REASONS[error]
  return Object.hasOwn(REASON_TEXT, error) ? (error as ProviderErrorReason) : undefined
}

const PERMISSIONS = new Set(['segments.list', 'segments.details', 'segments.data_series'])

function reasonFromStatus(status: number): ProviderErrorReason {
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 408 || status === 504) return 'timeout'
  if (status === 429) return 'rate_limited'
  if (status >= 500) return 'server'
  return 'bad_request'
}

const MAX_MESSAGE_LENGTH = 300

function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const text = value.trim()
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text
}

function stringsOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  const strings = value.filter((item): item is string => typeof item === 'string')
  return strings.length > 0 ? strings : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The error a non-2xx answer stands for: the proxy's `{error, ...}` object, else the status alone. */
export async function providerErrorFromResponse(provider: ProviderId, response: Response): Promise<ProviderError> {
  let body: unknown
  try {
    body = JSON.parse(await response.text())
  } catch {
    // Not JSON (an HTML error page, say): the status is all there is to go on.
    body = undefined
  }
  return providerErrorFromProxy(provider, response.status, body)
}

function nonNegativeInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined
}

/** One of the proxy's error objects (a whole answer's body, or one page of the multi-page route) as a ProviderError. */
export function providerErrorFromProxy(provider: ProviderId, status: number, body: unknown): ProviderError {
  const record = isRecord(body) ? body : {}
  const proxyReason = proxyReasonOf(record.error)
  const resumeAt = typeof record.resumeAt === 'string' ? Date.parse(record.resumeAt) : Number.NaN
  return new ProviderError(provider, proxyReason ?? reasonFromStatus(status), {
    status: nonNegativeInteger(record.status) ?? status,
    missing: stringsOf(record.missing),
    invalid: stringsOf(record.invalid),
    providerMessage: textOf(record.message),
    permission:
      typeof record.permission === 'string' && PERMISSIONS.has(record.permission) ? record.permission : undefined,
    retryAfterSeconds: nonNegativeInteger(record.retryAfterSeconds),
    resumeAt: Number.isNaN(resumeAt) ? undefined : resumeAt,
  })
}

/**
 * Braze explains a failed call in `message` ("success" explains nothing): the message nearest the bad field, so that
 * a page inside the proxy's multi-page answer is heard too.
 */
function providerSaid(body: unknown, path: readonly PropertyKey[]): string | undefined {
  let said: string | undefined
  let node = body
  for (let depth = 0; isRecord(node) || Array.isArray(node); depth++) {
    if (isRecord(node) && node.message !== 'success' && node.message !== undefined) said = textOf(node.message) ?? said
    const key = path[depth]
    if (key === undefined || typeof key === 'symbol') break
    node = Array.isArray(node) ? (node as unknown[])[Number(key)] : isRecord(node) ? node[String(key)] : undefined
  }
  return said
}

/** A 2xx answer that does not match the schema: names the first bad field, and what the provider said, if anything. */
export function invalidResponseError(provider: ProviderId, error: z.core.$ZodError, body?: unknown): ProviderError {
  const issue = error.issues[0]
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined
  const said = providerSaid(body, issue?.path ?? [])
  return new ProviderError(provider, 'invalid_response', {
    field,
    detail: issue?.message,
    providerMessage: said,
    cause: error,
  })
}
