// Visitor lookup (/visitor): which Commanders Act segments one visitor (tcid) belongs to, resolved to labels.
import { useTranslation } from 'react-i18next'
import { useQuery } from '@tanstack/react-query'
import { useRef, useState, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { Alert, RetryAlert } from '../../components/alert'
import { useDocumentTitle } from '../../components/use-document-title'
import { commandersActQueries } from '../../providers/commanders-act/queries'
import { connectionStatusQuery } from '../../providers/connection-status'
import { adviceForError, isNotConfigured } from '../../providers/error-advice'
import { ProviderError } from '../../providers/provider-error'
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

/**
 * Commanders Act not configured on the server (a Braze-only team), as its status says: said as the page opens, with
 * what to set, rather than after a lookup that could only fail.
 */
function NotConfigured({ missing, invalid }: { missing: string[]; invalid: string[] }) {
  const { t } = useTranslation()
  const { title, advice } = adviceForError(
    new ProviderError('commanders-act', 'not_configured', { missing, invalid }),
    'commanders-act',
    t,
  )
  return (
    <Alert tone="error" title={title}>
      {advice}
    </Alert>
  )
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
        // Not configured: asking again cannot help, the server reads its variables as it starts.
        onRetry={isNotConfigured(membership.error) ? undefined : () => void membership.refetch()}
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
  const field = useRef<HTMLInputElement>(null)
  // The configuration the app read as it started (or reads now): it changes only with the server's restart.
  const status = useQuery(connectionStatusQuery())
  const commandersAct = status.data?.providers.commandersAct
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
    // A refused ID: the keyboard back to the field to correct it (the button pressed would keep it otherwise), and
    // the reason said at once, as a field already focused (Enter) would not say its new description.
    if (found) field.current?.focus()
    else setSearchParams({ tcid: value })
  }
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('intro')}</p>
        </div>
      </div>
      {commandersAct?.configured === false ? (
        <NotConfigured missing={commandersAct.missing} invalid={commandersAct.invalid} />
      ) : null}
      <form className="card visitor-form" onSubmit={submit} noValidate>
        <label htmlFor="tcid">{t('field')}</label>
        <div className="visitor-row">
          <input
            ref={field}
            id="tcid"
            className="input"
            inputMode="numeric"
            autoComplete="off"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            aria-invalid={invalid}
            aria-describedby={invalid ? 'tcid-problem' : undefined}
          />
          {/* Not configured: a lookup could only fail (the alert above says what to set). */}
          <button type="submit" className="button button-primary" disabled={commandersAct?.configured === false}>
            {t('submit')}
          </button>
        </div>
        {problem ? (
          <p id="tcid-problem" className="field-problem" role="alert">
            {problem.reason === 'tooLong'
              ? t('tooLong', { max: TCID_MAX_DIGITS, digits: problem.digits })
              : t(problem.reason)}
          </p>
        ) : null}
      </form>
      {/* Under an ID refused as invalid, the last visitor's segments would read as its answer: none is shown. */}
      {/* Not configured: a lookup's answer would only say it again (a status that cannot be read lets it ask). */}
      {!invalid && !tcidProblem(tcid) && !status.isPending && commandersAct?.configured !== false ? (
        <VisitorSegments key={tcid} tcid={tcid} />
      ) : null}
    </>
  )
}
