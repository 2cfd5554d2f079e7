// The findings: each a count that opens the list filtered to it, with how much could be checked, and their settings.
import { Link } from 'react-router'
import { FINDING_HINTS, findingLabel } from '../../findings/finding-labels'
import { FINDING_IDS, type FindingCount, type FindingId, type SegmentFindings } from '../../findings/findings'
import { compileNamingPattern } from '../../findings/naming-pattern'
import { toDateParam } from '../../findings/staleness'
import { formatNumber } from '../../lib/format'
import { STALE_MONTHS_CHOICES, updateFindingSettings, useFindingSettings } from '../../stores/finding-settings'

function listUrl(id: FindingId, findings: SegmentFindings): string {
  return id === 'stale' ? `/?updatedBefore=${toDateParam(findings.staleCutoff)}` : `/?finding=${id}`
}

function coverage(id: FindingId, count: FindingCount): string {
  if (count.applicable === 0) return id === 'naming' ? 'Set a pattern to check names' : 'Nothing to check'
  if (count.checked === count.applicable) return `All ${formatNumber(count.applicable)} checked`
  const waiting = count.applicable - count.checked
  return `${formatNumber(count.checked)} of ${formatNumber(count.applicable)} checked · ${formatNumber(waiting)} need the details scan`
}

function FindingSettingsForm() {
  const { staleMonths, namingPattern } = useFindingSettings()
  const compiled = compileNamingPattern(namingPattern)
  return (
    <div className="findings-settings">
      <label className="select-field">
        <span>Not updated in</span>
        <select value={staleMonths} onChange={(event) => updateFindingSettings({ staleMonths: Number(event.target.value) })}>
          {STALE_MONTHS_CHOICES.map((months) => (
            <option key={months} value={months}>
              {months} months
            </option>
          ))}
        </select>
      </label>
      <label className="select-field naming-field">
        <span>Naming pattern</span>
        <input
          className="input mono"
          type="text"
          value={namingPattern}
          placeholder="none, e.g. ^(CRM|ACQ|RET)_"
          spellCheck={false}
          autoComplete="off"
          aria-describedby="naming-help"
          aria-invalid={!compiled.ok}
          onChange={(event) => updateFindingSettings({ namingPattern: event.target.value })}
        />
      </label>
      <p id="naming-help" className={compiled.ok ? 'muted small-print' : 'field-problem small-print'}>
        {compiled.ok
          ? 'A regular expression every segment name should match; leave empty for none.'
          : `This pattern is not a valid regular expression (${compiled.problem}); names are not checked until it is fixed.`}
      </p>
    </div>
  )
}

export function FindingsPanel({ findings, staleMonths }: { findings: SegmentFindings | null; staleMonths: number }) {
  return (
    <section className="card card-wide" aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings</h2>
      <p className="muted">
        What deserves a look. Each count opens the Segments list filtered to it. Findings about descriptions, dates and
        sizes cover the Braze segments whose details are loaded: the details scan loads them all.
      </p>
      <FindingSettingsForm />
      {findings ? (
        <table className="findings-table">
          <caption className="visually-hidden">Findings</caption>
          <thead>
            <tr>
              <th scope="col">Finding</th>
              <th scope="col" className="numeric">Segments</th>
              <th scope="col">Checked</th>
            </tr>
          </thead>
          <tbody>
            {FINDING_IDS.map((id) => {
              const count = findings.counts[id]
              return (
                <tr key={id}>
                  <th scope="row">
                    {count.applicable > 0 ? <Link to={listUrl(id, findings)}>{findingLabel(id, staleMonths)}</Link> : findingLabel(id, staleMonths)}
                    <span className="finding-hint">{FINDING_HINTS[id]}</span>
                  </th>
                  <td className="numeric finding-count">{count.applicable > 0 ? formatNumber(count.count) : '—'}</td>
                  <td className="muted">{coverage(id, count)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : (
        <p role="status" className="muted">
          The findings appear once the segment lists have loaded.
        </p>
      )}
    </section>
  )
}
