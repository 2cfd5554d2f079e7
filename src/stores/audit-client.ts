// Calls the server's /api/audit routes, parsing every answer with the shared wire schemas.
import type { z } from 'zod/mini'
import { apiUrl, APP_REQUEST_HEADERS } from '../lib/api-url'
import {
  entriesAnswerSchema,
  historyAnswerSchema,
  providerCacheAnswerSchema,
  REVIEWER_HEADER,
  reviewerAnswerSchema,
  type EntriesAnswer,
  type HistoryItem,
  type ProviderCacheAnswer,
} from './audit-contract'

/** The audit server refused or failed a request; `message` is the server's own words when it gave any. */
export class AuditRequestError extends Error {
  override readonly name = 'AuditRequestError'
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message)
  }
}

export function headers(reviewer?: string): Record<string, string> {
  return {
    ...APP_REQUEST_HEADERS,
    Accept: 'application/json',
    ...(reviewer ? { [REVIEWER_HEADER]: encodeURIComponent(reviewer) } : {}),
  }
}

async function refusal(response: Response): Promise<AuditRequestError> {
  let body: unknown
  try {
    body = await response.json()
  } catch {
    body = undefined
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  // No reason given (a body that is not the server's JSON, as a gateway's error page): 'http', said by its status.
  const reason = typeof record.error === 'string' ? record.error : 'http'
  const message =
    typeof record.message === 'string' ? record.message : `The audit server answered HTTP ${response.status}.`
  return new AuditRequestError(response.status, reason, message)
}

export async function parsed<S extends z.ZodMiniType>(response: Response, schema: S): Promise<z.output<S>> {
  if (!response.ok) throw await refusal(response)
  return schema.parse(await response.json())
}

export async function fetchAuditEntries(since: number, signal?: AbortSignal): Promise<EntriesAnswer> {
  const response = await fetch(apiUrl('/api/audit/entries', { since: since || undefined }), {
    headers: headers(),
    signal,
  })
  return parsed(response, entriesAnswerSchema)
}

export async function fetchAuditHistory(key: string, signal?: AbortSignal): Promise<HistoryItem[]> {
  const response = await fetch(apiUrl('/api/audit/history', { key }), { headers: headers(), signal })
  return (await parsed(response, historyAnswerSchema)).history
}

export async function fetchServerReviewer(signal?: AbortSignal): Promise<string | null> {
  const response = await fetch(apiUrl('/api/audit/reviewer'), { headers: headers(), signal })
  return (await parsed(response, reviewerAnswerSchema)).reviewer
}

export async function fetchProviderCacheSummary(signal?: AbortSignal): Promise<ProviderCacheAnswer> {
  const response = await fetch(apiUrl('/api/audit/provider-cache'), { headers: headers(), signal })
  return parsed(response, providerCacheAnswerSchema)
}
