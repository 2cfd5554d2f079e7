// A request the app's own server did not answer (restarting, say) is asked again every few seconds until the server
// answers: a page opened during a restart recovers by itself, as Retry would have. Asking a server that is down costs
// nothing (the request fails at once); each new failure starts a new wait.
import { useEffect, useEffectEvent } from 'react'
import { isAppUnreachable } from '../providers/error-advice'

/** Between two asks while the app's server does not answer. */
const ASK_AGAIN_MS = 3_000

/** `unreachable`: the failure is the app's server not answering (by default, a request it gave no answer at all). */
export function useAskAgainWhenServerBack(
  error: unknown,
  askAgain: () => void,
  unreachable: boolean = isAppUnreachable(error),
): void {
  const onWait = useEffectEvent(askAgain)
  useEffect(() => {
    if (!unreachable) return
    const timer = setTimeout(onWait, ASK_AGAIN_MS)
    return () => clearTimeout(timer)
  }, [error, unreachable])
}
