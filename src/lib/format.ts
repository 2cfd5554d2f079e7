// Dates, times and numbers through Intl, with formatters created once per locale.
import { dateValue, isCalendarDay } from './iso-date'

const dateFormats = new Map<string, Intl.DateTimeFormat>()
const timeFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()

function cached<T>(cache: Map<string, T>, locale: string, create: () => T): T {
  let formatter = cache.get(locale)
  if (!formatter) {
    formatter = create()
    cache.set(locale, formatter)
  }
  return formatter
}

export function formatDate(iso: string, locale?: string): string {
  const time = dateValue(iso)
  if (Number.isNaN(time)) return iso
  const key = locale ?? ''
  return cached(dateFormats, key, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(time)
}

export function formatTime(time: number, locale?: string): string {
  const key = locale ?? ''
  return cached(timeFormats, key, () => new Intl.DateTimeFormat(locale, { timeStyle: 'short' })).format(time)
}

export function formatNumber(value: number, locale?: string): string {
  const key = locale ?? ''
  return cached(numberFormats, key, () => new Intl.NumberFormat(locale)).format(value)
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>()
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
]

/** "3 months ago": the largest whole unit, as people say it. */
export function formatRelative(iso: string, now: number, locale?: string): string {
  const time = dateValue(iso)
  if (Number.isNaN(time)) return ''
  const format = cached(relativeFormats, locale ?? '', () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }))
  const elapsed = time - now
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return format.format(Math.round(elapsed / size), unit)
  }
  return format.format(0, 'second')
}

const dayFormats = new Map<string, Intl.DateTimeFormat>()
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

/** The date in full and its time; a calendar day has no time to give (midnight would be made up). */
export function formatDateTime(iso: string, locale?: string): string {
  const time = dateValue(iso)
  if (Number.isNaN(time)) return iso
  const day = isCalendarDay(iso)
  return cached(
    day ? dayFormats : dateTimeFormats,
    locale ?? '',
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: day ? undefined : 'short' }),
  ).format(time)
}

const percentFormats = new Map<string, Intl.NumberFormat>()

export function formatPercent(ratio: number, locale?: string): string {
  return cached(
    percentFormats,
    locale ?? '',
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
  ).format(ratio)
}

const pad = (value: number) => String(value).padStart(2, '0')

/**
 * A date-time for a spreadsheet, the one form of every date and time in the CSV exports: ISO 8601's order with a
 * space, to the minute, in the reader's local time (`2026-03-01 14:05`). Spreadsheets read it as a date-time whatever
 * their language, where Excel leaves a UTC ISO string (`2026-03-01T13:05:00Z`, with its `T` and `Z`) as text, and UTC
 * would be off by the time zone from what the app shows. A date without a time stays that date (`2026-03-01`); an
 * unreadable value is kept as it is.
 */
export function formatSpreadsheetDateTime(iso: string): string {
  // A calendar day is a day, not an instant: no time zone may move it to the day before.
  if (isCalendarDay(iso)) return iso
  const time = new Date(iso)
  if (Number.isNaN(time.getTime())) return iso
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())} ${pad(time.getHours())}:${pad(time.getMinutes())}`
}
