// Writes one verdict (and, if given, one note) to many segments through the audit's bulk route: each segment's write
// is based on the version this page has, so a segment someone changed meanwhile is refused and reported, not overwritten.
import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import {
  BULK_MAX_WRITES,
  type AuditEntry,
  type AuditWrite,
  type BulkAnswer,
  type Verdict,
} from '../../stores/audit-contract'
import { sendBulkAuditWrites } from '../../stores/audit-writes'
import { rememberAuditEntries } from '../../stores/audit-queries'

export interface BulkReviewResult {
  /** The segments written. */
  saved: readonly string[]
  /** For each segment refused (verdict or note changed since this page's version), what the server has now. */
  conflicts: readonly AuditEntry[]
  /** When a request failed: its segments and those of the requests not sent after it, none saved; and why. */
  failed?: { keys: readonly string[]; error: unknown }
}

/** Two writes per segment at most (verdict, note): a batch stays within what the server takes in one request. */
const SEGMENTS_PER_REQUEST = Math.floor(BULK_MAX_WRITES / 2)

function bulkWrites(
  keys: readonly string[],
  entries: ReadonlyMap<string, AuditEntry>,
  verdict: Verdict,
  note: string,
): AuditWrite[] {
  return keys.flatMap((key): AuditWrite[] => {
    const entry = entries.get(key)
    const writes: AuditWrite[] = [{ key, field: 'verdict', value: verdict, baseVersion: entry?.verdictVersion ?? 0 }]
    // An empty note leaves each segment's own note as it is.
    if (note.trim()) writes.push({ key, field: 'note', value: note, baseVersion: entry?.noteVersion ?? 0 })
    return writes
  })
}

export function useBulkReview(reviewer: string, entries: ReadonlyMap<string, AuditEntry>) {
  const queryClient = useQueryClient()
  return useCallback(
    async (keys: readonly string[], verdict: Verdict, note: string): Promise<BulkReviewResult> => {
      const conflicts = new Map<string, AuditEntry>()
      const savedUpTo = (end: number) => keys.slice(0, end).filter((key) => !conflicts.has(key))
      for (let start = 0; start < keys.length; start += SEGMENTS_PER_REQUEST) {
        const batch = keys.slice(start, start + SEGMENTS_PER_REQUEST)
        let answer: BulkAnswer
        try {
          answer = await sendBulkAuditWrites(bulkWrites(batch, entries, verdict, note), reviewer)
        } catch (error) {
          // The earlier requests' writes stand; this one and the rest were not written, so the caller can say both.
          return {
            saved: savedUpTo(start),
            conflicts: [...conflicts.values()],
            failed: { keys: keys.slice(start), error },
          }
        }
        // What the server has now, saved or not: a second try is then based on the versions it refused.
        rememberAuditEntries(queryClient, [...answer.saved, ...answer.conflicts])
        for (const entry of answer.conflicts) conflicts.set(entry.key, entry)
      }
      return { saved: savedUpTo(keys.length), conflicts: [...conflicts.values()] }
    },
    [queryClient, reviewer, entries],
  )
}
