// A segment's review history, newest first: every verdict and note change, who made it, when, and where it came from.
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../components/use-format'
import { VERDICTS, type HistoryItem, type Verdict } from '../../stores/audit-contract'
import { auditHistoryQuery } from '../../stores/audit-queries'

/**
 * A note version longer than about three lines of the card shows its first three, with a button for the rest: a long
 * note edited a few times would otherwise fill the page. Told from the text, so a short note never hides anything.
 */
const SHORT_NOTE_LINES = 3
const SHORT_NOTE_CHARACTERS = 160

function NoteVersion({ text }: { text: string }) {
  const { t } = useTranslation('detail')
  const [open, setOpen] = useState(false)
  const id = useId()
  const long = text.length > SHORT_NOTE_CHARACTERS || text.split('\n').length > SHORT_NOTE_LINES
  return (
    <>
      <q id={id} className={long && !open ? 'history-note history-note-clamped' : 'history-note'}>
        {text}
      </q>
      {long ? (
        <button
          type="button"
          className="button button-ghost button-small"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? t('history.noteShowLess') : t('history.noteShowAll')}
        </button>
      ) : null}
    </>
  )
}

function HistoryLine({ item }: { item: HistoryItem }) {
  const { t } = useTranslation(['detail', 'common'])
  const format = useFormat()
  const verdictName = (value: string) =>
    (VERDICTS as readonly string[]).includes(value) ? t(`common:verdict.${value as Verdict}`) : value
  const what =
    item.field === 'verdict'
      ? t('history.verdict', { from: verdictName(item.oldValue), to: verdictName(item.newValue) })
      : item.newValue === ''
        ? t('history.noteCleared')
        : t('history.note')
  return (
    <li>
      <time dateTime={item.at}>{format.dateTime(item.at)}</time>
      {t('history.change', { who: t(`history.by.${item.source}`, { reviewer: item.reviewer }), what })}
      {item.field === 'note' && item.newValue !== '' ? <NoteVersion text={item.newValue} /> : null}
    </li>
  )
}

/** The most recent changes show at once; a long history opens on demand rather than pushing the details down. */
const FIRST_SHOWN = 6

export function ReviewHistory({ segmentKey, revision }: { segmentKey: string; revision: number }) {
  const { t } = useTranslation('detail')
  const [all, setAll] = useState(false)
  const history = useQuery({
    ...auditHistoryQuery(segmentKey, revision),
    enabled: revision > 0,
    placeholderData: keepPreviousData,
  })
  if (revision === 0) return null
  return (
    <section aria-labelledby="history-heading" className="review-history">
      <h3 id="history-heading">{t('history.heading')}</h3>
      {history.isPending ? <p className="muted">{t('history.loading')}</p> : null}
      {history.isError ? <p className="muted">{t('history.failed')}</p> : null}
      {history.data ? (
        <ol className="history-list">
          {(all ? history.data : history.data.slice(0, FIRST_SHOWN)).map((item, index) => (
            <HistoryLine key={`${item.at}-${index}`} item={item} />
          ))}
        </ol>
      ) : null}
      {history.data && !all && history.data.length > FIRST_SHOWN ? (
        <button type="button" className="button button-ghost button-small" onClick={() => setAll(true)}>
          {t('history.showAll', { count: history.data.length })}
        </button>
      ) : null}
    </section>
  )
}
