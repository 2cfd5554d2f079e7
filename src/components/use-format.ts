// Dates, times and numbers formatted in the interface language (src/lib/format through Intl).
import { useMemo } from 'react'
import { useLanguage } from './use-fixed-t'
import { formatDate, formatDateTime, formatNumber, formatPercent, formatRelative, formatTime } from '../lib/format'

export function useFormat() {
  const locale = useLanguage()
  return useMemo(
    () => ({
      locale,
      number: (value: number) => formatNumber(value, locale),
      percent: (ratio: number) => formatPercent(ratio, locale),
      date: (iso: string) => formatDate(iso, locale),
      dateTime: (iso: string) => formatDateTime(iso, locale),
      time: (time: number) => formatTime(time, locale),
      relative: (iso: string, now: number) => formatRelative(iso, now, locale),
    }),
    [locale],
  )
}
