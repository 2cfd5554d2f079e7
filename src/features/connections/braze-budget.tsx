// Braze's shared hourly budget as the server last saw it: calls left, the reserve kept for production, the reset.
import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../components/use-format'
import { currentStatusQuery, brazeRateLimitOf } from '../../providers/connection-status'

export function BrazeBudget() {
  const { t } = useTranslation('connections')
  const format = useFormat()
  // Asked again on each visit: the budget moves with every call, by this app and by production.
  const { data, refetch } = useQuery(currentStatusQuery())
  const rateLimit = brazeRateLimitOf(data)
  const resetTime = rateLimit ? Date.parse(rateLimit.resetAt) : Number.NaN
  const [now, setNow] = useState(Date.now)
  // The calls left are those before the reset: past it, the page says the budget was renewed, and asks again.
  useEffect(() => {
    if (!(resetTime > now)) return
    const timer = setTimeout(() => {
      setNow(Date.now())
      void refetch()
    }, resetTime - now)
    return () => clearTimeout(timer)
  }, [resetTime, now, refetch])
  const values = rateLimit && {
    remaining: rateLimit.remaining,
    limit: rateLimit.limit,
    reserve: rateLimit.reserve,
    time: format.time(resetTime),
  }
  return (
    <>
      <dt>{t('braze.budget')}</dt>
      <dd>
        {values ? t(resetTime > now ? 'braze.budgetValue' : 'braze.budgetRenewed', values) : t('braze.budgetUnknown')}
      </dd>
    </>
  )
}
