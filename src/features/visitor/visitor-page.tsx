// Visitor lookup (/visitor). The form arrives with issue 4; until then it says so plainly.
import { Link } from 'react-router'
import { EmptyState } from '../../components/empty-state'

export function VisitorPage() {
  return (
    <EmptyState title="Visitor lookup is not available yet">
      <p>Finding the Commanders Act segments of one visitor is not part of this version.</p>
      <Link className="button" to="/">Go to the segments</Link>
    </EmptyState>
  )
}
