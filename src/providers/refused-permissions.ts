// The permissions a provider refused the key, kept in the query cache under a root of their own so that the persisted
// cache keeps them across a reload (the cache keeps no failed query): Connections names a refusal a segment's page met
// until a call needing that permission works again. The cache is bound to the server's configuration: under another
// one it is not restored, and neither are these.
import type { QueryClient } from '@tanstack/react-query'
import { ProviderError } from './provider-error'
import type { ProviderId } from './provider-id'

export const REFUSED_PERMISSIONS_KEY = ['refused-permissions']

/** By permission (each provider names its own): who refused it last, when (epoch ms) and with which HTTP status. */
export type RefusedPermissions = Record<string, { provider: ProviderId; status?: number; at: number }>

/** Keeps a failure that is a refused permission, as the newest of its permission. */
export function keepRefusal(queryClient: QueryClient, error: unknown, at: number): void {
  if (error instanceof ProviderError && error.reason === 'permission_denied' && error.permission)
    queryClient.setQueryData<RefusedPermissions>(REFUSED_PERMISSIONS_KEY, (kept) => ({
      ...kept,
      [error.permission as string]: { provider: error.provider, status: error.status, at },
    }))
}
