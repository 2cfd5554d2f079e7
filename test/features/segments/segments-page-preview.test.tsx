// @vitest-environment jsdom
// Reopening the app: while the saved query cache is read back, the Segments page shows the first screen kept from the
// last visit (only in the default view, only under the same server configuration), then the whole list; and never
// the "No segments" empty state meanwhile.
import { dehydrate, QueryClient } from '@tanstack/react-query'
import { PersistQueryClientProvider, type PersistedClient, type Persister } from '@tanstack/react-query-persist-client'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import { setupServer } from 'msw/node'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createQueryClient } from '../../../src/app/query-client'
import { routes } from '../../../src/app/router'
import { formatTime } from '../../../src/lib/format'
import { readListPreview, resetListPreviewForTests, writeListPreview } from '../../../src/features/segments/list-preview'
import { toSegmentRow } from '../../../src/features/segments/segment-rows'
import { brazeQueries } from '../../../src/providers/braze/queries'
import { commandersActQueries } from '../../../src/providers/commanders-act/queries'
import { connectionIdentity, connectionStatusQuery, type ConnectionStatus } from '../../../src/providers/connection-status'
import { segmentKey } from '../../../src/providers/segment'
import { createDemoHandlers, listedSegments } from '../../msw/demo-handlers'

const demo = createDemoHandlers({ brazeCount: 80, commandersActCount: 5 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => resetListPreviewForTests())
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
const OTHER_WORKSPACE: ConnectionStatus = {
  mode: 'real',
  providers: { ...DEMO_STATUS.providers, braze: { configured: true, host: 'rest.iad-01.braze.com' } },
}

const KEPT_NAMES = ['Anniversary buyers', 'Black Friday browsers', 'Cart abandoners']

/** The first screen as the last visit kept it: three rows of a list of 12,000, 250 of them reviewed. */
/** When the kept lists were fetched: ten minutes ago. */
const KEPT_AS_OF = Date.now() - 10 * 60_000

function keepPreview(status: ConnectionStatus = DEMO_STATUS) {
  const rows = KEPT_NAMES.map((name, index) =>
    toSegmentRow({ key: segmentKey('braze', `kept-${index}`), provider: 'braze', id: `kept-${index}`, name, tags: [], analyticsTracking: true }, undefined),
  )
  writeListPreview({ connection: connectionIdentity(status), asOf: KEPT_AS_OF, rows, perProvider: { braze: 10_000, 'commanders-act': 2_000 }, reviewed: 250 })
  resetListPreviewForTests()
}

/** The saved query cache: both demo lists, fetched a moment ago. */
function savedLists(): PersistedClient {
  const saved = new QueryClient()
  const segments = listedSegments(demo.data)
  saved.setQueryData(brazeQueries.all().queryKey, segments.filter((segment) => segment.provider === 'braze'))
  saved.setQueryData(commandersActQueries.all().queryKey, segments.filter((segment) => segment.provider === 'commanders-act'))
  return { timestamp: Date.now(), buster: '', clientState: dehydrate(saved) }
}

/**
 * The app's routes at `url`, as on a reopen: the server's status already answered, the saved cache still being read
 * back until the test calls `finishRestore`.
 */
function reopenApp(url: string, { status = DEMO_STATUS }: { status?: ConnectionStatus | null } = {}) {
  const queryClient = createQueryClient()
  if (status) queryClient.setQueryData(connectionStatusQuery().queryKey, status)
  let resolveRestore!: (client: PersistedClient | undefined) => void
  const restored = new Promise<PersistedClient | undefined>((resolve) => (resolveRestore = resolve))
  const persister: Persister = { restoreClient: () => restored, persistClient: () => {}, removeClient: () => {} }
  const router = createMemoryRouter(routes, { initialEntries: [url] })
  render(
    <PersistQueryClientProvider client={queryClient} persistOptions={{ persister }}>
      <RouterProvider router={router} />
    </PersistQueryClientProvider>,
  )
  return { finishRestore: (client: PersistedClient | undefined) => act(async () => resolveRestore(client)) }
}

const pageShown = () => screen.findByRole('heading', { level: 1, name: 'Segments' })
const status = () => screen.getByRole('status')
const reviewedLine = () => screen.getByText(/^Reviewed/)
const table = () => screen.getByRole('table', { name: 'Segments' })
const rowNames = () => within(table()).getAllByRole('link').map((link) => link.textContent)
/** The loading placeholder in place of the table (decorative, hidden from assistive technology). */
const skeleton = () => document.querySelector('.table-skeleton')

describe('Segments page while the saved cache is read back', () => {
  it('shows the kept first screen, then the whole list once the cache is back', async () => {
    keepPreview()
    const { finishRestore } = reopenApp('/')

    await pageShown()
    expect(rowNames()).toEqual(KEPT_NAMES)
    expect(within(table()).getByRole('link', { name: 'Anniversary buyers' })).toBeInTheDocument()
    expect(status()).toHaveTextContent('12,000 segments · Braze: 10,000 · Commanders Act: 2,000')
    expect(reviewedLine()).toHaveTextContent('Reviewed 250 of 12,000')
    // As old as the kept lists, not "now".
    expect(screen.getByText(`as of ${formatTime(KEPT_AS_OF, 'en')}`)).toBeInTheDocument()

    await finishRestore(savedLists())

    await waitFor(() => expect(status()).toHaveTextContent('85 segments · Braze: 80 · Commanders Act: 5'))
    expect(reviewedLine()).toHaveTextContent('Reviewed 0 of 85')
    await waitFor(() => expect(rowNames()).not.toContain('Anniversary buyers'))
    expect(rowNames().length).toBeGreaterThan(KEPT_NAMES.length)
  })

  it.each(['/?q=abc', '/?provider=braze', '/?sort=-name'])('shows no kept rows in another view (%s), the loading placeholder instead', async (url) => {
    keepPreview()
    reopenApp(url)

    await pageShown()
    expect(screen.queryByRole('table', { name: 'Segments' })).not.toBeInTheDocument()
    expect(skeleton()).toBeInTheDocument()
    expect(status()).not.toHaveTextContent('12,000')
  })

  it('shows no kept rows from another server configuration', async () => {
    keepPreview(OTHER_WORKSPACE)
    reopenApp('/')

    await pageShown()
    expect(screen.queryByRole('table', { name: 'Segments' })).not.toBeInTheDocument()
    expect(skeleton()).toBeInTheDocument()
    expect(status()).not.toHaveTextContent('12,000')
  })

  it('shows no kept rows before the server has said which configuration it runs', async () => {
    keepPreview()
    reopenApp('/', { status: null })

    await pageShown()
    expect(screen.queryByRole('table', { name: 'Segments' })).not.toBeInTheDocument()
    expect(skeleton()).toBeInTheDocument()
  })

  it('shows the loading placeholder, not "No segments", when nothing was kept', async () => {
    reopenApp('/')

    await pageShown()
    expect(skeleton()).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'No segments' })).not.toBeInTheDocument()
    expect(screen.queryByRole('table', { name: 'Segments' })).not.toBeInTheDocument()
  })
})

describe('keeping the first screen for the next reopen', () => {
  it('keeps the first rows of the whole list in its default view', async () => {
    const { finishRestore } = reopenApp('/')
    await pageShown()

    await finishRestore(savedLists())
    await waitFor(() => expect(status()).toHaveTextContent('85 segments'))

    await waitFor(() => expect(localStorage.getItem('segment-audit:list-preview')).not.toBeNull())
    const kept = readListPreview(connectionIdentity(DEMO_STATUS), new Map())
    const shown = rowNames()
    expect(kept?.rows.map((row) => row.name).slice(0, shown.length)).toEqual(shown)
    expect(kept?.rows).toHaveLength(60)
    expect(kept?.perProvider).toEqual({ braze: 80, 'commanders-act': 5 })
    expect(kept?.total).toBe(85)
  })

  it('keeps nothing from a filtered view', async () => {
    const { finishRestore } = reopenApp('/?provider=braze')
    await pageShown()

    await finishRestore(savedLists())
    await waitFor(() => expect(status()).toHaveTextContent('80 segments of 85'))

    expect(localStorage.getItem('segment-audit:list-preview')).toBeNull()
  })
})
