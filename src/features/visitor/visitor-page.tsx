// Visitor lookup (/visitor): which Commanders Act segments one visitor (tcid) belongs to, resolved to labels.
import { useTranslation } from 'react-i18next'
import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { RetryAlert } from '../../components/alert'
import { useDocumentTitle } from '../../components/use-document-title'
import { commandersActQueries } from '../../providers/commanders-act/queries'
import { adviceForError } from '../../providers/error-advice'
import { useAskAgainWhenServerBack } from '../../stores/server-back'

/** The longest visitor ID the proxy passes on to Commanders Act. */
const TCID_MAX_DIGITS = 32

type TcidProblem = { reason: 'empty' | 'invalid' } | { reason: 'tooLong'; digits: number }

/** What is wrong with an ID, if anything: none given, not only digits, or more of them than an ID has. */
function tcidProblem(tcid: string): TcidProblem | undefined {
  if (tcid === '') return { reason: 'empty' }
  if (!/^\d+$/.test(tcid)) return { reason: 'invalid' }
  return tcid.length > TCID_MAX_DIGITS ? { reason: 'tooLong', digits: tcid.length } : undefined
}

function VisitorSegments({ tcid }: { tcid: string }) {
  const { t } = useTranslation('visitor')
  // Provider failures are worded by the shared advice, in the common namespace.
  const { t: tCommon } = useTranslation()
  const membership = useQuery(commandersActQueries.visitor(tcid))
  // Asked again while the app's own server does not answer (a restart): the answer comes by itself.
  useAskAgainWhenServerBack(membership.error, () => void membership.refetch())
  const list = useQuery(commandersActQueries.all())
  if (membership.isPending) return <p role="status">{t('looking', { tcid })}</p>
  if (membership.isError) {
    return (
      <RetryAlert
        {...adviceForError(membership.error, 'commanders-act', tCommon)}
        onRetry={() => void membership.refetch()}
      />
    )
  }
  const labels = new Map(list.data?.map((segment) => [segment.id, segment.name]))
  const ids = membership.data
  return (
    <section className="card" aria-labelledby="visitor-result">
      <h2 id="visitor-result">{t('result', { tcid })}</h2>
      <p role="status">{ids.length === 0 ? t('none') : t('count', { count: ids.length })}</p>
      {ids.length > 0 ? (
        <ul className="visitor-segments">
          {ids.map((id) => {
            const label = labels.get(id)
            return (
              <li key={id}>
                {label !== undefined ? (
                  <Link to={`/segments/commanders-act/${encodeURIComponent(id)}`}>{label}</Link>
                ) : list.isPending ? (
                  <span className="muted">{t('loadingLabel')}</span>
                ) : (
                  <span className="muted">{t('unknownId')}</span>
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
  const { t } = useTranslation('visitor')
  useDocumentTitle(t('title'))
  const [searchParams, setSearchParams] = useSearchParams()
  const tcid = searchParams.get('tcid') ?? ''
  const [input, setInput] = useState(tcid)
  // What is wrong, not the message: the message follows the language if it changes while shown.
  const [problem, setProblem] = useState<TcidProblem>()
  const invalid = problem !== undefined
  // The URL's ID changed (a lookup, Back, Forward): the field shows the ID whose answer is shown, with no error left.
  const [shown, setShown] = useState(tcid)
  if (shown !== tcid) {
    setShown(tcid)
    setInput(tcid)
    setProblem(undefined)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const value = input.trim()
    const found = tcidProblem(value)
    setProblem(found)
    if (!found) setSearchParams({ tcid: value })
  }
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('intro')}</p>
        </div>
      </div>
      <form className="card visitor-form" onSubmit={submit} noValidate>
        <label htmlFor="tcid">{t('field')}</label>
        <div className="visitor-row">
          <input
            id="tcid"
            className="input"
            inputMode="numeric"
            autoComplete="off"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            aria-invalid={invalid}
            aria-describedby={invalid ? 'tcid-problem' : undefined}
          />
          <button type="submit" className="button button-primary">
            {t('submit')}
          </button>
        </div>
        {problem ? (
          <p id="tcid-problem" className="field-problem">
            {problem.reason === 'tooLong'
              ? t('tooLong', { max: TCID_MAX_DIGITS, digits: problem.digits })
              : t(problem.reason)}
          </p>
        ) : null}
      </form>
      {/* Under an ID refused as invalid, the last visitor's segments would read as its answer: none is shown. */}
      {!invalid && !tcidProblem(tcid) ? <VisitorSegments key={tcid} tcid={tcid} /> : null}
    </>
  )
}
