// Braze's shared hourly budget as the server last saw it: calls left, the reserve kept for production, the reset.
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../components/use-format'
import { useBrazeBudget } from '../../providers/braze-budget'

export function BrazeBudget() {
  const { t } = useTranslation('connections')
  const format = useFormat()
  const budget = useBrazeBudget()
  // The calls left are those before the reset: past it, the page says the budget was renewed.
  const values = budget && {
    remaining: budget.remaining,
    limit: budget.limit,
    reserve: budget.reserve,
    time: format.time(budget.resetTime),
  }
  return (
    <>
      <dt>{t('braze.budget')}</dt>
      <dd>
        {values ? t(budget.renewed ? 'braze.budgetRenewed' : 'braze.budgetValue', values) : t('braze.budgetUnknown')}
      </dd>
    </>
  )
}
