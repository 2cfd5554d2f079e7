// A Braze detail's date: its value and age, "unreadable date" when Braze sent something that is not one, "unknown", or
// "not available" when the details failed.
import { useTranslation } from 'react-i18next'
import { brazeDetailsDate, UNREADABLE_DATE, type BrazeSegmentDetails } from '../../providers/braze/schemas'
import { NOT_PROVIDED } from '../../providers/segment'
import { DateWithAge } from './date-with-age'

interface DetailDateProps {
  field: 'createdAt' | 'updatedAt'
  /** undefined while the details load, or when they failed. */
  details: BrazeSegmentDetails | undefined
  /** The details failed to load: the date is not available, no longer loading. */
  failed?: boolean
}

export function DetailDate({ field, details, failed = false }: DetailDateProps) {
  const { t } = useTranslation(['detail', 'common'])
  if (!details) return <span className="muted">{failed ? t('facts.unavailable') : '…'}</span>
  const date = brazeDetailsDate(details, field)
  if (date === NOT_PROVIDED) return <span className="muted">{t('facts.unknown')}</span>
  if (date === UNREADABLE_DATE) return <span className="muted">{t('common:unreadableDate')}</span>
  return <DateWithAge iso={date} />
}
