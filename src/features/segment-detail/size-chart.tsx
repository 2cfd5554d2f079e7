// The segment's estimated size over the last days as a line chart on an axis from zero (so a 0.1 % wobble looks like
// one), dates below, and the value of any day on hover or with the arrow keys once the chart has focus.
import { useState, type KeyboardEvent, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../components/use-format'
import type { BrazeSizePoint } from '../../providers/braze/schemas'

const WIDTH = 560
const HEIGHT = 140
const TOP = 6

type Format = ReturnType<typeof useFormat>

/** "+1,234 (+5.2%)", "−80", or null when the size did not move. */
function signedChange(first: number, last: number, format: Format): string | null {
  const delta = last - first
  if (delta === 0) return null
  const sign = delta > 0 ? '+' : '−'
  const percent = first > 0 ? ` (${sign}${format.percent(Math.abs(delta) / first)})` : ''
  return `${sign}${format.number(Math.abs(delta))}${percent}`
}

/** The axis top: the smallest of 1, 2, 2.5 or 5 × a power of ten at or above the largest size. */
export function axisTop(max: number): number {
  if (max <= 0) return 1
  const magnitude = 10 ** Math.floor(Math.log10(max))
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= max) ?? 10
  return step * magnitude
}

export function SizeChart({ points, days }: { points: readonly BrazeSizePoint[]; days: number }) {
  const { t } = useTranslation('detail')
  const format = useFormat()
  const [active, setActive] = useState<number | null>(null)
  const first = points[0]
  const last = points[points.length - 1]
  if (!first || !last) return <p className="muted">{t('size.empty', { count: days })}</p>
  const top = axisTop(Math.max(...points.map((point) => point.size)))
  const x = (index: number) => (index / Math.max(points.length - 1, 1)) * WIDTH
  const y = (size: number) => TOP + (1 - size / top) * (HEIGHT - TOP)
  const line = points.map((point, index) => `${x(index).toFixed(1)},${y(point.size).toFixed(1)}`).join(' ')
  const summary = t('size.summary', {
    first: format.number(first.size),
    firstDate: format.date(first.time),
    last: format.number(last.size),
    lastDate: format.date(last.time),
  })
  // The figure's name, what a screen reader says as it enters it (its caption alone would be the axis's dates).
  const name = t('size.name', {
    count: days,
    first: format.number(first.size),
    firstDate: format.date(first.time),
    last: format.number(last.size),
    lastDate: format.date(last.time),
  })
  const change = t('size.change', {
    count: days,
    change: signedChange(first.size, last.size, format) ?? t('size.noChange'),
  })
  const middle = points[Math.floor((points.length - 1) / 2)]
  const shown = active === null ? undefined : points[active]
  const pointText = shown ? t('size.point', { date: format.date(shown.time), size: format.number(shown.size) }) : ''

  const pick = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    if (box.width === 0) return
    setActive(Math.round(((event.clientX - box.left) / box.width) * (points.length - 1)))
  }
  const step = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, Home: -points.length, End: points.length }
    const move = moves[event.key]
    if (move === undefined) return
    event.preventDefault()
    setActive((current) => Math.min(points.length - 1, Math.max(0, (current ?? points.length - 1) + move)))
  }

  return (
    <figure className="size-chart" aria-label={name}>
      <div className="size-figures">
        <span className="size-latest">{format.number(last.size)}</span>
        <span className="muted">
          {t('size.users', { count: last.size, date: format.date(last.time) })} · {change}
        </span>
      </div>
      <div className="size-plot">
        <div className="size-y muted" aria-hidden="true">
          <span>{format.number(top)}</span>
          <span>{format.number(top / 2)}</span>
          <span>0</span>
        </div>
        <div
          className="size-canvas"
          tabIndex={0}
          role="group"
          aria-label={t('size.explore')}
          onPointerMove={pick}
          onPointerLeave={() => setActive(null)}
          onKeyDown={step}
          onFocus={() => setActive((current) => current ?? points.length - 1)}
          onBlur={() => setActive(null)}
        >
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} preserveAspectRatio="none">
            {[0, 0.5, 1].map((share) => (
              <line key={share} x1={0} x2={WIDTH} y1={y(top * share)} y2={y(top * share)} className="size-grid" />
            ))}
            <polygon points={`0,${HEIGHT} ${line} ${WIDTH},${HEIGHT}`} className="size-area" />
            <polyline points={line} className="size-line" />
            {shown && active !== null ? (
              <line x1={x(active)} x2={x(active)} y1={TOP} y2={HEIGHT} className="size-cursor" />
            ) : null}
          </svg>
          {shown && active !== null ? (
            <div className="size-tooltip" style={{ left: `${(active / Math.max(points.length - 1, 1)) * 100}%` }}>
              {pointText}
            </div>
          ) : null}
        </div>
      </div>
      <figcaption className="size-axis muted" aria-hidden="true">
        <span>{format.date(first.time)}</span>
        {middle && points.length > 2 ? <span>{format.date(middle.time)}</span> : null}
        <span>{format.date(last.time)}</span>
      </figcaption>
      <p className="visually-hidden" aria-live="polite">
        {pointText}
      </p>
      {top === 1 ? <p className="muted">{t('size.estimates')}</p> : null}
    </figure>
  )
}
