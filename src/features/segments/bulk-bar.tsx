// The bar over the list once rows are selected: one verdict for all of them, and optionally a note added to each one's
// own. It says saved only once the server has answered, names the segments someone else changed meanwhile (left as
// they are, verdict and note), and when a request fails, says what was saved and what was not (or is not known, when no
// answer came), leaving the rest selected for another try. A key from the list brings the keyboard here, past every
// row's controls (use-bar-keyboard.ts).
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ReviewerForm } from '../../components/reviewer-form'
import { RichText } from '../../components/rich-text'
import {
  NOTE_MAX_LENGTH,
  REVIEWER_MAX_LENGTH,
  VERDICTS,
  type AuditEntry,
  type Verdict,
} from '../../stores/audit-contract'
import { auditEntriesQuery } from '../../stores/audit-queries'
import { useReviewer } from '../../stores/reviewer'
import { useWriteFailureText } from '../../stores/use-write-failure-text'
import type { SegmentRow } from './segment-rows'
import { useBulkReview, type BulkReviewResult } from '../../stores/use-bulk-review'
import { BAR_KEY, useBarKeyboard, type ListKeyboard } from './use-bar-keyboard'
import type { RowSelection } from './use-row-selection'

type BulkStatus =
  | { kind: 'idle' }
  | { kind: 'saving'; count: number }
  /** `after`: the selection the write left; the result is shown until the reviewer selects anew. */
  | { kind: 'done'; verdict: Verdict; result: BulkReviewResult; after: ReadonlySet<string> }

interface BulkBarProps {
  selection: RowSelection
  /** Every row of the list (for the names of segments refused), and the rows of the view. */
  rows: readonly SegmentRow[]
  view: readonly SegmentRow[]
  entries: ReadonlyMap<string, AuditEntry>
  /** The list's search and table, where Escape gives the keyboard back. */
  keyboard: ListKeyboard
}

/** Nothing until a row is selected: the list asks the server nothing more (who reviews) until then. */
export function BulkBar(props: BulkBarProps) {
  const [note, setNote] = useState('')
  const [written, setStatus] = useState<BulkStatus>({ kind: 'idle' })
  const { selected } = props.selection
  const status: BulkStatus = written.kind === 'done' && written.after !== selected ? { kind: 'idle' } : written
  if (selected.size === 0 && status.kind === 'idle') return null
  return <SelectionBar {...props} note={note} onNoteChange={setNote} status={status} onStatusChange={setStatus} />
}

interface SelectionBarProps extends BulkBarProps {
  note: string
  onNoteChange: (note: string) => void
  status: BulkStatus
  onStatusChange: (status: BulkStatus) => void
}

