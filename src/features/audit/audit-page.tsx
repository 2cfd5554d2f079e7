// The audit session page (/audit). Verdicts, the details scan and findings arrive with issue 5; until then it says so plainly.
import { Link } from 'react-router'
import { EmptyState } from '../../components/empty-state'

export function AuditPage() {
  return (
    <EmptyState title="Audit sessions are not available yet">
      <p>Verdicts, notes, the details scan and findings are not part of this version. The segment list is.</p>
      <Link className="button" to="/">Go to the segments</Link>
    </EmptyState>
  )
}
