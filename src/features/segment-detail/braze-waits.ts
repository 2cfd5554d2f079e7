// A segment page's waits for Braze: a 429 (or a short hold of the budget's reserve) its requests wait out themselves,
// for the page to say until when; and a hold too long for that, after which the page asks again by itself.
import { useEffect, useEffectEvent, useMemo, useState } from 'react'
import { ProviderError } from '../../providers/provider-error'
import type { ProviderRequestOptions } from '../../providers/request'

export type RequestHooks = Pick<ProviderRequestOptions, 'onRateLimited'>

/** Until when the page's requests wait for Braze (epoch ms; null when none does), and the hook that tells it. */
export function useRequestWait(): { until: number | null; hooks: RequestHooks } {
  const [until, setUntil] = useState<number | null>(null)
  const hooks = useMemo(
    () => ({
      // Details and size may both wait: the page says the later end.
      onRateLimited: (waitMs: number) => setUntil((current) => Math.max(current ?? 0, Date.now() + waitMs)),
    }),
    [],
  )
  useEffect(() => {
    if (until === null) return
    // The request asks again then; another 429 tells a new time.
    const timer = setTimeout(() => setUntil(null), Math.max(0, until - Date.now()))
    return () => clearTimeout(timer)
  }, [until])
  return { until, hooks }
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
