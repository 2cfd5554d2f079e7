// The error boundary of every route: says what broke in plain words and offers a way out, keeping the header.
import { useTranslation } from 'react-i18next'
import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { Alert } from '../components/alert'
import { NotFoundPage } from './not-found-page'

export function RouteError() {
  const { t } = useTranslation()
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />
  const message = error instanceof Error ? error.message : t('routeError.unknown')
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
