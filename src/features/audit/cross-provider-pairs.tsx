// The cross-provider matches as pairs: the same audience kept in both tools, side by side, most alike first.
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormat } from '../../components/use-format'
import type { CrossProviderMatch } from '../../findings/cross-provider'
import { providerLabel, type ProviderId } from '../../providers/provider-id'
import { segmentPath } from '../../providers/segment'
import { ShowMore, useShowMore } from './show-more'

interface CrossProviderPairsProps {
  matches: readonly CrossProviderMatch[] | null
  /** Providers whose list failed: pairs need both lists, so none is not "no pair". */
  failed: readonly ProviderId[]
  /** Of those, the ones the server has no variables for: said as such (the progress card says what to set). */
  notConfigured: readonly ProviderId[]
}

export function CrossProviderPairs({ matches, failed, notConfigured }: CrossProviderPairsProps) {
  const { t } = useTranslation(['audit', 'common'])
  const format = useFormat()
  const { shown, list, showMore } = useShowMore<HTMLTableSectionElement>()
  const exact = matches?.filter((match) => match.similarity === 1).length ?? 0
  return (
    <section className="card card-wide" aria-labelledby="pairs-heading">
      <h2 id="pairs-heading">{t('pairs.heading')}</h2>
      {failed[0] ? (
        <p className="muted">
          {t(notConfigured.includes(failed[0]) ? 'pairs.notConfigured' : 'pairs.listFailed', {
            provider: providerLabel[failed[0]],
          })}
        </p>
      ) : !matches ? (
        <p className="muted">{t('pairs.waiting')}</p>
      ) : matches.length === 0 ? (
        <p className="muted">{t('pairs.none')}</p>
      ) : (
        <>
          <p className="muted">{t('pairs.summary', { count: matches.length, exact, near: matches.length - exact })}</p>
          <table className="pairs-table">
            <caption className="visually-hidden">{t('pairs.table')}</caption>
            <thead>
              <tr>
                <th scope="col">Braze</th>
                <th scope="col">Commanders Act</th>
                <th scope="col" className="numeric">
                  {t('pairs.similarity')}
                </th>
              </tr>
            </thead>
            <tbody ref={list}>
              {matches.slice(0, shown).map((match) => (
                <tr key={`${match.braze.key}|${match.commandersAct.key}`}>
                  <td>
                    <Link to={segmentPath(match.braze)}>{match.braze.name}</Link>
                  </td>
                  <td>
                    <Link to={segmentPath(match.commandersAct)}>{match.commandersAct.name}</Link>
                  </td>
                  <td className="numeric">
                    {match.similarity === 1 ? t('pairs.sameName') : format.percent(match.similarity)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ShowMore
            shown={shown}
            total={matches.length}
            label={(count) => t('pairs.more', { count })}
            status={t('pairs.shown', { shown, total: matches.length })}
            onMore={showMore}
          />
        </>
      )}
    </section>
  )
}
