// Before a details scan: what it will cost in Braze calls, and how much of Braze's shared budget is left.
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../components/use-format'
import { useBrazeBudget } from '../../providers/braze-budget'
import type { Segment } from '../../providers/segment'
import { providerCacheQuery } from '../../stores/audit-queries'
import { detailsScanFor, keptMs } from './details-scan'

export function ScanCost({ segments }: { segments: readonly Segment[] }) {
  const { t } = useTranslation('audit')
  const format = useFormat()
  const scan = detailsScanFor(useQueryClient())
  // What the server keeps costs Braze nothing (the same answer KeptDetails counts, asked once for both).
  const kept = useQuery(providerCacheQuery())
  // As Connections says it: past the reset, the calls left before it are no longer the budget.
  const budget = useBrazeBudget()
  // Until the server has said what it keeps, a count would be every call a scan could make, not what it will.
  if (kept.isPending) return null
  const { details, sizes } = scan.plannedCalls(segments, keptMs(kept.data))
  const calls = details + sizes
  const values = budget && {
    remaining: budget.remaining,
    limit: budget.limit,
    reserve: budget.reserve,
    time: format.time(budget.resetTime),
  }
  const usable = budget && Math.max(0, (budget.renewed ? budget.limit : budget.remaining) - budget.reserve)
  const over = usable !== null && calls > usable
  return (
    <p className="muted">
      {t('scan.cost', { count: calls, details, sizes })}{' '}
      {values ? t(budget.renewed ? 'scan.budgetRenewed' : 'scan.budget', values) : t('scan.budgetUnknown')}
      {over && values ? ` ${t(budget.renewed ? 'scan.overBudgetRenewed' : 'scan.overBudget', values)}` : null}
    </p>
  )
}
