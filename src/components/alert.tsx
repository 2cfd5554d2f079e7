// A message box: errors use role="alert" so they are announced; information and warnings do not interrupt.
import type { ReactNode } from 'react'

interface AlertProps {
  tone: 'error' | 'warning' | 'info'
  title: string
  children?: ReactNode
  action?: ReactNode
}

export function Alert({ tone, title, children, action }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'note'}>
      <div className="alert-body">
        <p className="alert-title">{title}</p>
        {children ? <div className="alert-text">{children}</div> : null}
      </div>
      {action}
    </div>
  )
}
