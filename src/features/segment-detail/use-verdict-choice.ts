// A segment's verdict as chosen on its page: shown at once, written one at a time, and not lost to a server that does
// not answer. Until the server has it, it is kept in this tab as a draft: sent again when the server answers, sent on
// leaving in a request that outlives the page, and sent again by the next visit if that one never arrived. Each is
// sent on the version it was chosen on, so a colleague's change since is shown as a conflict, never overwritten.
import { useEffect, useRef, useState } from 'react'
import { announceVerdictSaved, trackVerdictWrite } from '../../lib/verdict-events'
import type { AuditEntry, Verdict } from '../../stores/audit-contract'
import { verdictDrafts } from '../../stores/audit-draft'
import type { WriteResult } from '../../stores/audit-writes'
import { useSendAgainWhenAnswered, type AuditReach } from './send-again'
import type { AuditWriter } from './use-audit-writer'

export type VerdictStatus =
  | { kind: 'idle' }
  | { kind: 'saving'; verdict: Verdict }
  /** `version`: the verdict version this write made. */
  | { kind: 'saved'; verdict: Verdict; version: number }
  /** Saved, then replaced from elsewhere (another reviewer, another tab): `theirs` holds the verdict now shown. */
  | { kind: 'replaced'; mine: Verdict; theirs: AuditEntry }
  /** `base`: the version it was written on; `answeredAt`: the server's last answer before this failure; `announce`:
   *  whether, once saved, it tells the list navigation. */
  | { kind: 'failed'; error: unknown; verdict: Verdict; base: number; answeredAt: number; announce: boolean }
  | { kind: 'conflict'; mine: Verdict; theirs: AuditEntry }

type Outcome = { result: WriteResult } | { error: unknown; base: number }

interface Sent {
  verdict: Verdict
  base: number
}

