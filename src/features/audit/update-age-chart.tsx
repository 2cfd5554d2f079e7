// Braze segments by age of their last update, drawn as bars in a table: the numbers are the text alternative.
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../components/use-format'
import type { UpdateAges } from './update-age'

/** The Braze segments in no bucket, each reason said apart: details not loaded yet is not a date Braze sent badly. */
const LEFT_OUT = [
  { field: 'notLoaded', words: 'age.unknown' },
  { field: 'unreadable', words: 'age.unreadable' },
  { field: 'notProvided', words: 'age.notProvided' },
] as const

/**
 * `brazeFailed`: the Braze list did not load, so there is nothing to date (rather than a chart of zeros);
 * `brazeNotConfigured`: because the server has no variables for Braze (the progress card says which to set).
 * `brazeListed`: the Braze list is complete, so no Braze segment means it has none.
 */
export function UpdateAgeChart({
  ages,
  brazeFailed,
  brazeNotConfigured = false,
  brazeListed,
}: {
  ages: UpdateAges
  brazeFailed: boolean
  brazeNotConfigured?: boolean
  brazeListed: boolean
}) {
  const { t } = useTranslation(['audit', 'common'])
  const format = useFormat()
  const largest = Math.max(1, ...ages.buckets.map((bucket) => bucket.count))
  const known = ages.buckets.reduce((sum, bucket) => sum + bucket.count, 0)
  const total = known + LEFT_OUT.reduce((sum, { field }) => sum + ages[field], 0)
  return (
    <section className="card" aria-labelledby="age-heading">
      <h2 id="age-heading">{t('age.heading')}</h2>
      {brazeFailed ? (
        <p className="muted">{brazeNotConfigured ? t('age.notConfigured') : t('age.listFailed')}</p>
      ) : null}
      {!brazeFailed && brazeListed && total === 0 ? <p className="muted">{t('age.noSegment')}</p> : null}
      {/* Bars of zeros would read as "no segment of that age": drawn once some dates are known. */}
      {known > 0 && !brazeFailed ? (
        <table className="chart-table age-chart">
          <caption className="muted">{t('age.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('age.updated')}</th>
              <th scope="col" className="numeric">
                {t('age.segments')}
              </th>
              <th scope="col" className="chart-cell">
                <span className="visually-hidden">{t('age.bar')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ages.buckets.map((bucket) => (
              <tr key={bucket.id}>
                <th scope="row">{t(`age.bucket.${bucket.id}`)}</th>
                <td className="numeric">{format.number(bucket.count)}</td>
                <td className="chart-cell" aria-hidden="true">
                  <span className="age-bar" style={{ width: `${(bucket.count / largest) * 100}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {brazeFailed
        ? null
        : LEFT_OUT.filter(({ field }) => ages[field] > 0).map(({ field, words }) => (
            <p key={field} className="muted small-print">
              {t(words, { count: ages[field], total })}
            </p>
          ))}
    </section>
  )
}