function SelectionBar({
  selection,
  rows,
  view,
  entries,
  keyboard,
  note,
  onNoteChange: setNote,
  status,
  onStatusChange: setStatus,
}: SelectionBarProps) {
  const { t } = useTranslation(['segments', 'common'])
  const failureText = useWriteFailureText()
  const { reviewer, fromServer, loading, remember } = useReviewer()
  const loaded = useQuery(auditEntriesQuery()).isSuccess
  const review = useBulkReview(reviewer, entries)
  const count = selection.selected.size

  let inView = 0
  for (const row of view) if (selection.selected.has(row.key)) inView += 1
  const notInView = count - inView
  const saving = status.kind === 'saving'
  const done = status.kind === 'done' ? status : undefined
  const failed = done?.result.failed
  const needName = !reviewer && !fromServer && !loading

  const { bar, onBarKeyDown, verdictPressed, nameGiven, selectionCleared } = useBarKeyboard(
    view,
    { saving, done: done !== undefined },
    keyboard,
  )

  const apply = async (verdict: Verdict) => {
    const keys = [...selection.selected]
    verdictPressed()
    setStatus({ kind: 'saving', count: keys.length })
    const result = await review(keys, verdict, note)
    // The refused and the unwritten stay selected, so that the next verdict goes to them alone; the rest is done.
    const after = selection.replace([
      ...result.conflicts.map((entry) => entry.key),
      ...(result.failed?.keys ?? []),
      ...result.tooLong,
    ])
    if (after.size === 0) setNote('')
    setStatus({ kind: 'done', verdict, result, after })
  }

  return (
    <section ref={bar} className="bulk-bar" aria-label={t('bulk.region')} onKeyDown={onBarKeyDown} data-transient>
      <div className="bulk-row">
        <p role="status" className="bulk-count">
          <strong>{t('bulk.selected', { count })}</strong>
          {notInView > 0 ? <span className="muted"> {t('bulk.notInView', { count: notInView })}</span> : null}
        </p>
        {count > 0 ? (
          <button
            type="button"
            className="button button-ghost"
            onClick={() => {
              selectionCleared(view.filter((row) => selection.selected.has(row.key)).map((row) => row.key))
              selection.replace([])
            }}
          >
            {t('bulk.clear')}
          </button>
        ) : null}
        {count > 0 ? (
          <p className="muted small-print bulk-key">
            <RichText text={t('bulk.keyHint', { key: BAR_KEY })} components={{ kbd: <kbd /> }} />
          </p>
        ) : null}
      </div>
      {count > 0 && needName ? (
        <ReviewerForm
          onSubmit={(name) => {
            nameGiven()
            remember(name)
          }}
          maxLength={REVIEWER_MAX_LENGTH}
        />
      ) : null}
      {/* Nothing for a moment while the server says whether it knows who reviews: neither a form nor verdicts. */}
      {count > 0 && reviewer ? (
        <div className="bulk-row">
          <div role="group" aria-label={t('bulk.verdicts')} className="bulk-verdicts">
            {VERDICTS.map((verdict) => (
              <button
                key={verdict}
                type="button"
                className={`button bulk-verdict verdict-${verdict}`}
                disabled={saving || !loaded}
                aria-keyshortcuts={verdict === VERDICTS[0] ? BAR_KEY : undefined}
                onClick={() => void apply(verdict)}
              >
                {t(`common:verdict.${verdict}`)}
              </button>
            ))}
          </div>
          <label className="bulk-note">
            <span>{t('bulk.note')}</span>
            <input className="input" value={note} onChange={(event) => setNote(event.target.value)} />
          </label>
        </div>
      ) : null}
      <p role="status" className={`save-state save-${failed ? 'failed' : 'saved'}`}>
        {status.kind === 'saving' ? t('bulk.saving', { count: status.count }) : null}
        {done?.result.saved.length
          ? t('bulk.saved', { count: done.result.saved.length, verdict: t(`common:verdict.${done.verdict}`) })
          : null}
        {done?.result.saved.length && failed ? ' ' : null}
        {failed ? <FailedText failed={failed} message={failureText(failed.error)} /> : null}
      </p>
      {done?.result.conflicts.length ? (
        <SegmentsLeft
          message={t('bulk.conflicts', {
            count: done.result.conflicts.length,
            reviewers: done.result.changedBy.join(', '),
          })}
          keys={done.result.conflicts.map((entry) => entry.key)}
          rows={rows}
        />
      ) : null}
      {done?.result.tooLong.length ? (
        <SegmentsLeft
          message={t('bulk.tooLong', { count: done.result.tooLong.length, most: NOTE_MAX_LENGTH })}
          keys={done.result.tooLong}
          rows={rows}
        />
      ) : null}
    </section>
  )
}

/**
 * What became of the segments a failed request left: not saved (the server refused, or the browser, offline, sent
 * nothing), or, for the request sent whose answer never came, not known; those of the requests after it were not sent.
 */
function FailedText({ failed, message }: { failed: NonNullable<BulkReviewResult['failed']>; message: string }) {
  const { t } = useTranslation('segments')
  const { keys, unanswered } = failed
  if (unanswered.length === 0)
    return t(failed.offline ? 'bulk.offline' : 'bulk.failed', { count: keys.length, message })
  const notKnown = t('bulk.notKnown', { count: unanswered.length, message })
  const notSent = keys.length - unanswered.length
  return notSent > 0 ? `${notKnown} ${t('bulk.notSentAfter', { count: notSent })}` : notKnown
}

/** Segments the last write left out, each by name, with why. */
function SegmentsLeft({
  message,
  keys,
  rows,
}: {
  message: string
  keys: readonly string[]
  rows: readonly SegmentRow[]
}) {
  const nameOf = (key: string) => {
    const row = rows.find((each) => each.key === key)
    return row ? row.name || row.id : key
  }
  return (
    <div role="alert" className="conflict">
      <p>{message}</p>
      <ul className="bulk-conflicts">
        {keys.map((key) => (
          <li key={key}>{nameOf(key)}</li>
        ))}
      </ul>
    </div>
  )
}
