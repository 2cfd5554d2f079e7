// A date shown as local date and "3 months ago", the exact value on hover.
import { useState } from 'react'
import { formatDate, formatDateTime, formatRelative } from '../lib/format'

export function When({ iso }: { iso: string }) {
  // "Now" is taken once, when the date is first shown: the relative text does not tick.
  const [now] = useState(Date.now)
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatDate(iso)} <span className="muted">({formatRelative(iso, now)})</span>
    </time>
  )
}
