// Segment detail route (/segments/:provider/:id). The full view arrives with issue 4; until then it says so plainly.
import { Link, useParams } from 'react-router'
import { EmptyState } from '../../components/empty-state'

const PROVIDER_NAMES: Record<string, string> = { braze: 'Braze', 'commanders-act': 'Commanders Act' }

export function SegmentDetailPage() {
  const { provider = '', id = '' } = useParams()
  const providerName = PROVIDER_NAMES[provider]
  if (!providerName) {
    return (
      <EmptyState title="Segment not found">
        <p>“{provider}” is not a provider this dashboard knows.</p>
        <Link className="button" to="/">Back to the segments</Link>
      </EmptyState>
    )
  }
  return (
    <EmptyState title={`${providerName} segment ${id}`}>
      <p>The detail view (description, tags, teams, dates and size) is not available in this version yet.</p>
      <Link className="button" to="/">Back to the segments</Link>
    </EmptyState>
  )
}
