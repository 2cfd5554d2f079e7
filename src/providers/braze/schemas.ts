// Braze answer shapes (zod) and their mapping into the app's types: lenient where Braze varies, strict elsewhere.
import { z } from 'zod/mini'
import { isCalendarDay, normaliseIsoDate } from '../../lib/iso-date'
import { segmentKey } from '../provider-id'
import { NOT_PROVIDED, type Segment } from '../segment'

/** Braze's envelope: a 2xx whose `message` is not "success" is still a failure. */
const success = z.literal('success')

/** Tag and team lists may contain null (seen in real answers): drop them rather than fail the whole list. */
const nameList = z.pipe(
  z.array(z.nullable(z.string())),
  z.transform((names: (string | null)[]) => names.filter((name): name is string => name !== null)),
)

/** A row needs its id to be listed at all (it is the row's key and its link); every other field is read on its own. */
const listRowIdSchema = z.object({ id: z.string().check(z.minLength(1)) })

/** The documented list row, read in one pass: nearly every row is; only one that is not is read field by field. */
const listRowSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  analytics_tracking_enabled: z.boolean(),
  tags: z.nullish(nameList),
})

/**
 * The tracking flag sent as the text "true" or "false": an unambiguous yes or no in the wrong type, read as that
 * boolean (the row still names the field as malformed, so the reviewer sees Braze sent it oddly). Any other value is
 * unknown.
 */
const flagAsText = z.pipe(
  z.enum(['true', 'false']),
  z.transform((text: 'true' | 'false') => text === 'true'),
)

/** The documented list row, for callers that build rows from known-good data (the demo, tests). */
export interface BrazeSegmentListItem {
  id: string
  name: string
  analytics_tracking_enabled: boolean
  // Old workspaces omit the key entirely.
  tags?: string[] | null | undefined
}

/** A list page: the envelope is checked, the rows are read one by one (see readBrazeListRow). */
export const brazeSegmentsPageSchema = z.object({
  message: success,
  segments: z.array(z.unknown()),
})

/** One page of the proxy's multi-page route: Braze's body as sent, or the proxy's error object and status. */
const brazePageAnswerSchema = z.object({
  page: z.number(),
  status: z.number(),
  body: z.optional(z.unknown()),
  error: z.optional(z.unknown()),
})

/** What the proxy's multi-page route answers: one entry per page asked for, in page order. */
export const brazeSegmentPagesSchema = z.object({
  pages: z.array(brazePageAnswerSchema),
})

/** The envelope only: each detail field is read on its own, so one odd field never hides the others. */
export const brazeSegmentDetailsSchema = z.looseObject({ message: success })

export const brazeDataSeriesSchema = z.object({
  message: success,
  data: z.array(
    z.object({
      // Often a bare date, sometimes a full timestamp.
      time: z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })]),
      size: z.number().check(z.nonnegative()),
    }),
  ),
})

export type BrazeSegmentDetailsBody = z.output<typeof brazeSegmentDetailsSchema>
export type BrazeDataSeriesBody = z.output<typeof brazeDataSeriesSchema>

export interface BrazeSegmentDetails {
  id: string
  name?: string
  createdAt?: string
  updatedAt?: string
  /** Braze's human-readable description of the segment's filters. */
  description?: string
  /** The segment's own free-text description: null when Braze says null, undefined when the workspace omits it. */
  textDescription?: string | null
  tags: string[]
  teams?: string[]
  /** Braze's names of the fields whose value could not be read (an unreadable date, a list that is not one). */
  malformed?: readonly string[]
  /**
   * When Braze gave this answer (ISO), if the audit server served the one it keeps for the team (up to a day old, or as
   * long as it is told) rather than asking Braze; absent for Braze's answer now.
   */
  keptAt?: string
}

/** A date Braze sent that is not one: the details did load, so it is said as such, never as "not loaded". */
export const UNREADABLE_DATE = 'unreadable' as const
export type UnreadableDate = typeof UNREADABLE_DATE

/** Braze's names of the detail dates, as `malformed` lists them. */
const DATE_FIELDS = { createdAt: 'created_at', updatedAt: 'updated_at' } as const

/** A date of loaded details: the date, UNREADABLE_DATE, or NOT_PROVIDED when Braze sent none. */
export function brazeDetailsDate(
  details: BrazeSegmentDetails,
  field: keyof typeof DATE_FIELDS,
): string | UnreadableDate | typeof NOT_PROVIDED {
  return details[field] ?? (details.malformed?.includes(DATE_FIELDS[field]) ? UNREADABLE_DATE : NOT_PROVIDED)
}

