// The note being edited: saved a moment after typing stops, on leaving the field, and on leaving the page (a request
// that outlives the page, plus a draft in sessionStorage that the next visit sends again if that request never
// arrived). A write based on an older note than the server's is not forced: the reviewer sees both and chooses. A save
// the server never answered is sent again by itself once the server answers again.
import { useEffect, useRef, useState } from 'react'
import { NOTE_MAX_LENGTH, type AuditEntry } from '../../stores/audit-contract'
import { noteDrafts } from '../../stores/audit-draft'
import { useSendAgainWhenAnswered, type AuditReach } from './send-again'
import type { AuditWriter } from './use-audit-writer'

export const NOTE_DEBOUNCE_MS = 600
/** From how few characters left the field says how many: a long paste cut at the limit is then no surprise. */
const NOTE_COUNT_FROM_LEFT = 1_000

export type NoteStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  /** `version`: the note version this save made. */
  | { kind: 'saved'; version: number }
  /** Saved, then replaced from elsewhere (another reviewer, another tab): `theirs` is the note now in the field. */
  | { kind: 'replaced'; theirs: AuditEntry }
  /** `answeredAt`: the server's last answer before this failure (a later one says it answers again). */
  | { kind: 'failed'; error: unknown; base: number; answeredAt: number }
  /** The server's note changed since this one was started: `theirs` is what it holds now. */
  | { kind: 'conflict'; theirs: AuditEntry }

interface Editing {
  text: string
  /** The server's note version this text was started from. */
  base: number
  dirty: boolean
}

