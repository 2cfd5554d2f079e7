// The page's side of the kept first screen (list-preview.ts): shows it while the query cache is being restored, and
// keeps it up to date while the default view is shown whole.
import { hashKey, useIsRestoring, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react'
import { connectionIdentity, connectionStatusQuery, type ConnectionStatus } from '../../providers/connection-status'
import type { ProviderId } from '../../providers/provider-error'
import type { SegmentList } from '../../providers/segment-lists'
import { useVerdicts } from '../../stores/use-verdicts'
import { readListPreview, writeListPreview, type ListPreview } from './list-preview'
import type { SegmentRow } from './segment-rows'

const STATUS_KEY = connectionStatusQuery().queryKey
const STATUS_HASH = hashKey(STATUS_KEY)

/**
 * The server's configuration once known. Read from the cache rather than with useQuery: while the cache is being
 * restored, useQuery does not subscribe, and the preview waits for exactly this answer.
 */
function useConnection(): string | undefined {
  const queryClient = useQueryClient()
  const subscribe = useCallback(
    (onChange: () => void) => queryClient.getQueryCache().subscribe((event) => {
      if (event.query.queryHash === STATUS_HASH) onChange()
    }),
    [queryClient],
  )
  const status = useSyncExternalStore(subscribe, () => queryClient.getQueryData<ConnectionStatus>(STATUS_KEY))
  return status ? connectionIdentity(status) : undefined
}

interface ListPreviewInput {
  /** No filter and the default order: the only view a preview is kept for and shown in. */
  defaultView: boolean
  list: SegmentList
  visible: readonly SegmentRow[]
  perProvider: Record<ProviderId, number>
  reviewed: number
}

export function useListPreview({ defaultView, list, visible, perProvider, reviewed }: ListPreviewInput): ListPreview | null {
  const restoring = useIsRestoring()
  const connection = useConnection()
  const verdicts = useVerdicts()
  const nothingYet = list.providers.every((provider) => provider.pending)
  const showing = restoring && nothingYet && defaultView && connection !== undefined
  const preview = useMemo(() => (showing && connection !== undefined ? readListPreview(connection, verdicts) : null), [showing, connection, verdicts])

  const whole = defaultView && list.providers.every((provider) => !provider.pending && !provider.loading && provider.error === null)
  const asOf = Math.min(...list.providers.map((provider) => provider.updatedAt))
  useEffect(() => {
    if (!whole || connection === undefined || visible.length === 0) return
    writeListPreview({ connection, asOf, rows: visible, perProvider, reviewed })
  }, [whole, connection, asOf, visible, perProvider, reviewed])

  return preview
}
