// A message box: errors use role="alert" so they are announced; information and warnings do not interrupt.
import { useEffect, useRef, type ReactNode } from 'react'
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
  /** None where asking again cannot help (a provider whose variables the server lacks): no Retry button. */
  onRetry?: () => void
  retryLabel?: string
  children?: ReactNode
  /**
   * Where the keyboard goes when the alert goes after its own Retry (what failed came back, or is being asked again),
   * its button with it: the keyboard would fall to the page's top. Only if nothing else has taken it since.
   */
  focusAfter?: () => HTMLElement | null | undefined
}

/** A failure: title, advice in plain words, and a Retry button when trying again can help. */
export function RetryAlert({ title, advice, onRetry, retryLabel, children, focusAfter }: RetryAlertProps) {
  const { t } = useTranslation()
  // Where the keyboard goes, once Retry is pressed (nothing otherwise).
  const then = useRef<RetryAlertProps['focusAfter']>(undefined)
  useEffect(
    () => () => {
      if (document.activeElement === null || document.activeElement === document.body)
        then.current?.()?.focus({ preventScroll: true })
    },
    [],
  )
  return (
    <Alert
      tone="error"
      title={title}
      action={
        onRetry && (
          <button
            type="button"
            className="button"
            onClick={() => {
              then.current = focusAfter
              onRetry()
            }}
          >
            {retryLabel ?? t('retry')}
          </button>
        )
      }
    >
      {advice}
      {children}
    </Alert>
  )
}
