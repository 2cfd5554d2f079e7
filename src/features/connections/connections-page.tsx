// The Connections page: which providers are configured, real or demo, whether their last calls worked, their host
// and site — never a secret.
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { RichText } from '../../components/rich-text'
import { Alert } from '../../components/alert'
import { Badge } from '../../components/badge'
import { useDocumentTitle } from '../../components/use-document-title'
import { useFormat } from '../../components/use-format'
import { brazeInstanceName } from './braze-instance'
import { BrazeBudget } from './braze-budget'
import { ProviderFacts } from './provider-health'
import { connectionStatusQuery, type ConnectionStatus } from '../../providers/connection-status'
import { useAskAgainWhenServerBack } from '../../stores/server-back'

type ProviderStatus = ConnectionStatus['providers']['braze'] | ConnectionStatus['providers']['commandersAct']

const VARIABLES = {
  braze: [
    ['BRAZE_REST_ENDPOINT', 'https://rest.iad-01.braze.com'],
    ['BRAZE_API_KEY', 'your-rest-api-key'],
  ],
  commandersAct: [
    ['COMMANDERS_ACT_SITE_ID', '1234'],
    ['COMMANDERS_ACT_TOKEN', 'your-token'],
  ],
} as const

function StateBadge({ status, mode }: { status: ProviderStatus; mode: ConnectionStatus['mode'] }) {
  const { t } = useTranslation(['connections', 'common'])
  if (!status.configured) return <Badge tone="danger">{t('state.notConfigured')}</Badge>
  return mode === 'demo' ? (
    <Badge tone="demo">{t('common:badge.demo')}</Badge>
  ) : (
    <Badge tone="real">{t('state.live')}</Badge>
  )
}

/** "<code>A</code> and <code>B</code>", in the page's language, for RichText. */
const codeList = (names: readonly string[], locale: string) =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format(names.map((name) => `<code>${name}</code>`))

function MissingConfiguration({
  status,
  variables,
}: {
  status: ProviderStatus
  variables: readonly (readonly [string, string])[]
}) {
  const { t } = useTranslation('connections')
  const { locale } = useFormat()
  if (status.configured) return null
  const missing = codeList(status.missing, locale)
  const invalid = codeList(status.invalid, locale)
  const what =
    status.invalid.length === 0
      ? t('missing.set', { names: missing })
      : status.missing.length === 0
        ? t('missing.fix', { names: invalid })
        : t('missing.setAndFix', { missing, invalid })
  return (
    <>
      <p>
        <RichText text={`${what} ${t('missing.where')}`} components={{ code: <code /> }} />
      </p>
      <pre className="env-example" aria-label={t('missing.example')}>
        {variables.map(([name, example]) => `${name}=${example}`).join('\n')}
      </pre>
    </>
  )
}

function BrazeCard({
  status,
  mode,
}: {
  status: ConnectionStatus['providers']['braze']
  mode: ConnectionStatus['mode']
}) {
  const { t } = useTranslation('connections')
  return (
    <section className="card" aria-labelledby="connection-braze">
      <div className="page-header">
        <h2 id="connection-braze">Braze</h2>
        <StateBadge status={status} mode={mode} />
      </div>
      {status.configured ? (
        <ProviderFacts provider="braze">
          <dt>{t('braze.endpoint')}</dt>
          <dd className="mono">{status.host}</dd>
          <dt>{t('braze.instance')}</dt>
          <dd>
            {mode === 'demo' ? t('braze.demoServer') : (brazeInstanceName(status.host) ?? t('braze.unrecognised'))}
          </dd>
          <dt>{t('braze.permissions')}</dt>
          <dd>
            <code>segments.list</code>, <code>segments.details</code>, <code>segments.data_series</code>
          </dd>
          <BrazeBudget />
        </ProviderFacts>
      ) : (
        <MissingConfiguration status={status} variables={VARIABLES.braze} />
      )}
    </section>
  )
}

function CommandersActCard({
  status,
  mode,
}: {
  status: ConnectionStatus['providers']['commandersAct']
  mode: ConnectionStatus['mode']
}) {
  const { t } = useTranslation('connections')
  return (
    <section className="card" aria-labelledby="connection-commanders-act">
      <div className="page-header">
        <h2 id="connection-commanders-act">Commanders Act</h2>
        <StateBadge status={status} mode={mode} />
      </div>
      {status.configured ? (
        <ProviderFacts provider="commanders-act">
          <dt>{t('commandersAct.host')}</dt>
          <dd className="mono">{status.host}</dd>
          <dt>{t('commandersAct.site')}</dt>
          <dd className="mono">{status.site}</dd>
          <dt>{t('commandersAct.endpoints')}</dt>
          <dd>{t('commandersAct.endpointsValue')}</dd>
        </ProviderFacts>
      ) : (
        <MissingConfiguration status={status} variables={VARIABLES.commandersAct} />
      )}
    </section>
  )
}

export function ConnectionsPage() {
  const { t } = useTranslation(['connections', 'common'])
  useDocumentTitle(t('title'))
  const status = useQuery(connectionStatusQuery())
  // Asked again while it fails: a page opened while the app's server restarts comes back by itself.
  useAskAgainWhenServerBack(status.error, () => void status.refetch(), status.isError)
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('intro')}</p>
        </div>
      </div>
      {status.isPending ? <p role="status">{t('checking')}</p> : null}
      {status.isError ? (
        // No answer at all (fetch's TypeError): the server, not its configuration, is the matter.
        status.error instanceof TypeError ? (
          <Alert tone="error" title={t('common:error.appUnreachable.title')}>
            {t('common:error.appUnreachable.advice')}
          </Alert>
        ) : (
          <Alert tone="error" title={t('statusFailed')}>
            {status.error.message}
          </Alert>
        )
      ) : null}
      {status.data ? (
        <>
          {status.data.mode === 'demo' ? (
            <Alert tone="warning" title={t('common:badge.demo')}>
              <RichText text={t('demo')} components={{ code: <code /> }} />
            </Alert>
          ) : null}
          <div className="card-grid">
            <BrazeCard status={status.data.providers.braze} mode={status.data.mode} />
            <CommandersActCard status={status.data.providers.commandersAct} mode={status.data.mode} />
          </div>
        </>
      ) : null}
    </>
  )
}
