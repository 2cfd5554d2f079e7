// Before a details scan: what it will cost in Braze calls, and how much of Braze's shared budget is left.
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../components/use-format'
import { currentStatusQuery, brazeRateLimitOf } from '../../providers/connection-status'
import type { Segment } from '../../providers/segment'
import { detailsScanFor } from './details-scan'

export function ScanCost({ segments }: { segments: readonly Segment[] }) {
  const { t } = useTranslation('audit')
  const format = useFormat()
  const { details, sizes } = detailsScanFor(useQueryClient()).plannedCalls(segments)
  // Asked again on each visit: the budget moves with every call, by this app and by production.
  const rateLimit = brazeRateLimitOf(useQuery(currentStatusQuery()).data)
  const calls = details + sizes
  const usable = rateLimit ? Math.max(0, rateLimit.remaining - rateLimit.reserve) : undefined
  const time = rateLimit ? format.time(Date.parse(rateLimit.resetAt)) : ''
  return (
    <p className="muted">
      {t('scan.cost', { count: calls, details, sizes })}{' '}
      {rateLimit
        ? t('scan.budget', { remaining: rateLimit.remaining, limit: rateLimit.limit, reserve: rateLimit.reserve, time })
        : t('scan.budgetUnknown')}
      {usable !== undefined && calls > usable ? ` ${t('scan.overBudget', { time })}` : null}
    </p>
  )
}
