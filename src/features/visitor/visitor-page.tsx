// Visitor lookup (/visitor): which Commanders Act segments one visitor (tcid) belongs to, resolved to labels.
import { useTranslation } from 'react-i18next'
import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { RetryAlert } from '../../components/alert'
import { useDocumentTitle } from '../../components/use-document-title'
import { commandersActQueries } from '../../providers/commanders-act/queries'
import { adviceForError } from '../../providers/error-advice'
import { formatNumber } from '../../lib/format'

const TCID = /^\d{1,32}$/

function VisitorSegments({ tcid }: { tcid: string }) {
  const { t } = useTranslation()
  const membership = useQuery(commandersActQueries.visitor(tcid))
  const list = useQuery(commandersActQueries.all())
  if (membership.isPending) return <p role="status">Looking up visitor {tcid}…</p>
  if (membership.isError) {
    return <RetryAlert {...adviceForError(membership.error, 'commanders-act', t)} onRetry={() => void membership.refetch()} />
  }
  const labels = new Map(list.data?.map((segment) => [segment.id, segment.name]))
  const ids = membership.data
  return (
    <section className="card" aria-labelledby="visitor-result">
      <h2 id="visitor-result">Visitor {tcid}</h2>
      <p role="status">
        {ids.length === 0
          ? 'This visitor is in no Commanders Act segment.'
          : `In ${formatNumber(ids.length)} Commanders Act ${ids.length === 1 ? 'segment' : 'segments'}.`}
      </p>
      {ids.length > 0 ? (
        <ul className="visitor-segments">
          {ids.map((id) => {
            const label = labels.get(id)
            return (
              <li key={id}>
                {label !== undefined ? (
                  <Link to={`/segments/commanders-act/${encodeURIComponent(id)}`}>{label}</Link>
                ) : list.isPending ? (
                  <span className="muted">Loading the label…</span>
                ) : (
                  <span className="muted">Not in the segment list (deleted, or the list could not be loaded)</span>
                )}{' '}
                <code className="muted">{id}</code>
              </li>
            )
          })}
        </ul>
      ) : null}
    </section>
  )
}

export function VisitorPage() {
  useDocumentTitle('Visitor lookup')
  const [searchParams, setSearchParams] = useSearchParams()
  const tcid = searchParams.get('tcid') ?? ''
  const [input, setInput] = useState(tcid)
  const [problem, setProblem] = useState<string | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const value = input.trim()
    if (!TCID.test(value)) {
      setProblem('A visitor ID (tcid) is made of digits only, e.g. 1234567890.')
      return
    }
    setProblem(null)
    setSearchParams({ tcid: value })
  }
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Visitor lookup</h1>
          <p>Find which Commanders Act segments one visitor belongs to, from their visitor ID (tcid).</p>
        </div>
      </div>
      <form className="card visitor-form" onSubmit={submit} noValidate>
        <label htmlFor="tcid">Visitor ID (tcid)</label>
        <div className="visitor-row">
          <input
            id="tcid"
            className="input"
            inputMode="numeric"
            autoComplete="off"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'tcid-problem' : undefined}
          />
          <button type="submit" className="button button-primary">Look up</button>
        </div>
        {problem ? <p id="tcid-problem" className="field-problem">{problem}</p> : null}
      </form>
      {TCID.test(tcid) ? <VisitorSegments key={tcid} tcid={tcid} /> : null}
    </>
  )
}
