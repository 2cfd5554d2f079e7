// "Not updated in N months": one cutoff day shared by the audit's count and the list's "Not updated since" filter.
import { dateValue } from '../lib/iso-date'

/** Local midnight N calendar months before today: updated strictly before it counts as stale. */
export function staleCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now.getFullYear(), now.getMonth() - months, 1)
  // The same day of the month, or the month's last day when it is shorter (31 March − 1 month → 28/29 February).
  const lastDay = new Date(cutoff.getFullYear(), cutoff.getMonth() + 1, 0).getDate()
  cutoff.setDate(Math.min(now.getDate(), lastDay))
  return cutoff
}

/** YYYY-MM-DD in local time, the form of a date field and of the list's URL. */
export function toDateParam(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** Local midnight of a YYYY-MM-DD day, or undefined for anything else (including 2026-02-31). */
export function parseDateParam(value: string | null): Date | undefined {
  const match = value?.match(/^(\d{4})-(\d{2})-(\d{2})$/)
  if (!match) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(year, month - 1, day)
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined
}

/** Unknown or unreadable dates are never stale: a finding must be a fact. A calendar day is compared as shown. */
export function isUpdatedBefore(updatedAt: string | undefined, cutoff: Date): boolean {
  if (updatedAt === undefined) return false
  const time = dateValue(updatedAt)
  return !Number.isNaN(time) && time < cutoff.getTime()
}
