// How old the Braze details kept on the server are (one scan serves the team), with a way to ask Braze again.
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../components/use-format'
import { dateValue } from '../../lib/iso-date'
import { providerCacheQuery } from '../../stores/audit-queries'

const MINUTE_MS = 60_000

export function KeptDetails({ onRefresh, disabled }: { onRefresh: () => void; disabled: boolean }) {
  const { t } = useTranslation('audit')
  const format = useFormat()
  // While a scan runs, the count follows what it keeps.
  const kept = useQuery({ ...providerCacheQuery(), refetchInterval: disabled ? 5_000 : false })
  const [now] = useState(Date.now)
  // "1 hour", "24 hours", "1 heure": the unit's own plural, which the count of answers does not decide. Made once, not
  // at each render: during a scan the panel renders at every answer, tens of times a second.
  const hours = useMemo(
    () => new Intl.NumberFormat(format.locale, { style: 'unit', unit: 'hour', unitDisplay: 'long' }),
    [format.locale],
  )
  if (!kept.data || kept.data.count === 0 || !kept.data.oldestFetchedAt) return null
  return (
    <p className="muted kept-details">
      {t('scan.kept', {
        count: kept.data.count,
        // Under a minute, Intl's relative time is "now" ("fetched now"): said as people say it instead.
        age:
          now - dateValue(kept.data.oldestFetchedAt) < MINUTE_MS
            ? t('scan.justNow')
            : format.relative(kept.data.oldestFetchedAt, now),
        lifetime: hours.format(kept.data.ttlHours),
      })}{' '}
      <button type="button" className="button button-small" disabled={disabled} onClick={onRefresh}>
        {t('scan.refresh')}
      </button>
    </p>
  )
}
