// Writes one verdict (and, if given, a note added to each segment's own) to many segments through the audit's bulk
// route: each segment's writes are based on the versions this page has, so a segment someone changed meanwhile is
// refused and reported, not overwritten. A segment whose request failed is sent again exactly as it was sent first.
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useRef } from 'react'
import {
  BULK_MAX_WRITES,
  NOTE_MAX_LENGTH,
  type AuditEntry,
  type AuditWrite,
  type BulkAnswer,
  type Verdict,
} from './audit-contract'
import { maybeSent, sendBulkAuditWrites, writeFailureOf } from './audit-writes'
import { rememberAuditEntries } from './audit-queries'

export interface BulkReviewResult {
  /** The segments written. */
  saved: readonly string[]
  /** For each segment refused (verdict or note changed since this page's version; neither written), what it has now. */
  conflicts: readonly AuditEntry[]
  /** Who changed the refused segments meanwhile: each changed field's author, not whoever changed the segment last. */
  changedBy: readonly string[]
  /** The segments whose own note with the added one would pass the longest note the server takes: not sent. */
  tooLong: readonly string[]
  /** When a request failed: its segments and those of the requests not sent after it; and why. */
  failed?: {
    keys: readonly string[]
    error: unknown
    /**
     * Those of `keys` that may have been written all the same: the failed request's, when it was sent and no answer
     * came (or none the audit server gave). Empty when the server refused it, or the browser, offline, never sent it.
     */
    unanswered: readonly string[]
    /** The browser was offline and sent nothing: none of `keys` reached the server. */
    offline: boolean
  }
}

/**
 * Whether a failed request may have been written: only the audit server's own refusal (its reason in its answer), or
 * the browser not sending it at all, says it was not. No answer, an answer not read, or a gateway's error page may
 * follow a write the server committed.
 */
function mayHaveWritten(error: unknown): boolean {
  const failure = writeFailureOf(error)
  return maybeSent(error) && (!('status' in failure) || failure.reason === 'http')
}

/** Two writes per segment at most (verdict, note): a batch stays within what the server takes in one request. */
const SEGMENTS_PER_REQUEST = Math.floor(BULK_MAX_WRITES / 2)

/** The bulk note after the segment's own, a blank line between: what a reviewer wrote there is kept, never replaced. */
function withAddedNote(own: string, added: string): string {
  return own.trim() ? `${own.trimEnd()}\n\n${added}` : added
}

/**
 * A note's length as the server's schema counts it (zod's `maxLength`): in code points, an emoji one character where
 * `.length` counts two, a lone surrogate one. Counted here, in the bulk bar's code, rather than by importing the
 * schema: what the list page loads stays as it was.
 */
function characters(text: string): number {
  return [...text].length
}

/** What each segment's writes are based on: its entry as sent from, undefined for a segment never reviewed. */
type SentFrom = ReadonlyMap<string, AuditEntry | undefined>

function bulkWrites(keys: readonly string[], entries: SentFrom, verdict: Verdict, note: string): AuditWrite[] {
  return keys.flatMap((key): AuditWrite[] => {
    const entry = entries.get(key)
    const writes: AuditWrite[] = [{ key, field: 'verdict', value: verdict, baseVersion: entry?.verdictVersion ?? 0 }]
    // An empty note leaves each segment's own note as it is. The note's base version goes with it: a note changed
    // since this page read it is refused (with the verdict) rather than overwritten by the text added to.
    const added = note.trim()
    if (added) {
      writes.push({
        key,
        field: 'note',
        value: withAddedNote(entry?.note ?? '', added),
        baseVersion: entry?.noteVersion ?? 0,
      })
    }
    return writes
  })
}

/**
 * Who changed a refused segment since this page read it (`seen`): the verdict's author if its verdict changed, the
 * note's if a note was written and the segment's note changed. A note edited after someone's verdict does not make its
 * writer the one whose verdict stopped this one.
 */
function changedBy(now: AuditEntry, seen: AuditEntry | undefined, wroteNote: boolean): string[] {
  const names: string[] = []
  if (now.verdictVersion !== (seen?.verdictVersion ?? 0) && now.verdictBy) names.push(now.verdictBy)
  if (wroteNote && now.noteVersion !== (seen?.noteVersion ?? 0) && now.noteBy) names.push(now.noteBy)
  return names.length > 0 ? names : [now.reviewer]
}

export function useBulkReview(reviewer: string, entries: ReadonlyMap<string, AuditEntry>) {
  const queryClient = useQueryClient()
  // The entry each segment of a failed request was sent from, until an answer settles it (saved or refused). The
  // request may have been written with no answer coming back, and the page's poll brings what it wrote: based on that,
  // a second press would add the note twice, or, based on a colleague's verdict set since, overwrite it. Sent again
  // from the same entries, it is the same request: the server takes what it already has as saved, and refuses what
  // someone changed since. Kept as long as the bar is there: clearing the selection closes the bar, and forgets it.
  const failedFrom = useRef(new Map<string, AuditEntry | undefined>())
  return useCallback(
    async (keys: readonly string[], verdict: Verdict, note: string): Promise<BulkReviewResult> => {
      const retried = failedFrom.current
      const sentFrom: SentFrom = new Map(
        keys.map((key) => [key, retried.has(key) ? retried.get(key) : entries.get(key)]),
      )
      const added = note.trim()
      // Neither field is sent for these: the server would refuse the whole request for one note too long.
      const tooLong = added
        ? keys.filter((key) => characters(withAddedNote(sentFrom.get(key)?.note ?? '', added)) > NOTE_MAX_LENGTH)
        : []
      const sent = tooLong.length === 0 ? keys : keys.filter((key) => !tooLong.includes(key))
      const conflicts = new Map<string, AuditEntry>()
      const savedUpTo = (end: number) => sent.slice(0, end).filter((key) => !conflicts.has(key))
      const refused = () => ({
        tooLong,
        conflicts: [...conflicts.values()],
        changedBy: [
          ...new Set(
            [...conflicts.values()].flatMap((now) => changedBy(now, sentFrom.get(now.key), note.trim() !== '')),
          ),
        ],
      })
      for (let start = 0; start < sent.length; start += SEGMENTS_PER_REQUEST) {
        const batch = sent.slice(start, start + SEGMENTS_PER_REQUEST)
        let answer: BulkAnswer
        try {
          answer = await sendBulkAuditWrites(bulkWrites(batch, sentFrom, verdict, note), reviewer)
        } catch (error) {
          // The earlier requests' writes stand; this one's are not known or not written, the rest's not written.
          const unsettled = sent.slice(start)
          for (const key of unsettled) retried.set(key, sentFrom.get(key))
          return {
            saved: savedUpTo(start),
            ...refused(),
            failed: {
              keys: unsettled,
              error,
              unanswered: mayHaveWritten(error) ? batch : [],
              offline: !maybeSent(error),
            },
          }
        }
        // What the server has now, saved or not: a second try is then based on the versions it refused.
        rememberAuditEntries(queryClient, [...answer.saved, ...answer.conflicts])
        for (const entry of [...answer.saved, ...answer.conflicts]) retried.delete(entry.key)
        for (const entry of answer.conflicts) conflicts.set(entry.key, entry)
      }
      return { saved: savedUpTo(sent.length), ...refused() }
    },
    [queryClient, reviewer, entries],
  )
}
