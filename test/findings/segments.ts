// Findings-test segment builders: Braze rows as the list maps them, Commanders Act rows with what it never supplies.
import { segmentKey } from '../../src/providers/provider-id'
import { NOT_PROVIDED, type Segment } from '../../src/providers/segment'

export function braze(
  id: string,
  name: string,
  fields: Partial<Pick<Segment, 'tags' | 'analyticsTracking'>> = {},
): Segment {
  return {
    key: segmentKey('braze', id),
    provider: 'braze',
    id,
    name,
    tags: ['crm'],
    analyticsTracking: true,
    ...fields,
  }
}

export function commandersAct(id: string, name: string): Segment {
  return {
    key: segmentKey('commanders-act', id),
    provider: 'commanders-act',
    id,
    name,
    tags: NOT_PROVIDED,
    analyticsTracking: NOT_PROVIDED,
  }
}
