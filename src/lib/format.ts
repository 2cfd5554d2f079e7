// Dates, times and numbers through Intl, with formatters created once per locale.

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
  const time = Date.parse(iso)
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