export function useVerdictChoice(
  segmentKey: string,
  entry: AuditEntry | undefined,
  reach: AuditReach,
  write: AuditWriter,
  reviewer: string,
) {
  const [status, setStatus] = useState<VerdictStatus>({ kind: 'idle' })
  const ready = Boolean(reviewer) && reach.loaded
  // "Saved" spoke of the verdict this tab wrote: a newer one from elsewhere, now shown, is said to be theirs.
  if (status.kind === 'saved' && entry && entry.verdictVersion > status.version)
    setStatus({ kind: 'replaced', mine: status.verdict, theirs: entry })
  const answeredAt = useRef(reach.answeredAt)
  /** This page's verdict writes that got no answer since the last one that did: the server may have made them all the
   *  same, the answer lost on its way back. */
  const unanswered = useRef<Sent[]>([])

  /**
   * Writes `chosen` on `base`, in a request that outlives the page (a reload or a closed tab does not cancel it). When
   * the server refuses it for a verdict of this reviewer's that this page sent on that base and never heard back about,
   * nobody else changed anything: it goes again on the version that write made.
   */
  const writeOn = async (chosen: Verdict, base: number): Promise<Outcome> => {
    verdictDrafts.keep(segmentKey, { value: chosen, baseVersion: base })
    let result: WriteResult
    try {
      result = await write({ key: segmentKey, field: 'verdict', value: chosen, baseVersion: base }, { keepalive: true })
    } catch (error) {
      unanswered.current.push({ verdict: chosen, base })
      return { error, base }
    }
    const lost = unanswered.current
    unanswered.current = []
    const theirs = result.entry
    const ownLost =
      result.kind === 'conflict' &&
      theirs.verdictBy === reviewer &&
      lost.some((sent) => sent.verdict === theirs.verdict && sent.base + 1 === theirs.verdictVersion)
    return ownLost ? writeOn(chosen, theirs.verdictVersion) : { result }
  }
  const writeOnRef = useRef(writeOn)
  useEffect(() => {
    writeOnRef.current = writeOn
    answeredAt.current = reach.answeredAt
  })

  // One verdict write at a time: a key pressed while the last verdict is on its way is a change of mind, based on the
  // version that write left, not a conflict with oneself. Each link of the chain passes on the version it saved.
  const writes = useRef<Promise<number>>(Promise.resolve(0))
  const latestChoice = useRef(0)
  /** `announce`: a saved verdict tells the list navigation, whose review queue then moves on. */
  const send = (chosen: Verdict, { base, announce = true }: { base?: number; announce?: boolean } = {}) => {
    setStatus({ kind: 'saving', verdict: chosen })
    const choice = (latestChoice.current += 1)
    const seen = entry?.verdictVersion ?? 0
    // Kept before it is sent: a reload while an earlier write is still on its way does not lose it.
    verdictDrafts.keep(segmentKey, { value: chosen, baseVersion: base ?? seen })
    const sent = writes.current.then(async (ownVersion) => {
      // Overtaken by a later choice before it was sent: only the last one is written.
      if (choice !== latestChoice.current) return { version: ownVersion, saved: false }
      const outcome = await writeOn(chosen, base ?? Math.max(seen, ownVersion))
      if ('error' in outcome) {
        if (choice === latestChoice.current)
          setStatus({
            kind: 'failed',
            error: outcome.error,
            verdict: chosen,
            base: outcome.base,
            answeredAt: answeredAt.current,
            announce,
          })
        return { version: 0, saved: false }
      }
      const { result } = outcome
      // Saved, or refused for a colleague's change now shown beside it: a draft no longer either way.
      verdictDrafts.drop(segmentKey, chosen)
      const saved = result.kind === 'saved'
      if (choice === latestChoice.current) {
        setStatus(
          saved
            ? { kind: 'saved', verdict: chosen, version: result.entry.verdictVersion }
            : { kind: 'conflict', mine: chosen, theirs: result.entry },
        )
        if (saved && announce) announceVerdictSaved(segmentKey)
      }
      return { version: saved ? result.entry.verdictVersion : 0, saved }
    })
    writes.current = sent.then(({ version }) => version)
    // Previous and Next wait for it: leaving now would leave its failure unsaid.
    trackVerdictWrite(
      segmentKey,
      sent.then(({ saved }) => saved),
    )
  }

  const sendRef = useRef(send)
  useEffect(() => {
    sendRef.current = send
  })

  // As for the note: a verdict the server never answered goes again, on the base it had, once the server answers.
  const waits = useSendAgainWhenAnswered(status.kind === 'failed' ? status : undefined, reach, (failed) =>
    send(failed.verdict, { base: failed.base, announce: failed.announce }),
  )
  // A failure the server answered is the reviewer's to retry (the card says so), not a draft to send again later.
  useEffect(() => {
    if (status.kind !== 'failed') return
    if (waits) verdictDrafts.keep(segmentKey, { value: status.verdict, baseVersion: status.base })
    else verdictDrafts.drop(segmentKey, status.verdict)
  }, [status, waits, segmentKey])

  // A verdict left by a visit whose write never arrived: once the audit has loaded, sent again on its base (a
  // colleague's change since then shows as a conflict), or dropped if the server has it already. Not announced: the
  // review queue moves on from a verdict chosen on this visit only, not from the page the reviewer just opened.
  const draftChecked = useRef(false)
  useEffect(() => {
    if (!ready || draftChecked.current) return
    draftChecked.current = true
    const draft = verdictDrafts.read(segmentKey)
    if (!draft) return
    if (draft.value === (entry?.verdict ?? 'unreviewed')) verdictDrafts.drop(segmentKey, draft.value)
    else sendRef.current(draft.value, { base: draft.baseVersion, announce: false })
  })

  // Leaving the page (reload, close) or the route with a verdict waiting for the server: it goes out in a request that
  // outlives the page; should that get no answer either, the draft stays for the next visit.
  const waiting = useRef<Sent | undefined>(undefined)
  useEffect(() => {
    waiting.current = status.kind === 'failed' && waits ? { verdict: status.verdict, base: status.base } : undefined
  })
  useEffect(() => {
    const sendOnLeave = () => {
      const pending = waiting.current
      if (!pending) return
      void writeOnRef.current(pending.verdict, pending.base).then((outcome) => {
        if ('result' in outcome && outcome.result.kind === 'saved') verdictDrafts.drop(segmentKey, pending.verdict)
      })
    }
    window.addEventListener('pagehide', sendOnLeave)
    return () => {
      window.removeEventListener('pagehide', sendOnLeave)
      sendOnLeave()
    }
  }, [segmentKey])

  return {
    /** The verdict to show: the one chosen while it is written or waits for the server, else the server's. */
    verdict:
      status.kind === 'saving' || (status.kind === 'failed' && waits)
        ? status.verdict
        : (entry?.verdict ?? 'unreviewed'),
    status,
    /** A failed write that goes out again by itself once the server answers: nothing for the reviewer to do. */
    waitsForServer: waits,
    ready,
    choose: (chosen: Verdict) => {
      if (ready) send(chosen)
    },
  }
}