/** A segment's tags: the list's, else (older workspaces' lists omit them) its loaded details', as its page says. */
export const brazeTags = (segment: Segment, details?: BrazeSegmentDetails): Segment['tags'] =>
  segment.tags === NOT_PROVIDED && details ? details.tags : segment.tags

export interface BrazeSizePoint {
  /** YYYY-MM-DD */
  time: string
  size: number
}

/** Reads one field of a provider record; an ill-fitting value is noted under its name instead of failing the record. */
function fieldReader(record: Record<string, unknown>, malformed: string[]) {
  return <S extends z.ZodMiniType>(name: string, schema: S): z.output<S> | undefined => {
    const result = schema.safeParse(record[name])
    if (result.success) return result.data
    malformed.push(name)
    return undefined
  }
}

export function toBrazeSegment(item: BrazeSegmentListItem): Segment {
  return {
    key: segmentKey('braze', item.id),
    provider: 'braze',
    id: item.id,
    name: item.name,
    // An omitted key means the workspace does not report tags, which is not the same as "no tags".
    tags: item.tags ?? NOT_PROVIDED,
    analyticsTracking: item.analytics_tracking_enabled,
  }
}

/**
 * One list row as far as it reads: a field that breaks the documented shape is left out and named in `malformed`,
 * rather than failing its page and the whole list. A row without an id cannot be shown or linked: undefined.
 */
export function readBrazeListRow(row: unknown): Segment | undefined {
  // One parse for a documented row instead of four (12,000 rows: ~70 → ~17 ms in Node on this machine).
  const whole = listRowSchema.safeParse(row)
  if (whole.success) return toBrazeSegment(whole.data)
  const identified = listRowIdSchema.safeParse(row)
  if (!identified.success) return undefined
  const malformed: string[] = []
  const fields = row as Record<string, unknown>
  const read = fieldReader(fields, malformed)
  const name = read('name', z.string())
  const tracking =
    read('analytics_tracking_enabled', z.boolean()) ?? flagAsText.safeParse(fields.analytics_tracking_enabled).data
  const tags = read('tags', z.nullish(nameList))
  return {
    key: segmentKey('braze', identified.data.id),
    provider: 'braze',
    id: identified.data.id,
    name: name ?? '',
    tags: tags ?? NOT_PROVIDED,
    analyticsTracking: tracking ?? NOT_PROVIDED,
    ...(malformed.length > 0 ? { malformed } : {}),
  }
}

const optionalText = z.nullish(z.string())
const isPresent = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null

/**
 * The form every browser reads alike: kept as Braze sent it, as is a calendar day (`2024-12-10`, a day rather than an
 * instant). Any other ISO 8601 form is rewritten to it.
 */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/

export function toBrazeSegmentDetails(id: string, body: BrazeSegmentDetailsBody): BrazeSegmentDetails {
  const malformed: string[] = []
  const read = fieldReader(body, malformed)
  const date = (name: string): string | undefined => {
    const text = read(name, optionalText)
    if (text === undefined || text === null) return undefined
    if ((RFC_3339.test(text) && normaliseIsoDate(text) !== undefined) || isCalendarDay(text)) return text
    const instant = normaliseIsoDate(text)
    if (instant === undefined) malformed.push(name)
    return instant
  }
  const createdAt = date('created_at')
  const updatedAt = date('updated_at')
  const name = read('name', optionalText)
  const description = read('description', optionalText)
  const textDescription = read('text_description', optionalText)
  const teams = read('teams', z.nullish(nameList))
  // Only the fields that came: an omitted key stays absent (a null text_description is kept: "empty", not "unknown").
  const details: BrazeSegmentDetails = {
    id,
    ...(isPresent(name) ? { name } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    ...(isPresent(description) ? { description } : {}),
    ...(textDescription !== undefined ? { textDescription } : {}),
    tags: read('tags', z.nullish(nameList)) ?? [],
    ...(isPresent(teams) ? { teams } : {}),
  }
  if (malformed.length > 0) details.malformed = malformed
  return details
}

export function toBrazeSizeSeries(body: BrazeDataSeriesBody): BrazeSizePoint[] {
  // The calendar day as Braze labels it: slicing keeps the timestamp's own offset instead of shifting it to UTC.
  return body.data.map(({ time, size }) => ({ time: time.slice(0, 10), size }))
}
