// The error boundary around every page: says what broke in plain words and offers a way out, keeping the header.
import { Component, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Alert } from '../components/alert'
import { notLoaded } from '../components/on-demand'

function RouteError({ error }: { error: unknown }) {
  const { t } = useTranslation()
  // A part loaded on demand that the server did not send, even after 30 s of asking: what the browser says of it
  // ("Failed to fetch dynamically imported module …") means nothing to the reader.
  const message = notLoaded.has(error as object)
    ? t('routeError.notLoaded')
    : error instanceof Error
      ? error.message
      : t('routeError.unknown')
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
      <p>{message}</p>
      <p>
        {t('routeError.safe')} <Link to="/">{t('routeError.back')}</Link>
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
