// The audit panel: a verdict and a note for this segment, written to the team's audit on the server before it says
// "Saved". A write based on a value someone else has since changed is not forced: the panel says who changed it and
// keeps what this reviewer typed. Before the reviewer has given a name, the card shows the audit as text. Once the
// team's audit has been read, a server that stops answering does not take the panel away: it says so, and the note
// and the verdict go out when the server answers again.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../components/use-format'
import { isShortcut } from '../../lib/keyboard'
import { REVIEWER_MAX_LENGTH, VERDICTS, type AuditEntry, type Verdict } from '../../stores/audit-contract'
import { markPageOpen } from '../../stores/audit-draft'
import { sendLeftDrafts } from '../../stores/left-drafts'
import { useReviewer } from '../../stores/reviewer'
import { useWriteFailureText } from '../../stores/use-write-failure-text'
import { useVerdict } from '../../stores/use-verdicts'
import { AuditReadOnly } from './audit-read-only'
import { useAuditRead } from './use-audit-read'
import { ReviewHistory } from './review-history'
import { ReviewerForm } from '../../components/reviewer-form'
import { hasAuthor, ReviewByline } from './review-byline'
import { useAuditWriter } from './use-audit-writer'
import { useNoteEditor, type NoteStatus } from './use-note-editor'
import { useVerdictChoice } from './use-verdict-choice'

/** The key shown on each verdict's button; each sets it from anywhere on a segment's page but a text field. */
const KEY_OF: Record<Verdict, string> = { keep: '1', fix: '2', archive: '3', unreviewed: '0' }
const VERDICT_KEYS: Readonly<Record<string, Verdict>> = {
  ...Object.fromEntries(Object.entries(KEY_OF).map(([verdict, key]) => [key, verdict as Verdict])),
  u: 'unreviewed',
}

export function AuditPanel({ segmentKey }: { segmentKey: string }) {
  const { t } = useTranslation('detail')
  const { reviewer, fromServer, loading, remember } = useReviewer()
  const [named, setNamed] = useState(false)
  // Without a name the audit is still there to read; only changing it waits for the name.
  if (!reviewer && !fromServer && !loading) {
    const form = (
      <ReviewerForm
        onSubmit={(name) => {
          setNamed(true)
          remember(name)
        }}
        maxLength={REVIEWER_MAX_LENGTH}
        verdictKeys={VERDICT_KEYS}
        intro={t('audit.nameToChange')}
      />
    )
    return <AuditReadOnly segmentKey={segmentKey} nameForm={form} />
  }
  return <ReviewPanel segmentKey={segmentKey} reviewer={reviewer} named={named} />
}

