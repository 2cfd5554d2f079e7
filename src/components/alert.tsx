// A message box: errors use role="alert" so they are announced; information and warnings do not interrupt.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

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

interface RetryAlertProps {
  title: string
  advice: string
  onRetry: () => void
  retryLabel?: string
  children?: ReactNode
}

/** A failure the user can try again: title, advice in plain words, and a Retry button. */
export function RetryAlert({ title, advice, onRetry, retryLabel, children }: RetryAlertProps) {
  const { t } = useTranslation()
  return (
    <Alert
      tone="error"
      title={title}
      action={
        <button type="button" className="button" onClick={onRetry}>
          {retryLabel ?? t('retry')}
        </button>
      }
    >
      {advice}
      {children}
    </Alert>
  )
}
