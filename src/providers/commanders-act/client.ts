// Commanders Act through the proxy: the segment list and the segments one visitor belongs to.
import { requestProviderJson, type ProviderRequestOptions } from '../request'
import type { Segment } from '../segment'
import { commandersActSegmentListSchema, commandersActVisitorSchema, toCommandersActSegment } from './schemas'

export async function fetchCommandersActSegments(options: ProviderRequestOptions = {}): Promise<Segment[]> {
  const items = await requestProviderJson(
    'commanders-act',
    '/api/commanders-act/segments/list',
    {},
    commandersActSegmentListSchema,
    options,
  )
  // Row keys must be unique: a repeated id (undocumented, but cheap to guard against) keeps its first entry.
  const seen = new Set<string>()
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id)).map(toCommandersActSegment)
}

/** Ids of the segments the visitor `tcid` (digits) belongs to. */
export async function fetchVisitorSegmentIds(tcid: string, options: ProviderRequestOptions = {}): Promise<string[]> {
  const body = await requestProviderJson(
    'commanders-act',
    '/api/commanders-act/segments',
    { tcid },
    commandersActVisitorSchema,
    options,
  )
  return body.segmentIds
}
