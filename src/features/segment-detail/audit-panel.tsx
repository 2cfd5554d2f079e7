// The audit panel: a verdict and a note for this segment, written to IndexedDB before it says "Saved".
import { isShortcut } from '../../lib/keyboard'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useReviewer } from '../../stores/reviewer'
import { VERDICT_KEYS } from '../../stores/verdict-labels'
import { getVerdictStore, VERDICTS, type Verdict } from '../../stores/verdict-store'
import { useVerdict } from '../../stores/use-verdicts'
import { DateWithAge } from './date-with-age'
import { ReviewerForm } from './reviewer-form'

const NOTE_DEBOUNCE_MS = 600
const KEY_OF: Partial<Record<Verdict, string>> = Object.fromEntries(Object.entries(VERDICT_KEYS).map(([key, verdict]) => [verdict, key]))

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string }

export function AuditPanel({ segmentKey }: { segmentKey: string }) {
  const { t } = useTranslation(['detail', 'common'])
  const entry = useVerdict(segmentKey)
  const [reviewer, rememberReviewer] = useReviewer()
  const [note, setNote] = useState(entry?.note ?? '')
  const [seenEntry, setSeenEntry] = useState(entry)
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' })
  const [dirty, setDirty] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const latest = useRef({ note, verdict: entry?.verdict ?? 'unreviewed', reviewer })
  const noteId = useId()
  // The choice shows at once while it is written; the status says "Saved" only once it is, and a failed write reverts it.
  const [pendingVerdict, setPendingVerdict] = useState<Verdict | undefined>(undefined)
  const verdict: Verdict = pendingVerdict ?? entry?.verdict ?? 'unreviewed'

  // The stored entry can arrive after the first render (IndexedDB is asynchronous): adopt it unless the user is typing.
  if (entry !== seenEntry) {
    setSeenEntry(entry)
    if (!dirty) setNote(entry?.note ?? '')
  }

  useEffect(() => {
    latest.current = { note, verdict, reviewer }
  })

  const save = (change: { verdict?: Verdict; note?: string }) => {
    clearTimeout(timer.current)
    const next = { ...latest.current, ...change }
    latest.current = next
    setSaveState({ kind: 'saving' })
    if (change.verdict) setPendingVerdict(change.verdict)
    getVerdictStore()
      .save({ key: segmentKey, verdict: next.verdict, note: next.note, reviewer: next.reviewer, reviewedAt: new Date().toISOString() })
      .then(
        () => {
          if (latest.current.note === next.note) setDirty(false)
          if (latest.current.verdict === next.verdict) setPendingVerdict(undefined)
          setSaveState({ kind: 'saved' })
        },
        (error: unknown) => {
          setPendingVerdict(undefined)
          setSaveState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
        },
      )
  }
  const flushNote = () => {
    if (dirty) save({})
  }
  const flushRef = useRef(flushNote)
  useEffect(() => {
    flushRef.current = flushNote
  })

  // Leaving the page, the route or the tab writes what was typed.
  useEffect(() => {
    const onPageHide = () => flushRef.current()
    window.addEventListener('pagehide', onPageHide)
    return () => {
      window.removeEventListener('pagehide', onPageHide)
      flushRef.current()
    }
  }, [])

  useEffect(() => {
    if (!reviewer) return
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event)) return
      const chosen = VERDICT_KEYS[event.key]
      if (!chosen) return
      event.preventDefault()
      save({ verdict: chosen })
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  if (!reviewer) return <ReviewerForm onSubmit={rememberReviewer} />

  return (
    <section className="card audit-panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.heading')}</h2>
      <fieldset role="radiogroup" aria-label={t('audit.verdict')} className="verdicts">
        <legend className="visually-hidden">{t('audit.verdict')}</legend>
        {VERDICTS.map((option) => (
          <label key={option} className={`verdict-option verdict-${option}`}>
            <input type="radio" name={`verdict-${segmentKey}`} value={option} checked={verdict === option} onChange={() => save({ verdict: option })} />
            {t(`common:verdict.${option}`)}
            {KEY_OF[option] ? <kbd aria-hidden="true">{KEY_OF[option]}</kbd> : null}
          </label>
        ))}
      </fieldset>
      <label htmlFor={noteId} className="note-label">
        {t('audit.note')}
      </label>
      <textarea
        id={noteId}
        className="input note"
        rows={4}
        value={note}
        onChange={(event) => {
          setNote(event.target.value)
          latest.current = { ...latest.current, note: event.target.value }
          setDirty(true)
          setSaveState({ kind: 'idle' })
          clearTimeout(timer.current)
          timer.current = setTimeout(() => save({}), NOTE_DEBOUNCE_MS)
        }}
        onBlur={flushNote}
      />
      <p role="status" className={`save-state save-${saveState.kind}`}>
        {saveState.kind === 'saving' ? t('audit.saving') : null}
        {saveState.kind === 'saved' ? t('audit.saved') : null}
        {saveState.kind === 'failed' ? t('audit.failed', { message: saveState.message }) : null}
      </p>
      <p className="muted small-print">
        {entry ? (
          <>
            {t('audit.byline', { verdict: t(`common:verdict.${entry.verdict}`), reviewer: entry.reviewer })} <DateWithAge iso={entry.reviewedAt} />
          </>
        ) : (
          t('audit.hint', { reviewer, keep: t('common:verdict.keep'), fix: t('common:verdict.fix'), archive: t('common:verdict.archive') })
        )}
      </p>
    </section>
  )
}