/** `named`: the name was just given in the form this panel replaces, which had the keyboard. */
function ReviewPanel({ segmentKey, reviewer, named }: { segmentKey: string; reviewer: string; named: boolean }) {
  const { t } = useTranslation(['detail', 'common'])
  const format = useFormat()
  const failureText = useWriteFailureText()
  const entry = useVerdict(segmentKey)
  // Read once is enough to write on: disabling the field when a poll fails would drop what the reviewer is typing, the
  // next keys becoming the page's shortcuts.
  const { entries, loaded, said: read } = useAuditRead()
  const write = useAuditWriter(reviewer)
  const reach = { loaded, answeredAt: entries.dataUpdatedAt, failedAt: entries.errorUpdatedAt }
  // This page sends its own drafts; those of pages left are sent wherever the reviewer is (src/stores/left-drafts.ts),
  // from the first segment page on, for as long as the tab is open.
  const queryClient = useQueryClient()
  useEffect(() => markPageOpen(segmentKey), [segmentKey])
  useEffect(() => void sendLeftDrafts(queryClient), [queryClient])
  const note = useNoteEditor(segmentKey, entry, reach, write)
  const verdict = useVerdictChoice(segmentKey, entry, reach, write, reviewer)
  const verdictStatus = verdict.status
  const verdictWaits = verdict.waitsForServer
  // Which of the two changed last (both, when one poll brought both): "Saved" speaks of that one only, not of an older
  // save of the other.
  const [lastTouched, setLastTouched] = useState({ verdict: false, note: true })
  const [seenStatuses, setSeenStatuses] = useState({ note: note.status, verdict: verdictStatus })
  if (note.status !== seenStatuses.note || verdictStatus !== seenStatuses.verdict) {
    setSeenStatuses({ note: note.status, verdict: verdictStatus })
    setLastTouched({ verdict: verdictStatus !== seenStatuses.verdict, note: note.status !== seenStatuses.note })
  }
  const noteId = useId()
  const noteLeftId = useId()
  const ready = verdict.ready
  // The form gone with the keyboard in it, the keyboard goes on to the verdicts (once they can be chosen), not to the
  // page's top.
  const verdicts = useRef<HTMLFieldSetElement>(null)
  const keyboardHere = useRef(named)
  useEffect(() => {
    if (!ready || !keyboardHere.current) return
    keyboardHere.current = false
    if (document.activeElement === document.body) verdicts.current?.querySelector<HTMLElement>('input:checked')?.focus()
  }, [ready])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event)) return
      const chosen = VERDICT_KEYS[event.key]
      if (!chosen) return
      event.preventDefault()
      verdict.choose(chosen)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const saving = verdictStatus.kind === 'saving' || note.status.kind === 'saving'
  // A verdict or a note waiting for the server is said to be sent when it answers, not as a failure to try again.
  const verdictFailed = verdictStatus.kind === 'failed' && !verdictWaits ? verdictStatus : undefined
  const noteFailed = note.status.kind === 'failed' && !note.waitsForServer ? note.status : undefined
  const failed = verdictFailed ?? noteFailed
  const unreachable = loaded && (entries.isError || note.waitsForServer)
  const waiting = unreachable || verdictWaits
  const saved = !saving && !failed && !waiting && (lastTouched.verdict ? verdictStatus : note.status).kind === 'saved'
  // A saved field since replaced from elsewhere says by whom, where "Saved" would have been.
  const verdictReplaced = lastTouched.verdict && verdictStatus.kind === 'replaced' ? verdictStatus : undefined
  const noteReplaced = lastTouched.note && note.status.kind === 'replaced' ? note.status : undefined
  // No name yet while the server is still asked whether it names the reviewer: "Reviewing as ." would say nothing.
  const hint =
    reviewer &&
    t('audit.hint', {
      reviewer,
      keep: t('common:verdict.keep'),
      fix: t('common:verdict.fix'),
      archive: t('common:verdict.archive'),
    })
  // Each failure says its field: both may show at once.
  const said = [
    !loaded && read,
    saving && t('audit.saving'),
    verdictFailed && t('audit.verdictFailed', { message: failureText(verdictFailed.error) }),
    noteFailed && t('audit.noteFailed', { message: failureText(noteFailed.error) }),
    unreachable && (read ?? t('audit.unreachable')),
    note.waitsForServer && t('audit.noteWaits'),
    verdictStatus.kind === 'failed' &&
      verdictWaits &&
      t('audit.verdictWaits', { verdict: t(`common:verdict.${verdictStatus.verdict}`) }),
    verdictReplaced &&
      t(verdictReplaced.theirs.verdictBy === reviewer ? 'audit.verdictReplacedOwn' : 'audit.verdictReplaced', {
        reviewer: verdictReplaced.theirs.verdictBy ?? '?',
        time: format.dateTime(verdictReplaced.theirs.verdictAt ?? verdictReplaced.theirs.reviewedAt),
        theirs: t(`common:verdict.${verdictReplaced.theirs.verdict}`),
        mine: t(`common:verdict.${verdictReplaced.mine}`),
      }),
    noteReplaced &&
      t(noteReplaced.theirs.noteBy === reviewer ? 'audit.noteReplacedOwn' : 'audit.noteReplaced', {
        reviewer: noteReplaced.theirs.noteBy ?? '?',
        time: format.dateTime(noteReplaced.theirs.noteAt ?? noteReplaced.theirs.reviewedAt),
      }),
    saved && t('audit.saved'),
  ]
    .filter(Boolean)
    .join(' ')

  return (
    <section className="card audit-panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.heading')}</h2>
      <fieldset ref={verdicts} role="radiogroup" aria-label={t('audit.verdict')} className="verdicts" disabled={!ready}>
        <legend className="visually-hidden">{t('audit.verdict')}</legend>
        {VERDICTS.map((option) => (
          <label key={option} className={`verdict-option verdict-${option}`}>
            <input
              type="radio"
              name={`verdict-${segmentKey}`}
              value={option}
              checked={verdict.verdict === option}
              onChange={() => verdict.choose(option)}
            />
            {t(`common:verdict.${option}`)}
            <kbd aria-hidden="true">{KEY_OF[option]}</kbd>
          </label>
        ))}
      </fieldset>
      {verdictStatus.kind === 'conflict' ? (
        <p role="alert" className="conflict">
          {/* The reviewer's own earlier verdict (a write whose answer was lost, another tab): no colleague to name. */}
          {t(verdictStatus.theirs.verdictBy === reviewer ? 'audit.verdictConflictOwn' : 'audit.verdictConflict', {
            reviewer: verdictStatus.theirs.verdictBy ?? '?',
            time: format.dateTime(verdictStatus.theirs.verdictAt ?? verdictStatus.theirs.reviewedAt),
            theirs: t(`common:verdict.${verdictStatus.theirs.verdict}`),
            mine: t(`common:verdict.${verdictStatus.mine}`),
          })}
        </p>
      ) : null}
      <label htmlFor={noteId} className="note-label">
        {t('audit.note')}
      </label>
      <textarea
        id={noteId}
        className="input note"
        rows={4}
        value={note.text}
        maxLength={note.maxLength}
        aria-describedby={note.left === undefined ? undefined : noteLeftId}
        disabled={!ready}
        onChange={(event) => note.change(event.target.value)}
        onBlur={note.flush}
        onKeyDown={(event) => {
          // Escape leaves the note (which saves it); a second Escape, outside the field, goes back to the list.
          if (event.key === 'Escape') {
            event.preventDefault()
            event.currentTarget.blur()
          }
        }}
      />
      {note.left === undefined ? null : (
        <p id={noteLeftId} className="muted small-print note-left">
          {t('audit.noteLeft', { count: note.left })}
        </p>
      )}
      {note.status.kind === 'conflict' ? (
        <NoteConflict
          status={note.status}
          own={note.status.theirs.noteBy === reviewer}
          onKeepMine={note.keepMine}
          onTakeTheirs={note.takeTheirs}
        />
      ) : null}
      <p
        role="status"
        className={`save-state save-${saving ? 'saving' : failed || waiting ? 'failed' : saved ? 'saved' : 'idle'}`}
      >
        {said}
      </p>
      <p className="muted small-print">{entry && hasAuthor(entry) ? <ReviewByline entry={entry} /> : hint}</p>
      <ReviewHistory segmentKey={segmentKey} revision={entry?.revision ?? 0} />
    </section>
  )
}

/** `own`: the note in the way is this reviewer's own (another tab, an earlier visit): no colleague to name. */
function NoteConflict({
  status,
  own,
  onKeepMine,
  onTakeTheirs,
}: {
  status: Extract<NoteStatus, { kind: 'conflict' }>
  own: boolean
  onKeepMine: (theirs: AuditEntry) => void
  onTakeTheirs: (theirs: AuditEntry) => void
}) {
  const { t } = useTranslation('detail')
  const format = useFormat()
  const { theirs } = status
  return (
    <div role="alert" className="conflict">
      <p>
        {t(own ? 'audit.noteConflictOwn' : 'audit.noteConflict', {
          reviewer: theirs.noteBy ?? '?',
          time: format.dateTime(theirs.noteAt ?? theirs.reviewedAt),
        })}
      </p>
      <blockquote className="their-note">{theirs.note || t('audit.emptyNote')}</blockquote>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => onKeepMine(theirs)}>
          {t('audit.keepMine')}
        </button>
        <button type="button" className="button" onClick={() => onTakeTheirs(theirs)}>
          {t(own ? 'audit.takeOwn' : 'audit.takeTheirs')}
        </button>
      </div>
    </div>
  )
}
