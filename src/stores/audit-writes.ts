// Writes to the server's audit: one field of one segment (a segment's page) or many at once (the list's bulk bar).
// Apart from the reads every page makes (audit-client.ts), so that the list's first load carries neither.
import { apiUrl } from '../lib/api-url'
import { headers, parsed } from './audit-client'
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
 * Writes one field. `keepalive` lets the request finish after the page is gone (a reload, a closed tab): the browser
 * keeps it going for up to 64 kB of body, which a note always fits in.
 */
export async function sendAuditWrite(
  write: AuditWrite,
  reviewer: string,
  { keepalive = false } = {},
): Promise<WriteResult> {
  const response = await fetch(apiUrl('/api/audit/writes'), {
    method: 'POST',
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
  const response = await fetch(apiUrl('/api/audit/bulk'), {
    method: 'POST',
    headers: { ...headers(reviewer), 'Content-Type': 'application/json' },
    body: JSON.stringify({ writes }),
  })
  return parsed(response, bulkAnswerSchema)
}
