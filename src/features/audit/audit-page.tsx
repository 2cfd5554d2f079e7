// The audit session page (/audit). The details scan, findings and session export/import are not built yet; it says so
// plainly and points to what exists: verdicts on each segment's page and the list's Verdict filter.
import { Link } from 'react-router'
import { EmptyState } from '../../components/empty-state'
import { useDocumentTitle } from '../../components/use-document-title'

export function AuditPage() {
  useDocumentTitle('Audit')
  return (
    <EmptyState title="The audit session page is not available yet">
      <p>
        The details scan, findings, charts and session export and import are not part of this version. Verdicts and notes
        are: record them on each segment’s page (keys 1, 2, 3), and filter the list by verdict.
      </p>
      <p>
        <Link className="button" to="/?verdict=unreviewed">Segments not reviewed yet</Link>{' '}
        <Link className="button" to="/?verdict=fix">Segments to fix</Link>
      </p>
    </EmptyState>
  )
}
