// The page for an address the app does not know.
import { Link } from 'react-router'
import { EmptyState } from '../components/empty-state'
import { useDocumentTitle } from '../components/use-document-title'

export function NotFoundPage() {
  useDocumentTitle('Page not found')
  return (
    <EmptyState title="Page not found">
      <p>There is nothing at this address.</p>
      <Link className="button" to="/">
        Back to the segments
      </Link>
    </EmptyState>
  )
}
