// A request the app's own server did not answer (restarting, say) is asked again once that server answers again: a
// page opened during a restart recovers by itself, as Retry would have. The sign that it is back is the audit's poll,
// which the pages that show verdicts (the list, a segment's, the Audit page) run every few seconds: failing since the
// request failed, or when it did, then answering.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useEffectEvent } from 'react'
import { isAppUnreachable } from '../providers/error-advice'
import { auditKeys } from './audit-queries'

export function useAskAgainWhenServerBack(error: unknown, askAgain: () => void): void {
  const queryClient = useQueryClient()
  const unreachable = isAppUnreachable(error)
  const onBack = useEffectEvent(askAgain)
  useEffect(() => {
    if (!unreachable) return
    const [, entries] = auditKeys.entries()
    let down = queryClient.getQueryState(auditKeys.entries())?.status === 'error'
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.query.queryKey[1] !== entries) return
      if (event.action.type === 'error') down = true
      else if (event.action.type === 'success' && down) onBack()
    })
    // A new failure is a new wait for the server.
  }, [error, unreachable, queryClient])
}
