// The error boundary around every page: says what broke in plain words and offers a way out, keeping the header.
import { Component, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { Alert } from '../components/alert'

function RouteError({ error }: { error: unknown }) {
  const { t } = useTranslation()
  // On the list itself, a link to the list would lead nowhere: Reload is the way out there.
  const onList = useLocation().pathname === '/'
  return (
    <Alert
      tone="error"
      title={t('routeError.title')}
      action={
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </button>
      }
    >
      <p>{error instanceof Error ? error.message : t('routeError.unknown')}</p>
      <p>
        {t('routeError.safe')} {!onList && <Link to="/">{t('routeError.back')}</Link>}
      </p>
    </Alert>
  )
}

interface BoundaryState {
  failed: boolean
  error: unknown
}

export class RouteErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false, error: undefined }

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { failed: true, error }
  }

  override render() {
    return this.state.failed ? <RouteError error={this.state.error} /> : this.props.children
  }
}
