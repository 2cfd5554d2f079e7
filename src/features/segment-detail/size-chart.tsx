// The segment's estimated size over the last days as a small line chart, with the latest value and its change.
import { formatDate, formatNumber, formatPercent } from '../../lib/format'
import type { BrazeSizePoint } from '../../providers/braze/schemas'

const WIDTH = 560
const HEIGHT = 120
const PADDING = 6

function changeText(first: number, last: number): string {
  const delta = last - first
  if (delta === 0) return 'no change'
  const sign = delta > 0 ? '+' : '−'
  const percent = first > 0 ? ` (${sign}${formatPercent(Math.abs(delta) / first)})` : ''
  return `${sign}${formatNumber(Math.abs(delta))}${percent}`
}

export function SizeChart({ points, days }: { points: readonly BrazeSizePoint[]; days: number }) {
  const first = points[0]
  const last = points[points.length - 1]
  if (!first || !last) return <p className="muted">Braze has no size data for this segment over the last {days} days.</p>
  const sizes = points.map((point) => point.size)
  const max = Math.max(...sizes)
  const min = Math.min(...sizes)
  const span = max - min || 1
  const x = (index: number) => PADDING + (index / Math.max(points.length - 1, 1)) * (WIDTH - 2 * PADDING)
  const y = (size: number) => HEIGHT - PADDING - ((size - min) / span) * (HEIGHT - 2 * PADDING)
  const line = points.map((point, index) => `${x(index).toFixed(1)},${y(point.size).toFixed(1)}`).join(' ')
  const summary = `Estimated size from ${formatNumber(first.size)} on ${formatDate(first.time)} to ${formatNumber(last.size)} on ${formatDate(last.time)}`
  return (
    <figure className="size-chart">
      <div className="size-figures">
        <span className="size-latest">{formatNumber(last.size)}</span>
        <span className="muted">
          users on {formatDate(last.time)} · {changeText(first.size, last.size)} over {days} days
        </span>
      </div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} preserveAspectRatio="none">
        <polygon points={`${x(0)},${HEIGHT} ${line} ${x(points.length - 1)},${HEIGHT}`} className="size-area" />
        <polyline points={line} className="size-line" />
      </svg>
      <figcaption className="size-axis muted">
        <span>{formatDate(first.time)}</span>
        <span>
          {formatNumber(min)} – {formatNumber(max)}
        </span>
        <span>{formatDate(last.time)}</span>
      </figcaption>
      {max === 0 ? <p className="muted">Braze estimates sizes: a small segment can read 0.</p> : null}
    </figure>
  )
}
