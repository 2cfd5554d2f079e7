// The cross-provider matches as pairs: the same audience kept in both tools, side by side, most alike first.
import { useState } from 'react'
import { Link } from 'react-router'
import type { CrossProviderMatch } from '../../findings/cross-provider'
import { formatNumber, formatPercent } from '../../lib/format'
import { segmentPath } from '../../providers/segment'

const PAGE = 25

export function CrossProviderPairs({ matches }: { matches: readonly CrossProviderMatch[] | null }) {
  const [shown, setShown] = useState(PAGE)
  const exact = matches?.filter((match) => match.similarity === 1).length ?? 0
  return (
    <section className="card card-wide" aria-labelledby="pairs-heading">
      <h2 id="pairs-heading">In both providers</h2>
      {!matches ? (
        <p className="muted">The pairs appear once the segment lists have loaded.</p>
      ) : matches.length === 0 ? (
        <p className="muted">No Braze segment has the same or nearly the same name as a Commanders Act segment.</p>
      ) : (
        <>
          <p className="muted">
            {formatNumber(matches.length)} pairs of a Braze and a Commanders Act segment with the same name ({formatNumber(exact)}) or
            nearly the same ({formatNumber(matches.length - exact)}), ignoring case, accents and punctuation. Keep one, or
            document why both exist.
          </p>
          <table className="pairs-table">
            <caption className="visually-hidden">Segments in both providers</caption>
            <thead>
              <tr>
                <th scope="col">Braze</th>
                <th scope="col">Commanders Act</th>
                <th scope="col" className="numeric">Similarity</th>
              </tr>
            </thead>
            <tbody>
              {matches.slice(0, shown).map((match) => (
                <tr key={`${match.braze.key}|${match.commandersAct.key}`}>
                  <td>
                    <Link to={segmentPath(match.braze)}>{match.braze.name}</Link>
                  </td>
                  <td>
                    <Link to={segmentPath(match.commandersAct)}>{match.commandersAct.name}</Link>
                  </td>
                  <td className="numeric">{match.similarity === 1 ? 'Same name' : formatPercent(match.similarity)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown < matches.length ? (
            <div className="button-row table-more">
              <button type="button" className="button" onClick={() => setShown((count) => count + PAGE * 4)}>
                Show {formatNumber(Math.min(PAGE * 4, matches.length - shown))} more
              </button>
              <span className="muted">
                {formatNumber(shown)} of {formatNumber(matches.length)} shown
              </span>
            </div>
          ) : null}
        </>
      )}
    </section>
  )
}
