// The segment's estimated size over the last days as a small line chart, with the latest value and its change.
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../components/use-format'
import type { BrazeSizePoint } from '../../providers/braze/schemas'

const WIDTH = 560
const HEIGHT = 120
const PADDING = 6

type Format = ReturnType<typeof useFormat>

/** "+1,234 (+5.2%)", "−80", or null when the size did not move. */
function signedChange(first: number, last: number, format: Format): string | null {
  const delta = last - first
  if (delta === 0) return null
  const sign = delta > 0 ? '+' : '−'
  const percent = first > 0 ? ` (${sign}${format.percent(Math.abs(delta) / first)})` : ''
  return `${sign}${format.number(Math.abs(delta))}${percent}`
}

export function SizeChart({ points, days }: { points: readonly BrazeSizePoint[]; days: number }) {
  const { t } = useTranslation('detail')
  const format = useFormat()
  const first = points[0]
  const last = points[points.length - 1]
  if (!first || !last) return <p className="muted">{t('size.empty', { count: days })}</p>
  const sizes = points.map((point) => point.size)
  const max = Math.max(...sizes)
  const min = Math.min(...sizes)
  const span = max - min || 1
  const x = (index: number) => PADDING + (index / Math.max(points.length - 1, 1)) * (WIDTH - 2 * PADDING)
  const y = (size: number) => HEIGHT - PADDING - ((size - min) / span) * (HEIGHT - 2 * PADDING)
  const line = points.map((point, index) => `${x(index).toFixed(1)},${y(point.size).toFixed(1)}`).join(' ')
  const summary = t('size.summary', {
    first: format.number(first.size),
    firstDate: format.date(first.time),
    last: format.number(last.size),
    lastDate: format.date(last.time),
  })
  const change = t('size.change', { count: days, change: signedChange(first.size, last.size, format) ?? t('size.noChange') })
  return (
    <figure className="size-chart">
      <div className="size-figures">
        <span className="size-latest">{format.number(last.size)}</span>
        <span className="muted">
          {t('size.users', { count: last.size, date: format.date(last.time) })} · {change}
        </span>
      </div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} preserveAspectRatio="none">
        <polygon points={`${x(0)},${HEIGHT} ${line} ${x(points.length - 1)},${HEIGHT}`} className="size-area" />
        <polyline points={line} className="size-line" />
      </svg>
      <figcaption className="size-axis muted">
        <span>{format.date(first.time)}</span>
        <span>
          {format.number(min)} – {format.number(max)}
        </span>
        <span>{format.date(last.time)}</span>
      </figcaption>
      {max === 0 ? <p className="muted">{t('size.estimates')}</p> : null}
    </figure>
  )
}
