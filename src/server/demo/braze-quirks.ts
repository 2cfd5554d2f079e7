// How the fake Braze bends its answers for the few demo segments that carry a quirk: rows that break the documented
// list schema, and details dates in the other ISO 8601 forms Braze may send. Clients must take both in their stride.
import type { DemoBrazeSegment } from './data.ts'

export type BrazeListQuirk = 'no-name' | 'tracking-as-string' | 'extra-field'
export type BrazeDateForm = 'offset-without-colon' | 'date-only' | 'space-separated' | 'long-fraction' | 'unreadable'

export function listRow(segment: DemoBrazeSegment): Record<string, unknown> {
  const row: Record<string, unknown> = {
    id: segment.id,
    ...(segment.listQuirk === 'no-name' ? {} : { name: segment.name }),
    analytics_tracking_enabled:
      segment.listQuirk === 'tracking-as-string'
        ? String(segment.analyticsTrackingEnabled)
        : segment.analyticsTrackingEnabled,
    // Old accounts omit the key entirely; nulls are passed through as Braze sends them.
    ...(segment.tags === undefined ? {} : { tags: segment.tags }),
  }
  if (segment.listQuirk === 'extra-field') row.created_by = 'api-import'
  return row
}

const TWO_HOURS_MS = 7_200_000

/** The same instant in another form; "unreadable" spoils only `updated_at`, so the rest of a detail stays readable. */
export function detailDate(iso: string, form: BrazeDateForm | undefined, field: 'created_at' | 'updated_at'): string {
  const ms = Date.parse(iso)
  const utc = new Date(ms).toISOString()
  switch (form) {
    case 'offset-without-colon':
      return `${new Date(ms + TWO_HOURS_MS).toISOString().slice(0, 19)}+0200`
    case 'date-only':
      return utc.slice(0, 10)
    case 'space-separated':
      return utc.slice(0, 19).replace('T', ' ')
    case 'long-fraction':
      return `${utc.slice(0, 23)}4567Z`
    case 'unreadable':
      return field === 'updated_at' ? 'not a date' : iso
    default:
      return iso
  }
}
