// The error boundary of every route: says what broke in plain words and offers a way out, keeping the header.
import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { Alert } from '../components/alert'
import { NotFoundPage } from './not-found-page'

export function RouteError() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />
  const message = error instanceof Error ? error.message : 'Unknown error'
  return (
    <Alert
      tone="error"
      title="Something went wrong on this page"
      action={
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      }
    >
      <p>{message}</p>
      <p>
        Your verdicts and notes are stored in this browser and are not affected. <Link to="/">Back to the segments</Link>
      </p>
    </Alert>
  )
}
