// The last details scan's end (when, finished, stopped by an error or cancelled, and its counts), kept in this
// browser's localStorage so that after a reload the Audit page still says it, and Connections the failure that stopped
// it (the query cache keeps no failed answer); the scan itself runs in this browser too.
import { z } from 'zod/mini'
import { storedRecord } from '../lib/stored-record'
import { ProviderError, type ProviderErrorReason } from '../providers/provider-error'

const STORAGE_KEY = 'segment-audit:last-scan:v1'

const REASONS = [
  'not_configured',
  'unauthorized',
  'forbidden',
  'not_found',
  'rate_limited',
  'server',
  'network',
  'timeout',
  'invalid_response',
  'bad_request',
  'permission_denied',
  'wrong_endpoint',
  'budget_reserve',
] as const satisfies readonly ProviderErrorReason[]

const lastScanSchema = z.object({
  /** Epoch ms. */
  endedAt: z.number(),
  status: z.enum(['done', 'failed', 'cancelled']),
  fetched: z.number(),
  toFetch: z.number(),
  skipped: z.number(),
  failed: z.number(),
  /** What stopped it, enough to say it again in plain words (never the raw message). */
  problem: z.optional(
    z.object({
      provider: z.enum(['braze', 'commanders-act']),
      reason: z.enum(REASONS),
      permission: z.optional(z.string()),
      /** The HTTP status, for Connections to say it as it says a live failure's. */
      status: z.optional(z.number()),
    }),
  ),
})

export type LastScan = z.infer<typeof lastScanSchema>

export interface LastScanStore {
  read: () => LastScan | undefined
  write: (scan: LastScan) => void
}

/** The part of a failure worth keeping: a ProviderError's provider, reason, permission and status. */
export function keptProblem(error: unknown): LastScan['problem'] {
  if (!(error instanceof ProviderError)) return undefined
  return { provider: error.provider, reason: error.reason, permission: error.permission, status: error.status }
}

/** The kept failure as an error again, for the same plain-words advice as a live one. */
export function problemOf(scan: LastScan): ProviderError | undefined {
  const { problem } = scan
  return (
    problem &&
    new ProviderError(problem.provider, problem.reason, { permission: problem.permission, status: problem.status })
  )
}

/** Without localStorage (disabled, or Node in unit tests) the last scan is simply not remembered. */
export const localLastScanStore: LastScanStore = storedRecord(() => localStorage, STORAGE_KEY, lastScanSchema)
