// The two segment lists as the audit page needs them, and which providers' lists are whole or failed.
import { useMemo } from 'react'
import { PROVIDER_IDS, type ProviderId } from '../../providers/provider-id'
import type { Segment } from '../../providers/segment'
import { useSegmentList } from '../../providers/segment-lists'

interface ListFailure {
  provider: ProviderId
  error: Error
  retry: () => void
}

export interface ListedSegments {
  segments: readonly Segment[]
  /** A list is still arriving: counts and snapshots would be partial. */
  loading: boolean
  /** Providers whose list is complete: a snapshot covers these. */
  completeProviders: readonly ProviderId[]
  failures: readonly ListFailure[]
  /**
   * Providers whose list has not answered yet (its first page is still being asked for, retries included, or asked
   * again after a failure): nothing is known of them, so they count as neither zero segments nor a failure.
   */
  unanswered: readonly ProviderId[]
}

export function useListedSegments(): ListedSegments {
  const { segments, providers } = useSegmentList()
  const complete = providers
    .filter((provider) => !provider.loading && !provider.pending && !provider.error)
    .map((provider) => provider.provider)
    .join(' ')
  // The same array while the same lists are whole: what the cards work out over every segment is kept until then.
  const completeProviders = useMemo(() => PROVIDER_IDS.filter((id) => complete.split(' ').includes(id)), [complete])
  return {
    segments,
    loading: providers.some((provider) => provider.loading),
    completeProviders,
    failures: providers.flatMap((provider) =>
      provider.error && !provider.loading
        ? [{ provider: provider.provider, error: provider.error, retry: provider.refetch }]
        : [],
    ),
    unanswered: providers
      .filter((provider) => provider.pending || (provider.loading && provider.error))
      .map((provider) => provider.provider),
  }
}
