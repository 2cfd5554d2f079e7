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

export const connectionStatusSchema = z.object({
  mode: z.enum(['real', 'demo']),
  providers: z.object({
    braze: z.discriminatedUnion('configured', [z.object({ configured: z.literal(true), host: z.string() }), notConfigured]),
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
  if (!parsed.success) throw new Error(`The dashboard server sent an unexpected status (${parsed.error.issues[0]?.path.join('.')}).`)
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
