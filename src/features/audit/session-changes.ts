// "Changed since the last audit": the segments listed now against the previous session's snapshot, provider by
// provider, for the providers whose whole list is known on both sides.
import { splitSegmentKey, type ProviderId } from '../../providers/provider-id'
import { NOT_PROVIDED, type Segment } from '../../providers/segment'
import type { AuditBaseline } from '../../stores/audit-baseline'
import type { SessionSegment } from '../../stores/session-file'

interface Retagged {
  segment: Segment
  added: string[]
  removed: string[]
}

export interface SessionChanges {
  /** Providers complete in both the snapshot and the current lists: the only ones compared. */
  providers: ProviderId[]
  added: Segment[]
  gone: SessionSegment[]
  renamed: { segment: Segment; previousName: string }[]
  retagged: Retagged[]
}

export function compareWithBaseline(
  baseline: AuditBaseline,
  segments: readonly Segment[],
  completeProviders: readonly ProviderId[],
): SessionChanges {
  const providers = baseline.providers.filter((provider) => completeProviders.includes(provider))
  const compared = (key: string) => (providers as string[]).includes(splitSegmentKey(key).provider)
  const before = new Map(
    baseline.segments.filter((segment) => compared(segment.key)).map((segment) => [segment.key, segment]),
  )
  const now = segments.filter((segment) => compared(segment.key))
  const nowKeys = new Set(now.map((segment) => segment.key))
  const changes: SessionChanges = { providers, added: [], gone: [], renamed: [], retagged: [] }
  for (const segment of now) {
    const previous = before.get(segment.key)
    if (!previous) {
      changes.added.push(segment)
      continue
    }
    // A name that did not read (a malformed answer, now or then) says nothing about a rename.
    if (previous.name !== segment.name && previous.name !== '' && segment.name !== '') {
      changes.renamed.push({ segment, previousName: previous.name })
    }
    // Tags unknown on either side (an old workspace, or Commanders Act) say nothing about a change.
    if (previous.tags !== null && segment.tags !== NOT_PROVIDED) {
      const was = new Set(previous.tags)
      const is = new Set(segment.tags)
      const added = [...is].filter((tag) => !was.has(tag))
      const removed = [...was].filter((tag) => !is.has(tag))
      if (added.length > 0 || removed.length > 0) changes.retagged.push({ segment, added, removed })
    }
  }
  for (const [key, segment] of before) if (!nowKeys.has(key)) changes.gone.push(segment)
  return changes
}
