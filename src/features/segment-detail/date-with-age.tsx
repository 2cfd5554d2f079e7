// A date: its local date and age ("3 months ago" / "il y a 3 mois") in the interface language, exact value on hover.
import { useState } from 'react'
import { useFormat } from '../../components/use-format'

export function DateWithAge({ iso }: { iso: string }) {
  const format = useFormat()
  // "Now" is taken once, when the date is first shown: the relative text does not tick.
  const [now] = useState(Date.now)
  return (
    <time dateTime={iso} title={format.dateTime(iso)}>
      {format.date(iso)} <span className="muted">({format.relative(iso, now)})</span>
    </time>
  )
}