export function useNoteEditor(
  segmentKey: string,
  entry: AuditEntry | undefined,
  reach: AuditReach,
  write: AuditWriter,
) {
  const { loaded } = reach
  const [editing, setEditing] = useState<Editing>({
    text: entry?.note ?? '',
    base: entry?.noteVersion ?? 0,
    dirty: false,
  })
  const [status, setStatus] = useState<NoteStatus>({ kind: 'idle' })
  const [seenEntry, setSeenEntry] = useState(entry)
  const latest = useRef(editing)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  /** The note write on its way, if any: a write on leaving is based on the version it will make. */
  const inFlight = useRef<{ text: string; base: number } | undefined>(undefined)
  const latestReach = useRef(reach)

  // Someone else's change (another tab, another reviewer) shows at once, unless the reviewer is typing here.
  if (entry !== seenEntry) {
    setSeenEntry(entry)
    if (!editing.dirty) setEditing({ text: entry?.note ?? '', base: entry?.noteVersion ?? 0, dirty: false })
    // "Saved" spoke of the note this tab wrote: the one now in the field is someone else's, or another tab's.
    if (status.kind === 'saved' && entry && entry.noteVersion > status.version)
      setStatus({ kind: 'replaced', theirs: entry })
  }
  useEffect(() => {
    latest.current = editing
    latestReach.current = reach
  })

  const save = async (based?: number) => {
    clearTimeout(timer.current)
    const sent = { ...latest.current, base: based ?? latest.current.base }
    if (!sent.dirty && based === undefined) return
    setStatus({ kind: 'saving' })
    inFlight.current = sent
    try {
      // keepalive: a reload or a closed tab does not cancel a save already under way.
      const result = await write(
        { key: segmentKey, field: 'note', value: sent.text, baseVersion: sent.base },
        { keepalive: true },
      )
      if (result.kind === 'conflict') {
        setStatus({ kind: 'conflict', theirs: result.entry })
        return
      }
      noteDrafts.drop(segmentKey, sent.text)
      const stillSame = latest.current.text === sent.text
      setEditing((now) => ({ text: now.text, base: result.entry.noteVersion, dirty: !stillSame }))
      latest.current = { text: latest.current.text, base: result.entry.noteVersion, dirty: !stillSame }
      setStatus(stillSame ? { kind: 'saved', version: result.entry.noteVersion } : { kind: 'idle' })
    } catch (error) {
      setStatus({ kind: 'failed', error, base: sent.base, answeredAt: latestReach.current.answeredAt })
    } finally {
      if (inFlight.current === sent) inFlight.current = undefined
    }
  }
  const saveRef = useRef(save)
  useEffect(() => {
    saveRef.current = save
  })

  const change = (text: string) => {
    const base = latest.current.dirty ? latest.current.base : (entry?.noteVersion ?? 0)
    const next = { text, base, dirty: true }
    latest.current = next
    setEditing(next)
    noteDrafts.keep(segmentKey, { value: text, baseVersion: base })
    if (status.kind !== 'conflict') setStatus({ kind: 'idle' })
    clearTimeout(timer.current)
    if (status.kind !== 'conflict') timer.current = setTimeout(() => void saveRef.current(), NOTE_DEBOUNCE_MS)
  }

  // A save the server never answered goes again, on the base it had, once the server answers.
  const waitsForServer = useSendAgainWhenAnswered(status.kind === 'failed' ? status : undefined, reach, (failed) => {
    void save(failed.base)
  })

  /** After a conflict: replace the server's note with this one. */
  const keepMine = (theirs: AuditEntry) => void save(theirs.noteVersion)
  /** After a conflict: drop this text and take the server's note. */
  const takeTheirs = (theirs: AuditEntry) => {
    noteDrafts.drop(segmentKey, latest.current.text)
    const next = { text: theirs.note, base: theirs.noteVersion, dirty: false }
    latest.current = next
    setEditing(next)
    setStatus({ kind: 'idle' })
  }

  // A draft left by a visit whose write never arrived: taken up once the audit has loaded, then sent again (or shown
  // beside the server's newer note if someone changed it since).
  const [draftChecked, setDraftChecked] = useState(false)
  if (loaded && !draftChecked) {
    setDraftChecked(true)
    const draft = noteDrafts.read(segmentKey)
    if (draft && draft.value !== (entry?.note ?? ''))
      setEditing({ text: draft.value, base: draft.baseVersion, dirty: true })
  }
  useEffect(() => {
    if (!draftChecked) return
    if (latest.current.dirty) void saveRef.current()
    else noteDrafts.drop(segmentKey, latest.current.text)
  }, [draftChecked, segmentKey])

  // Leaving the page (reload, close) or the route: what was typed goes out in a request that outlives the page.
  useEffect(() => {
    const flushOnLeave = () => {
      const { text, dirty } = latest.current
      if (!dirty) return
      clearTimeout(timer.current)
      const pending = inFlight.current
      if (pending?.text === text) return
      // With a write on its way, this one is based on the version that write will make, and on its text: should
      // someone else's write have made that version instead, the server refuses this one rather than overwrite theirs.
      const based = pending
        ? { baseVersion: pending.base + 1, baseValue: pending.text }
        : { baseVersion: latest.current.base }
      write({ key: segmentKey, field: 'note', value: text, ...based }, { keepalive: true }).then(
        (result) => {
          if (result.kind === 'saved') noteDrafts.drop(segmentKey, text)
        },
        // The draft stays in sessionStorage: the next visit sends it again.
        () => {},
      )
    }
    window.addEventListener('pagehide', flushOnLeave)
    return () => {
      window.removeEventListener('pagehide', flushOnLeave)
      flushOnLeave()
    }
  }, [segmentKey, write])

  // Counted in UTF-16 units, as the field's maxLength is: never more than the server's count (in code points).
  const left = Math.max(0, NOTE_MAX_LENGTH - editing.text.length)
  return {
    text: editing.text,
    /** The field takes no more than the server keeps, so a note typed is never refused for its length. */
    maxLength: NOTE_MAX_LENGTH,
    /** How many more characters the field takes, once few are left; undefined until then. */
    left: left <= NOTE_COUNT_FROM_LEFT ? left : undefined,
    status,
    /** A failed save that goes out again by itself once the server answers: nothing for the reviewer to do. */
    waitsForServer,
    change,
    // Not while their note is shown beside this one: leaving the field is no choice between the two, and a save then
    // would take the conflict's buttons away under the pointer that was about to click one.
    flush: () => {
      if (status.kind !== 'conflict') void save()
    },
    keepMine,
    takeTheirs,
  }
}
