// The session for people (CSV of what was reviewed) and for machines (versioned JSON with a snapshot of the segments).
import { toCsv } from '../../lib/csv'
import { providerLabel, type ProviderId } from '../../providers/provider-error'
import { NOT_PROVIDED, type Segment } from '../../providers/segment'
import { buildSessionFile } from '../../stores/session-file'
import { VERDICT_LABELS } from '../../stores/verdict-labels'
import type { AuditEntry } from '../../stores/verdict-store'

const HEADER = ['Provider', 'ID', 'Name', 'Tags', 'Verdict', 'Note', 'Reviewer', 'Reviewed at']

function splitKey(key: string): { provider: string; id: string } {
  const colon = key.indexOf(':')
  return { provider: key.slice(0, colon), id: key.slice(colon + 1) }
}

export function sessionCsv(entries: Iterable<AuditEntry>, segments: ReadonlyMap<string, Segment>): string {
  const rows = [...entries]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((entry) => {
      const { provider, id } = splitKey(entry.key)
      const segment = segments.get(entry.key)
      const tags = !segment ? '' : segment.tags === NOT_PROVIDED ? 'not provided' : segment.tags.join('; ')
      return [
        providerLabel[provider as ProviderId] ?? provider,
        id,
        segment?.name ?? '(no longer listed)',
        tags,
        VERDICT_LABELS[entry.verdict],
        entry.note,
        entry.reviewer,
        entry.reviewedAt,
      ]
    })
  return toCsv(HEADER, rows)
}

export function sessionJson(
  entries: Iterable<AuditEntry>,
  segments: ReadonlyMap<string, Segment>,
  completeProviders: readonly ProviderId[],
  now: Date,
): string {
  const snapshot = [...segments.values()].filter((segment) => completeProviders.includes(segment.provider)).map((segment) => ({
    key: segment.key,
    name: segment.name,
    tags: segment.tags === NOT_PROVIDED ? null : [...segment.tags],
  }))
  return JSON.stringify(buildSessionFile(entries, snapshot, completeProviders, now), null, 2)
}
