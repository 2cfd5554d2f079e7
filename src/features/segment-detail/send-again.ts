// A write of the Audit card that got no answer from the audit server — the write itself, or a poll failing since the
// server's last answer — waits for the server, and goes again by itself once the server answers after it. One refused
// by a server that answered waits for the reviewer instead. The verdict and the note follow this one rule.
import { useEffect, useEffectEvent } from 'react'
import { writeFailureOf } from '../../stores/audit-writes'

/** What the page knows of the audit server, from its poll of the team's entries. */
export interface AuditReach {
  /** The entries have been read once: a write can be based on them (a later failed poll does not undo that). */
  loaded: boolean
  /** When the server last answered with the entries (a poll, or a write's answer put in them); 0 before. */
  answeredAt: number
  /** When a poll last went unanswered; 0 if none has. */
  failedAt: number
}

/** A write that failed, with the server's last answer before it (a later one says the server answers again). */
export interface FailedWrite {
  error: unknown
  answeredAt: number
}

/** Whether `failed` waits for the server; when it does, `sendAgain` is called once the server answers after it. */
export function useSendAgainWhenAnswered<F extends FailedWrite>(
  failed: F | undefined,
  reach: AuditReach,
  sendAgain: (failed: F) => void,
): boolean {
  const waits =
    failed !== undefined &&
    (writeFailureOf(failed.error).reason === 'unreachable' || reach.failedAt > failed.answeredAt)
  const onAnswer = useEffectEvent(sendAgain)
  useEffect(() => {
    if (waits && failed && reach.answeredAt > failed.answeredAt) onAnswer(failed)
  }, [waits, failed, reach.answeredAt])
  return waits
}
