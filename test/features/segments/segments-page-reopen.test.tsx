// @vitest-environment jsdom
// Reopening the app: while the saved query cache is read back, the Segments page shows its loading placeholder (never
// "No segments"), then the saved list, without waiting for the providers.
import { dehydrate, QueryClient } from '@tanstack/react-query'
import { PersistQueryClientProvider, type PersistedClient, type Persister } from '@tanstack/react-query-persist-client'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { MemoryRouter } from 'react-router'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createQueryClient } from '../../../src/app/query-client'
import { AppRoutes } from '../../../src/app/router'
import { brazeQueries } from '../../../src/providers/braze/queries'
import { commandersActQueries } from '../../../src/providers/commanders-act/queries'
import { connectionStatusQuery, type ConnectionStatus } from '../../../src/providers/connection-status'
import { createDemoHandlers, listedSegments } from '../../msw/demo-handlers'

const demo = createDemoHandlers({ brazeCount: 80, commandersActCount: 5 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** What the demo server's /api/status says. */
const DEMO_STATUS: ConnectionStatus = {
  mode: 'demo',
  providers: {
    braze: { configured: true, host: 'rest.demo-braze.test' },
    commandersAct: { configured: true, host: 'api.demo-commanders-act.test', site: '1234' },
  },
}
/** The saved query cache: both demo lists, fetched a moment ago. */
function savedLists(): PersistedClient {
  const saved = new QueryClient()
  const segments = listedSegments(demo.data)
  saved.setQueryData(
    brazeQueries.all().queryKey,
    segments.filter((segment) => segment.provider === 'braze'),
  )
  saved.setQueryData(
    commandersActQueries.all().queryKey,
    segments.filter((segment) => segment.provider === 'commanders-act'),
  )
  return { timestamp: Date.now(), buster: '', clientState: dehydrate(saved) }
}

/**
 * The app's routes at `url`, as on a reopen: the server's status already answered, the saved cache still being read
 * back until the test calls `finishRestore`.
 */
function reopenApp(url: string) {
  const queryClient = createQueryClient()
  queryClient.setQueryData(connectionStatusQuery().queryKey, DEMO_STATUS)
  let resolveRestore!: (client: PersistedClient | undefined) => void
  const restored = new Promise<PersistedClient | undefined>((resolve) => (resolveRestore = resolve))
  const persister: Persister = { restoreClient: () => restored, persistClient: () => {}, removeClient: () => {} }
  render(
    <PersistQueryClientProvider client={queryClient} persistOptions={{ persister }}>
      <MemoryRouter initialEntries={[url]}>
        <AppRoutes />
      </MemoryRouter>
    </PersistQueryClientProvider>,
  )
  return { finishRestore: (client: PersistedClient | undefined) => act(async () => resolveRestore(client)) }
}

const pageShown = () => screen.findByRole('heading', { level: 1, name: 'Segments' })
const status = () => screen.getByRole('status')
const table = () => screen.getByRole('table', { name: 'Segments' })
/** The loading placeholder in place of the table (decorative, hidden from assistive technology). */
const skeleton = () => document.querySelector('.table-skeleton')

describe('Segments page while the saved cache is read back', () => {
  it('shows the loading placeholder, not "No segments", then the saved list without asking the providers', async () => {
    // Providers that would fail: the list shown can only come from the saved cache.
    server.use(
      http.get('/api/braze/*', () => HttpResponse.json({ message: 'down' }, { status: 500 })),
      http.get('/api/commanders-act/*', () => HttpResponse.json({ message: 'down' }, { status: 500 })),
    )
    const { finishRestore } = reopenApp('/')

    await pageShown()
    expect(skeleton()).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'No segments' })).not.toBeInTheDocument()
    expect(screen.queryByRole('table', { name: 'Segments' })).not.toBeInTheDocument()

    await finishRestore(savedLists())

    await waitFor(() => expect(status()).toHaveTextContent('85 segments · Braze: 80 · Commanders Act: 5'))
    expect(within(table()).getAllByRole('link').length).toBeGreaterThan(0)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
