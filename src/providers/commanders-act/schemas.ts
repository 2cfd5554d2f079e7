// Commanders Act answer shapes (zod) and their mapping into Segment: a bare array, two documented fields.
import { z } from 'zod/mini'
import { segmentKey } from '../provider-id'
import { NOT_PROVIDED, type Segment } from '../segment'

const commandersActSegmentSchema = z.object({
  // Documented as 8 upper-case hex characters; any non-empty string passes, so a format change does not hide the list.
  id: z.string().check(z.minLength(1)),
  label: z.string(),
})

/** No envelope and no paging: anything but an array is an error. Extra fields are ignored. */
export const commandersActSegmentListSchema = z.array(commandersActSegmentSchema)

/** The proxy's conversion of the visitor JSONP answer. */
export const commandersActVisitorSchema = z.object({
  segmentIds: z.array(z.string()),
})

export type CommandersActSegmentItem = z.output<typeof commandersActSegmentSchema>

export function toCommandersActSegment(item: CommandersActSegmentItem): Segment {
  return {
    key: segmentKey('commanders-act', item.id),
    provider: 'commanders-act',
    id: item.id,
    name: item.label,
    tags: NOT_PROVIDED,
    analyticsTracking: NOT_PROVIDED,
  }
}
