// A segment page's waits for Braze: a 429 (or a short hold of the budget's reserve) its requests wait out themselves,
// for the page to say until when; and a hold too long for that, after which the page asks again by itself.
import { useEffect, useEffectEvent, useMemo, useState } from 'react'
import { ProviderError, providerErrorFromResponse } from '../../providers/provider-error'
import type { ProviderRequestOptions } from '../../providers/request'

export type RequestHooks = Pick<ProviderRequestOptions, 'onRateLimited'>

/** What the page's requests wait for: a 429 of Braze's own, or the app's server holding Braze's reserve back. */
export interface RequestWait {
  /** Until when (epoch ms). */
  until: number
  /** The app's server held the call back for the reserve kept for production: Braze was not asked. */
  held: boolean
}

/** The proxy's hold names itself in its 429's body, read as every proxy answer is (its error's reason). */
async function isReserveHold(response: Response): Promise<boolean> {
  return (await providerErrorFromResponse('braze', response)).reason === 'budget_reserve'
}

/** What the page's requests wait for (null when none does), and the hook that tells it. */
export function useRequestWait(): { wait: RequestWait | null; hooks: RequestHooks } {
  const [wait, setWait] = useState<RequestWait | null>(null)
  const hooks = useMemo(
    () => ({
      onRateLimited: (waitMs: number, response: Response) => {
        const until = Date.now() + waitMs
        // Read from a copy, now: the request throws the 429's body away as it starts waiting.
        void isReserveHold(response.clone()).then((held) =>
          // Details and size may both wait: the page says the later end, and what it waits for.
          setWait((current) => (current && current.until > until ? current : { until, held })),
        )
      },
    }),
    [],
  )
  useEffect(() => {
    if (wait === null) return
    // The request asks again then; another 429 tells a new time.
    const timer = setTimeout(() => setWait(null), Math.max(0, wait.until - Date.now()))
    return () => clearTimeout(timer)
  }, [wait])
  return { wait, hooks }
}

/**
 * A hold of Braze's reserve that the request did not wait out (too long to, or its retries ran out): the page asks
 * again by itself once it ends, one timer per failure shown; Retry still asks sooner. The wait is the proxy's
 * Retry-After, counted from now, not its reset time: the browser's clock may differ from the server's.
 */
export function useAskAgainAfterHold(error: unknown, askAgain: () => void): void {
  const seconds =
    error instanceof ProviderError && error.reason === 'budget_reserve' ? error.retryAfterSeconds : undefined
  const onHoldEnd = useEffectEvent(askAgain)
  useEffect(() => {
    if (seconds === undefined) return
    const timer = setTimeout(onHoldEnd, seconds * 1000)
    return () => clearTimeout(timer)
    // A new failure, even with the same wait, is a new hold to wait for.
  }, [error, seconds])
}
