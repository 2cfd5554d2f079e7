// A Braze detail's date: its value and age, "unreadable date" when Braze sent something that is not one, or "unknown".
import { useTranslation } from 'react-i18next'
import { brazeDetailsDate, UNREADABLE_DATE, type BrazeSegmentDetails } from '../../providers/braze/schemas'
import { NOT_PROVIDED } from '../../providers/segment'
import { DateWithAge } from './date-with-age'

interface DetailDateProps {
  field: 'createdAt' | 'updatedAt'
  /** undefined while the details load. */
  details: BrazeSegmentDetails | undefined
}

export function DetailDate({ field, details }: DetailDateProps) {
  const { t } = useTranslation(['detail', 'common'])
  if (!details) return <span className="muted">…</span>
  const date = brazeDetailsDate(details, field)
  if (date === NOT_PROVIDED) return <span className="muted">{t('facts.unknown')}</span>
  if (date === UNREADABLE_DATE) return <span className="muted">{t('common:unreadableDate')}</span>
  return <DateWithAge iso={date} />
}
