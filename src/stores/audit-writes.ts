// Writes to the server's audit: one field of one segment (a segment's page) or many at once (the list's bulk bar).
// Apart from the reads every page makes (audit-client.ts), so that the list's first load carries neither.
import { apiUrl } from '../lib/api-url'
import { AuditRequestError, headers, parsed } from './audit-client'
import {
  bulkAnswerSchema,
  conflictAnswerSchema,
  writeAnswerSchema,
  type AuditEntry,
  type AuditWrite,
  type BulkAnswer,
} from './audit-contract'

export type WriteResult = { kind: 'saved'; entry: AuditEntry } | { kind: 'conflict'; entry: AuditEntry }

/**
 * The audit server did not answer at all (network down, server stopped): fetch itself rejected. `sent` is false when
 * the browser was offline as the request was made: it then fails it at once, nothing having left this computer.
 */
class AuditUnreachableError extends Error {
  constructor(
    message: string,
    readonly sent: boolean,
    options: ErrorOptions,
  ) {
    super(message, options)
  }
}

/**
 * Why a write failed, for the interface to say in its language (src/stores/use-write-failure-text.ts): the audit
 * server never answered, it refused or failed with a reason (the server's `error`, or 'http' when its answer gave
 * none), or its answer could not be read.
 */
export type WriteFailure =
  { reason: 'unreachable' } | { reason: 'unreadable' } | { reason: string; status: number; message: string }

export function writeFailureOf(error: unknown): WriteFailure {
  if (error instanceof AuditUnreachableError) return { reason: 'unreachable' }
  if (error instanceof AuditRequestError) return { reason: error.reason, status: error.status, message: error.message }
  return { reason: 'unreadable' }
}

/**
 * Whether a failed write may have reached the audit server. Not when the browser was offline as it was made: the
 * request failed without being sent. Otherwise it may have: a connection refused and one dropped after the request
 * went out fail alike.
 */
export function maybeSent(error: unknown): boolean {
  return !(error instanceof AuditUnreachableError) || error.sent
}

/** A POST to the audit; not answered at all (a failed fetch), an AuditUnreachableError. */
export async function post(url: string, init: RequestInit): Promise<Response> {
  // Read before sending: the link dropping after the request went out leaves the browser offline at its failure too.
  const offline = !navigator.onLine
  try {
    return await fetch(url, { method: 'POST', ...init })
  } catch (error) {
    throw error instanceof TypeError ? new AuditUnreachableError(error.message, !offline, { cause: error }) : error
  }
}

/**
 * Writes one field. `keepalive` lets the request finish after the page is gone (a reload, a closed tab): the browser
 * keeps it going for up to 64 kB of body, which a note always fits in.
 */
export async function sendAuditWrite(
  write: AuditWrite,
  reviewer: string,
  { keepalive = false } = {},
): Promise<WriteResult> {
  const response = await post(apiUrl('/api/audit/writes'), {
    headers: { ...headers(reviewer), 'Content-Type': 'application/json' },
    body: JSON.stringify(write),
    keepalive,
  })
  if (response.status === 409)
    return { kind: 'conflict', entry: conflictAnswerSchema.parse(await response.json()).entry }
  return { kind: 'saved', entry: (await parsed(response, writeAnswerSchema)).entry }
}

/** Writes many segments' fields at once; each write is checked on its own version, so some may come back refused. */
export async function sendBulkAuditWrites(writes: readonly AuditWrite[], reviewer: string): Promise<BulkAnswer> {
  const response = await post(apiUrl('/api/audit/bulk'), {
    headers: { ...headers(reviewer), 'Content-Type': 'application/json' },
    body: JSON.stringify({ writes }),
  })
  return parsed(response, bulkAnswerSchema)
}
