// Reads an ISO 8601 date or date-time in any of the forms Braze may send (offset with or without a colon, date only,
// a space for `T`, any fraction length) as an instant; anything else is "unreadable", never a guess. A date without a
// time names a calendar day, not an instant: it is kept as such, and shown and compared as that day wherever the
// reader is.

// Braze's dates are UTC: a date or time without an offset is read as UTC rather than in the browser's time zone.
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'))
}

/** Epoch milliseconds of an ISO 8601 text, or undefined when it is not one (or names a day that does not exist). */
function parseIsoDate(text: string): number | undefined {
  const match = ISO_8601.exec(text.trim())
  if (!match) return undefined
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match
  const parts = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number]
  const [y, mo, d, h, mi, s] = parts
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, Number(`0.${fraction || '0'}`) * 1000)
  // Date.UTC rolls 31 February over into March: such a day is not a date.
  if (new Date(utc).getUTCDate() !== d) return undefined
  return Math.floor(utc) - offsetMinutes(zone) * 60_000
}

/** The same instant as a canonical `2021-03-18T08:00:00.000Z`, or undefined when unreadable. */
export function normaliseIsoDate(text: string): string | undefined {
  const time = parseIsoDate(text)
  return time === undefined ? undefined : new Date(time).toISOString()
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/

/** True for a day of the calendar written without a time, as `2024-12-10` (not `2021-02-31`). */
export function isCalendarDay(text: string): boolean {
  return CALENDAR_DAY.test(text) && parseIsoDate(text) !== undefined
}

/**
 * Epoch milliseconds to show or compare a date by, NaN when unreadable. A calendar day is its local midnight: read as
 * UTC midnight (as Date.parse does), 2024-12-10 would show as 9 December west of UTC, and every age, sort and cutoff
 * worked out from it would disagree with the day Braze named.
 */
export function dateValue(text: string): number {
  if (!isCalendarDay(text)) return Date.parse(text)
  const [year, month, day] = text.split('-').map(Number) as [number, number, number]
  return new Date(year, month - 1, day).getTime()
}
