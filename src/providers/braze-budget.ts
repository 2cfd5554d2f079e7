// Braze's shared hourly budget as a page shows it: the server's last reading, which tells the calls left only until its
// reset. Past the reset the server still has that reading (nothing newer until Braze answers again), so the page says
// the budget was renewed, not that it is still spent; a page left open asks the server again at the reset. One hook
// for Connections and the Audit page, so that both say the same.
import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { brazeRateLimitOf, currentStatusQuery, type BrazeRateLimit } from './connection-status'

export interface BrazeBudget extends BrazeRateLimit {
  /** The reset, epoch ms. */
  resetTime: number
  /** The reset has passed: `remaining` is from before it, and the budget is whole again, less production's calls. */
  renewed: boolean
}

/** The budget, or null when not known (not configured, or no answer from Braze since the server started). */
export function useBrazeBudget(): BrazeBudget | null {
  // Asked again on each visit: the budget moves with every call, by this app and by production.
  const { data, refetch } = useQuery(currentStatusQuery())
  const rateLimit = brazeRateLimitOf(data)
  const resetTime = rateLimit ? Date.parse(rateLimit.resetAt) : Number.NaN
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    if (!(resetTime > now)) return
    const timer = setTimeout(() => {
      setNow(Date.now())
      void refetch()
    }, resetTime - now)
    return () => clearTimeout(timer)
  }, [resetTime, now, refetch])
  return rateLimit && { ...rateLimit, resetTime, renewed: !(resetTime > now) }
}
