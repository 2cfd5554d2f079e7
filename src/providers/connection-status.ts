// What the proxy says about the providers (/api/status): configured or not, demo or real, hosts — never a secret.
import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { APP_REQUEST_HEADERS, apiUrl } from '../lib/api-url'
import { takeRead } from '../lib/head-start'

const notConfigured = z.object({
  configured: z.literal(false),
  missing: z.array(z.string()),
  invalid: z.array(z.string()),
})

/** Braze's shared hourly budget as the server last saw it, and the reserve it keeps for production (in calls). */
const brazeRateLimitSchema = z.object({
  limit: z.number(),
  remaining: z.number(),
  resetAt: z.string(),
  reserve: z.number(),
  observedAt: z.string(),
})

export type BrazeRateLimit = z.infer<typeof brazeRateLimitSchema>

const connectionStatusSchema = z.object({
  mode: z.enum(['real', 'demo']),
  providers: z.object({
    braze: z.discriminatedUnion('configured', [
      // rateLimit: null before any answer from Braze; listPages: null until the server has seen the list's end, and
      // again after a list page failed. Either is absent from a server that does not report it.
      z.object({
        configured: z.literal(true),
        host: z.string(),
        rateLimit: z.optional(z.nullable(brazeRateLimitSchema)),
        listPages: z.optional(z.nullable(z.number())),
        // How many of Braze's answers the server keeps fresh for the team (absent from a server that does not say).
        kept: z.optional(z.number()),
      }),
      notConfigured,
    ]),
    commandersAct: z.discriminatedUnion('configured', [
      z.object({ configured: z.literal(true), host: z.string(), site: z.string() }),
      notConfigured,
    ]),
  }),
})

export type ConnectionStatus = z.infer<typeof connectionStatusSchema>

export async function fetchConnectionStatus({ signal }: { signal?: AbortSignal } = {}): Promise<ConnectionStatus> {
  const response = await fetch(apiUrl('/api/status'), { headers: APP_REQUEST_HEADERS, signal })
  if (!response.ok) throw new Error(`The dashboard server answered ${response.status} for its status.`)
  const parsed = connectionStatusSchema.safeParse(await response.json())
  if (!parsed.success)
    throw new Error(`The dashboard server sent an unexpected status (${parsed.error.issues[0]?.path.join('.')}).`)
  return parsed.data
}

/** The key under which src/app/early-reads.ts starts asking for the status, before the app is evaluated. */
export const EARLY_STATUS_READ = 'connection-status'

export const connectionStatusQuery = () =>
  queryOptions({
    queryKey: ['connection-status'],
    // The first ask takes the one started early, if any.
    queryFn: ({ signal }) => takeRead<ConnectionStatus>(EARLY_STATUS_READ) ?? fetchConnectionStatus({ signal }),
    // The configuration only changes when the server restarts.
    staleTime: Infinity,
  })

/** The status as it is now: Braze's budget and list length change with every call, the rest only with a restart. */
export const currentStatusQuery = () => ({ ...connectionStatusQuery(), staleTime: 0 })

/** Braze's budget from a status, or null when not known (not configured, or no answer from Braze yet). */
export function brazeRateLimitOf(status: ConnectionStatus | undefined): BrazeRateLimit | null {
  const braze = status?.providers.braze
  return braze?.configured ? (braze.rateLimit ?? null) : null
}

/** The pages the Braze list took when the server last saw its end, or undefined when it does not know. */
export function brazeListPagesOf(status: ConnectionStatus): number | undefined {
  const { braze } = status.providers
  return braze.configured ? (braze.listPages ?? undefined) : undefined
}

/**
 * Which server configuration data came from. Data kept in the browser is shown only under the same one: demo data
 * must never show as real data, nor one workspace's segments as another's.
 */
export function connectionIdentity(status: ConnectionStatus): string {
  const { braze, commandersAct } = status.providers
  return JSON.stringify([
    status.mode,
    braze.configured ? braze.host : null,
    commandersAct.configured ? [commandersAct.host, commandersAct.site] : null,
  ])
}
