// A segment's review history, newest first: every verdict and note change, who made it and when, and where it came from.
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../components/use-format'
import { VERDICTS, type HistoryItem, type Verdict } from '../../stores/audit-contract'
import { auditHistoryQuery } from '../../stores/audit-queries'

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
      {item.field === 'note' && item.newValue !== '' ? <q className="history-note">{item.newValue}</q> : null}
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
