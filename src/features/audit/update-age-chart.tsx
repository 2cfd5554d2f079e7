// Braze segments by age of their last update, drawn as bars in a table: the numbers are the text alternative.
import { formatNumber } from '../../lib/format'
import type { UpdateAges } from './update-age'

export function UpdateAgeChart({ ages }: { ages: UpdateAges }) {
  const largest = Math.max(1, ...ages.buckets.map((bucket) => bucket.count))
  const known = ages.buckets.reduce((sum, bucket) => sum + bucket.count, 0)
  return (
    <section className="card" aria-labelledby="age-heading">
      <h2 id="age-heading">Last updated</h2>
      <table className="chart-table age-chart">
        <caption className="muted">Braze segments by age of their last update. Commanders Act does not provide dates.</caption>
        <thead>
          <tr>
            <th scope="col">Updated</th>
            <th scope="col" className="numeric">Segments</th>
            <th scope="col" className="chart-cell">
              <span className="visually-hidden">Bar</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ages.buckets.map((bucket) => (
            <tr key={bucket.label}>
              <th scope="row">{bucket.label}</th>
              <td className="numeric">{formatNumber(bucket.count)}</td>
              <td className="chart-cell" aria-hidden="true">
                <span className="age-bar" style={{ width: `${(bucket.count / largest) * 100}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {ages.unknown > 0 ? (
        <p className="muted small-print">
          {formatNumber(ages.unknown)} of {formatNumber(ages.unknown + known)} Braze segments are not counted yet: their
          details are not loaded. The details scan loads them.
        </p>
      ) : null}
    </section>
  )
}
