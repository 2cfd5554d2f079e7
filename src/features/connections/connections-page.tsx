// The Connections page: which providers are configured, real or demo, their host and site — never a secret.
import { useQuery } from '@tanstack/react-query'
import { Alert } from '../../components/alert'
import { Badge } from '../../components/badge'
import { useDocumentTitle } from '../../components/use-document-title'
import { brazeInstanceName } from './braze-instance'
import { connectionStatusQuery, type ConnectionStatus } from '../../providers/connection-status'

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
  if (!status.configured) return <Badge tone="danger">Not configured</Badge>
  return mode === 'demo' ? <Badge tone="demo">Demo data</Badge> : <Badge tone="real">Live</Badge>
}

function MissingConfiguration({ status, variables }: { status: ProviderStatus; variables: readonly (readonly [string, string])[] }) {
  if (status.configured) return null
  return (
    <>
      <p>
        {status.missing.length > 0 ? <>Set {status.missing.map((name) => <code key={name}>{name} </code>)}</> : null}
        {status.invalid.length > 0 ? <>Fix {status.invalid.map((name) => <code key={name}>{name} </code>)} (invalid value)</> : null}
        in <code>.env.local</code> or the server environment, then restart the server.
      </p>
      <pre className="env-example" aria-label="Example configuration">
        {variables.map(([name, example]) => `${name}=${example}`).join('\n')}
      </pre>
    </>
  )
}

function BrazeCard({ status, mode }: { status: ConnectionStatus['providers']['braze']; mode: ConnectionStatus['mode'] }) {
  return (
    <section className="card" aria-labelledby="connection-braze">
      <div className="page-header">
        <h2 id="connection-braze">Braze</h2>
        <StateBadge status={status} mode={mode} />
      </div>
      {status.configured ? (
        <dl className="facts">
          <dt>REST endpoint</dt>
          <dd className="mono">{status.host}</dd>
          <dt>Instance</dt>
          <dd>{mode === 'demo' ? 'Built-in demo server' : (brazeInstanceName(status.host) ?? 'Unrecognised host')}</dd>
          <dt>Key permissions used</dt>
          <dd>
            <code>segments.list</code>, <code>segments.details</code>, <code>segments.data_series</code>
          </dd>
        </dl>
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
  return (
    <section className="card" aria-labelledby="connection-commanders-act">
      <div className="page-header">
        <h2 id="connection-commanders-act">Commanders Act</h2>
        <StateBadge status={status} mode={mode} />
      </div>
      {status.configured ? (
        <dl className="facts">
          <dt>API host</dt>
          <dd className="mono">{status.host}</dd>
          <dt>Site</dt>
          <dd className="mono">{status.site}</dd>
          <dt>Endpoints used</dt>
          <dd>Segment list, and visitor segments (JSONP, converted to JSON by the server)</dd>
        </dl>
      ) : (
        <MissingConfiguration status={status} variables={VARIABLES.commandersAct} />
      )}
    </section>
  )
}

export function ConnectionsPage() {
  useDocumentTitle('Connections')
  const status = useQuery(connectionStatusQuery())
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Connections</h1>
          <p>Where the dashboard reads segments from. Keys and tokens stay on the server and are never shown here.</p>
        </div>
      </div>
      {status.isPending ? <p role="status">Checking the server configuration…</p> : null}
      {status.isError ? (
        <Alert tone="error" title="The dashboard server did not say how it is configured">
          {status.error.message}
        </Alert>
      ) : null}
      {status.data ? (
        <>
          {status.data.mode === 'demo' ? (
            <Alert tone="warning" title="Demo data">
              No provider credentials are set, so the server runs built-in fake Braze and Commanders Act providers with
              generated segments. Set the variables in <code>.env.local</code> and restart to audit your real segments.
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
