// A small pill label; the tone picks its colour from the design tokens.
import type { ReactNode } from 'react'

export type BadgeTone = 'neutral' | 'demo' | 'real' | 'danger' | 'braze' | 'commanders-act'

export function Badge({
  tone = 'neutral',
  children,
  title,
}: {
  tone?: BadgeTone
  children: ReactNode
  title?: string
}) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  )
}
