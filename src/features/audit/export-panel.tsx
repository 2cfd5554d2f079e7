// Export of the session: a CSV report for people, and the JSON that can be imported here or by a colleague. The JSON's
// snapshot becomes what "Changed since the last audit" compares against next time.
import { useState } from 'react'
import { Alert } from '../../components/alert'
import type { SegmentFindings } from '../../findings/findings'
import { datedFilename, downloadText } from '../../lib/download'
import { formatNumber } from '../../lib/format'
import type { BrazeSegmentDetails } from '../../providers/braze/schemas'
import { baselineFromSession, getBaselineStore } from '../../stores/audit-baseline'
import type { AuditEntry } from '../../stores/verdict-store'
import { sessionCsv, sessionFile } from './session-export'
import type { ListedSegments } from './use-listed-segments'

interface ExportPanelProps {
  listed: ListedSegments
  verdicts: ReadonlyMap<string, AuditEntry>
  details: ReadonlyMap<string, BrazeSegmentDetails>
  findings: SegmentFindings | null
  staleMonths: number
}

export function ExportPanel({ listed, verdicts, details, findings, staleMonths }: ExportPanelProps) {
  const [snapshotProblem, setSnapshotProblem] = useState<string | null>(null)
  const entries = [...verdicts.values()].filter((entry) => entry.verdict !== 'unreviewed' || entry.note !== '')
  const exportCsv = () => {
    if (!findings) return
    const csv = sessionCsv({ segments: listed.segments, entries: verdicts, details, findings, staleMonths })
    downloadText(csv, datedFilename('audit-report', 'csv', new Date()), 'text/csv;charset=utf-8')
  }
  const exportJson = async () => {
    const now = new Date()
    const session = sessionFile(entries, listed.segments, listed.completeProviders, now)
    downloadText(JSON.stringify(session, null, 2), datedFilename('audit-session', 'json', now), 'application/json')
    try {
      await getBaselineStore().save(baselineFromSession(session, 'export'))
      setSnapshotProblem(null)
    } catch (error) {
      setSnapshotProblem(error instanceof Error ? error.message : String(error))
    }
  }
  return (
    <section className="card" aria-labelledby="export-heading">
      <h2 id="export-heading">Export the session</h2>
      <p className="muted">
        The CSV report lists every segment with its dates, findings, verdict and note ({formatNumber(entries.length)}{' '}
        reviewed or annotated). The JSON can be imported here or by a colleague, and is what the next audit compares with.
      </p>
      {listed.loading ? <p className="muted">Export is available once the segment lists have loaded.</p> : null}
      <div className="button-row">
        <button type="button" className="button" disabled={listed.loading || !findings || listed.segments.length === 0} onClick={exportCsv}>
          Export CSV
        </button>
        <button type="button" className="button button-primary" disabled={listed.loading} onClick={() => void exportJson()}>
          Export JSON
        </button>
      </div>
      {snapshotProblem ? (
        <Alert tone="warning" title="The file was exported, but this browser could not keep its snapshot">
          “Changed since the last audit” still compares with the previous one. ({snapshotProblem})
        </Alert>
      ) : null}
    </section>
  )
}
