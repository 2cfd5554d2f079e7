// Braze's shared hourly budget as the server last saw it: calls left, the reserve kept for production, the reset.
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../components/use-format'
import { currentStatusQuery, brazeRateLimitOf } from '../../providers/connection-status'

export function BrazeBudget() {
  const { t } = useTranslation('connections')
  const format = useFormat()
  // Asked again on each visit: the budget moves with every call, by this app and by production.
  const rateLimit = brazeRateLimitOf(useQuery(currentStatusQuery()).data)
  return (
    <>
      <dt>{t('braze.budget')}</dt>
      <dd>
        {rateLimit
          ? t('braze.budgetValue', {
              remaining: rateLimit.remaining,
              limit: rateLimit.limit,
              reserve: rateLimit.reserve,
              time: format.time(Date.parse(rateLimit.resetAt)),
            })
          : t('braze.budgetUnknown')}
      </dd>
    </>
  )
}
