// A calendar date typed as people write it in their language (31/12/2025 in French, 12/31/2025 in US English),
// read back to the ISO day (2025-12-31) that URLs and filters keep. The browser's own date input follows the
// browser's language, not the page's: a French page in an English Chromium would ask for mm/dd/yyyy.

type Part = 'day' | 'month' | 'year'

const orders = new Map<string, readonly Part[]>()

/** The order of day, month and year in the locale's short numeric date. */
function datePartOrder(locale: string): readonly Part[] {
  let order = orders.get(locale)
  if (!order) {
    const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' })
      .formatToParts(new Date(2025, 11, 31))
      .map((part) => part.type)
      .filter((type): type is Part => type === 'day' || type === 'month' || type === 'year')
    order = parts.length === 3 ? parts : ['day', 'month', 'year']
    orders.set(locale, order)
  }
  return order
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** "2025-12-31" as the locale writes it: "31/12/2025" in French, "12/31/2025" in US English. */
export function formatDateInput(iso: string, locale: string): string {
  const match = ISO_DAY.exec(iso)
  if (!match) return iso
  const [, year = '', month = '', day = ''] = match
  const values: Record<Part, string> = { day, month, year }
  return datePartOrder(locale)
    .map((part) => values[part])
    .join('/')
}

const pad = (value: number) => String(value).padStart(2, '0')

/**
 * What was typed, as an ISO day; undefined when it is not a date of the calendar. Accepts `/`, `.`, `-` or spaces
 * between the parts, one or two digits for day and month, four for the year, and an ISO day as it is.
 */
export function parseDateInput(text: string, locale: string): string | undefined {
  const trimmed = text.trim()
  const numbers = ISO_DAY.test(trimmed) ? trimmed.split('-') : trimmed.split(/\s*[/.\-\s]\s*/)
  if (numbers.length !== 3 || !numbers.every((number) => /^\d+$/.test(number))) return undefined
  const order: readonly Part[] = ISO_DAY.test(trimmed) ? ['year', 'month', 'day'] : datePartOrder(locale)
  const values: Partial<Record<Part, string>> = {}
  order.forEach((part, index) => (values[part] = numbers[index]))
  const { day = '', month = '', year = '' } = values
  if (year.length !== 4 || day.length > 2 || month.length > 2) return undefined
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  // 31/02 would roll over to March: not a date.
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1) return undefined
  if (date.getUTCDate() !== Number(day)) return undefined
  return `${year}-${pad(Number(month))}-${pad(Number(day))}`
}
