// The one normalised Segment model both providers map into; the table, search and findings read only this.
import type { ProviderId } from './provider-id'

/** A field the provider does not supply: shown as "not provided", never as an empty value. */
export const NOT_PROVIDED = 'not-provided' as const
export type NotProvided = typeof NOT_PROVIDED

export interface Segment {
  /** `segmentKey(provider, id)`: the two providers' ids may collide. */
  key: string
  provider: ProviderId
  id: string
  name: string
  tags: readonly string[] | NotProvided
  analyticsTracking: boolean | NotProvided
  /** The provider's names of fields its answer got wrong; the row shows what did read, marked "malformed answer". */
  malformed?: readonly string[]
}

/** The segment's detail page in this app: the list, the audit page and the navigation all link there. */
export function segmentPath(segment: Pick<Segment, 'provider' | 'id'>): string {
  return `/segments/${segment.provider}/${encodeURIComponent(segment.id)}`
}
