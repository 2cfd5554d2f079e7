// What the proxy says about the providers (/api/status): configured or not, demo or real, hosts — never a secret.
import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { apiUrl } from '../lib/api-url'

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
  const response = await fetch(apiUrl('/api/status'), { signal })
  if (!response.ok) throw new Error(`The dashboard server answered ${response.status} for its status.`)
  const parsed = connectionStatusSchema.safeParse(await response.json())
  if (!parsed.success) throw new Error(`The dashboard server sent an unexpected status (${parsed.error.issues[0]?.path.join('.')}).`)
  return parsed.data
}

export const connectionStatusQuery = () =>
  queryOptions({
    queryKey: ['connection-status'],
    queryFn: ({ signal }) => fetchConnectionStatus({ signal }),
    // The configuration only changes when the server restarts.
    staleTime: Infinity,
  })
