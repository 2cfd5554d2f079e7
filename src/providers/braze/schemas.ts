// Braze answer shapes (zod) and their mapping into the app's types: lenient where Braze varies, strict elsewhere.
import { z } from 'zod/mini'
import { NOT_PROVIDED, segmentKey, type Segment } from '../segment'

/** Braze's envelope: a 2xx whose `message` is not "success" is still a failure. */
const success = z.literal('success')

/** Tag and team lists may contain null (seen in real answers): drop them rather than fail the whole list. */
const nameList = z.pipe(
  z.array(z.nullable(z.string())),
  z.transform((names: (string | null)[]) => names.filter((name): name is string => name !== null)),
)

export const brazeSegmentListItemSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  analytics_tracking_enabled: z.boolean(),
  // Old workspaces omit the key entirely.
  tags: z.nullish(nameList),
})

export const brazeSegmentsPageSchema = z.object({
  message: success,
  segments: z.array(brazeSegmentListItemSchema),
})

/** What the proxy's multi-page route answers: several list pages, each exactly as Braze gave it, in page order. */
export const brazeSegmentPagesSchema = z.object({
  pages: z.array(brazeSegmentsPageSchema),
})

/** With or without milliseconds, `Z` or an offset. */
const isoDateTime = z.iso.datetime({ offset: true })

export const brazeSegmentDetailsSchema = z.object({
  message: success,
  name: z.nullish(z.string()),
  created_at: z.nullish(isoDateTime),
  updated_at: z.nullish(isoDateTime),
  description: z.nullish(z.string()),
  // Added later by Braze: older workspaces omit it.
  text_description: z.nullish(z.string()),
  tags: z.nullish(nameList),
  teams: z.nullish(nameList),
})

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

export type BrazeSegmentListItem = z.output<typeof brazeSegmentListItemSchema>
export type BrazeSegmentsPage = z.output<typeof brazeSegmentsPageSchema>
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
}

export interface BrazeSizePoint {
  /** YYYY-MM-DD */
  time: string
  size: number
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

export function toBrazeSegmentDetails(id: string, body: BrazeSegmentDetailsBody): BrazeSegmentDetails {
  return {
    id,
    name: body.name ?? undefined,
    createdAt: body.created_at ?? undefined,
    updatedAt: body.updated_at ?? undefined,
    description: body.description ?? undefined,
    textDescription: body.text_description,
    tags: body.tags ?? [],
    teams: body.teams ?? undefined,
  }
}

export function toBrazeSizeSeries(body: BrazeDataSeriesBody): BrazeSizePoint[] {
  // The calendar day as Braze labels it: slicing keeps the timestamp's own offset instead of shifting it to UTC.
  return body.data.map(({ time, size }) => ({ time: time.slice(0, 10), size }))
}
