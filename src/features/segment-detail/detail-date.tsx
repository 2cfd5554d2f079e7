// A Braze detail's date: its value and age, "unreadable date" when Braze sent something that is not one, or "unknown".
import { useTranslation } from 'react-i18next'
import type { BrazeSegmentDetails } from '../../providers/braze/schemas'
import { DateWithAge } from './date-with-age'

interface DetailDateProps {
  iso: string | undefined
  /** Braze's name of the field, as `malformed` lists it. */
  field: string
  /** undefined while the details load. */
  details: BrazeSegmentDetails | undefined
}

export function DetailDate({ iso, field, details }: DetailDateProps) {
  const { t } = useTranslation(['detail', 'common'])
  if (iso) return <DateWithAge iso={iso} />
  if (!details) return <span className="muted">…</span>
  return (
    <span className="muted">
      {details.malformed?.includes(field) ? t('common:unreadableDate') : t('facts.unknown')}
    </span>
  )
}
