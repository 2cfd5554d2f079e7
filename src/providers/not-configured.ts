// A provider the server has no usable variables for: its list is not asked for, as it could only answer that again.
import type { QueryClient } from '@tanstack/react-query'
import { connectionStatusQuery } from './connection-status'
import { isNotConfigured, ProviderError } from './provider-error'
import type { ProviderId } from './provider-id'

/**
 * A provider's list is not asked for once the status, if known, says the server has no usable variables for it: asked,
 * the proxy could only answer that (they are read as the server starts). The list fails at once with that answer.
 */
export function throwIfNotConfigured(client: QueryClient, provider: ProviderId): void {
  const said = client.getQueryData(connectionStatusQuery().queryKey)?.providers[
    provider === 'braze' ? 'braze' : 'commandersAct'
  ]
  if (said && !said.configured)
    throw new ProviderError(provider, 'not_configured', { missing: said.missing, invalid: said.invalid })
}

/**
 * A list that failed is asked again as a page mounts, except after the answer that its provider is not configured:
 * the app starts the lists before the page, which then asked again a list that could only fail the same way.
 */
export const retryOnMount = ({ state }: { state: { error: Error | null } }) => !isNotConfigured(state.error)
