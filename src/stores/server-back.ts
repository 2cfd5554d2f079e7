// A request the app's own server did not answer (restarting, say) is asked again once that server answers again: a
// page opened during a restart recovers by itself, as Retry would have. The sign that it answers is the audit's poll,
// which the pages that show verdicts (the list, a segment's, the Audit page) run every few seconds: its next answer
// after the failure is shown. Not its first answer after a failed poll: the failure's alert may only show once the
// server is back (its code loads on demand), the poll long answered again by then.
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
    const stop = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.query.queryKey[1] !== entries || event.action.type !== 'success') return
      stop()
      onBack()
    })
    return stop
    // A new failure is a new wait for the server.
  }, [error, unreachable, queryClient])
}
