// The persisted query cache: which queries are kept (whole, successful provider data only), and which saved caches
// come back (same buster, under a day old, same server configuration).
import { dehydrate, QueryClient, type QueryKey } from '@tanstack/react-query'
import {
  persistQueryClientRestore,
  persistQueryClientSave,
  type PersistedClient,
} from '@tanstack/react-query-persist-client'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createQueryClient } from '../../src/app/query-client'
import { cachePersistOptions, type CachePersistOptions } from '../../src/app/query-persistence'
import { BRAZE_PAGES_PER_REQUEST } from '../../src/providers/braze/list-stream'
import { brazeKeys, brazeQueries } from '../../src/providers/braze/queries'
import { CACHE_BUSTER, CACHE_MAX_AGE_MS } from '../../src/providers/cache-policy'
import { commandersActKeys } from '../../src/providers/commanders-act/queries'
import { connectionIdentity, type ConnectionStatus } from '../../src/providers/connection-status'
import { createDemoHandlers } from '../msw/demo-handlers'
import { held } from '../held'

// Six list pages (5 × 100 + 50): the first request takes five of them, so the list streams in.
const demo = createDemoHandlers({ brazeCount: 550, commandersActCount: 3 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

let database = 0
const databaseName = () => `query-persistence-test-${database}`

/** A client as the app makes it, persisted to a database of its own. */
function persistedClient(): { queryClient: QueryClient; options: CachePersistOptions } {
  database += 1
  const queryClient = createQueryClient()
  return { queryClient, options: cachePersistOptions(queryClient, { databaseName: databaseName() }) }
}

/** A new client on the same database, as the app is after a reload. */
function reopen() {
  const queryClient = createQueryClient()
  const options = cachePersistOptions(queryClient, { databaseName: databaseName() })
  return { queryClient, restore: () => persistQueryClientRestore({ ...options, queryClient }) }
}

const persistedKeys = (queryClient: QueryClient, options: CachePersistOptions): QueryKey[] =>
  dehydrate(queryClient, options.dehydrateOptions).queries.map((query) => query.queryKey)

const BRAZE_ID = demo.data.braze[0]?.id ?? ''

/** Holds the Braze list pages after the first request's (pages 0–4) until released. */
function holdLaterListPages(): () => void {
  const { released, release } = held()
  server.use(
    http.get('*/api/braze/segments/list', async ({ request }) => {
      if (Number(new URL(request.url).searchParams.get('page')) >= BRAZE_PAGES_PER_REQUEST) await released
      return demo.forwardToBraze(request)
    }),
  )
  return release
}

function status(overrides: Partial<ConnectionStatus> = {}): ConnectionStatus {
  return {
    mode: 'demo',
    providers: {
      braze: { configured: true, host: 'rest.demo-braze.test' },
      commandersAct: { configured: true, host: 'api.demo-commanders-act.test', site: '1234' },
    },
    ...overrides,
  }
}

describe('which queries are persisted', () => {
  it('keeps successful provider data: both lists, Braze details and sizes', async () => {
    const { queryClient, options } = persistedClient()
    await queryClient.fetchQuery(brazeQueries.all())
    await queryClient.fetchQuery(brazeQueries.details(BRAZE_ID))
    await queryClient.fetchQuery(brazeQueries.dataSeries(BRAZE_ID, 30))
    queryClient.setQueryData(commandersActKeys.list(), [])

    expect(persistedKeys(queryClient, options)).toEqual([
      brazeKeys.list(),
      brazeKeys.details(BRAZE_ID),
      brazeKeys.dataSeries(BRAZE_ID, 30),
      commandersActKeys.list(),
    ])
  })

  it('leaves out failed and pending queries, the server status and visitor lookups', async () => {
    const { queryClient, options } = persistedClient()
    server.use(
      http.get('*/api/braze/segments/details', () =>
        HttpResponse.json({ message: 'Invalid segment_id' }, { status: 400 }),
      ),
    )
    await queryClient.fetchQuery(brazeQueries.details('unknown')).catch(() => undefined)
    void queryClient.prefetchQuery({
      queryKey: brazeKeys.details('never'),
      queryFn: () => new Promise<never>(() => {}),
    })
    queryClient.setQueryData(['connection-status'], status())
    queryClient.setQueryData(commandersActKeys.visitor('42'), ['BBFAC450'])

    expect(queryClient.getQueryState(brazeKeys.details('unknown'))?.status).toBe('error')
    expect(persistedKeys(queryClient, options)).toEqual([])
  })

  it('never persists the Braze list while it streams in for the first time, only once it is whole', async () => {
    const { queryClient, options } = persistedClient()
    const release = holdLaterListPages()
    const listing = queryClient.fetchQuery(brazeQueries.all())
    await vi.waitFor(() => expect(queryClient.getQueryData(brazeQueries.all().queryKey)).toHaveLength(500))
    expect(queryClient.getQueryState(brazeQueries.all().queryKey)).toMatchObject({
      status: 'success',
      fetchStatus: 'fetching',
    })

    expect(persistedKeys(queryClient, options)).toEqual([])

    release()
    await listing
    const persisted = dehydrate(queryClient, options.dehydrateOptions).queries
    expect(persisted.map((query) => query.queryKey)).toEqual([brazeKeys.list()])
    expect(persisted[0]?.state.data).toHaveLength(550)
  })

  it('keeps the whole previous list while a refresh streams in', async () => {
    const { queryClient, options } = persistedClient()
    const whole = await queryClient.fetchQuery(brazeQueries.all())
    const release = holdLaterListPages()

    const refresh = queryClient.refetchQueries({ queryKey: brazeQueries.all().queryKey })
    await vi.waitFor(() => expect(queryClient.getQueryState(brazeQueries.all().queryKey)?.fetchStatus).toBe('fetching'))

    const persisted = dehydrate(queryClient, options.dehydrateOptions).queries
    expect(persisted.map((query) => query.queryKey)).toEqual([brazeKeys.list()])
    expect(persisted[0]?.state.data).toBe(whole)
    release()
    await refresh
  })
})

describe('when the cache is read', () => {
  it('reads it as soon as the options exist, and says at once when there is none (a first visit)', async () => {
    database += 1
    let nothingStored = 0
    cachePersistOptions(createQueryClient(), {
      databaseName: databaseName(),
      onNothingStored: () => (nothingStored += 1),
    })
    // Nobody asked to restore: the options alone started the read.
    await vi.waitFor(() => expect(nothingStored).toBe(1))
  })

  it('does not call a stored cache nothing, and restores what was saved after the options were made', async () => {
    const { queryClient, options } = persistedClient()
    let nothingStored = 0
    await queryClient.fetchQuery(brazeQueries.details(BRAZE_ID))
    await persistQueryClientSave({ ...options, queryClient })
    const next = createQueryClient()
    const nextOptions = cachePersistOptions(next, {
      databaseName: databaseName(),
      onNothingStored: () => (nothingStored += 1),
    })
    // Saved again between the early read and the restore: the restore gets the newer save, not the early read.
    const otherId = demo.data.braze[1]?.id ?? ''
    await queryClient.fetchQuery(brazeQueries.details(otherId))
    await persistQueryClientSave({ ...nextOptions, queryClient })
    await persistQueryClientRestore({ ...nextOptions, queryClient: next })
    expect(next.getQueryData(brazeQueries.details(BRAZE_ID).queryKey)).toBeDefined()
    expect(next.getQueryData(brazeQueries.details(otherId).queryKey)).toBeDefined()
    expect(nothingStored).toBe(0)
  })
})

describe('in a browser, where localStorage says whether a cache is kept', () => {
  /** A localStorage of its own for each test (Node has none). */
  function browserStorage(): Map<string, string> {
    const items = new Map<string, string>()
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    })
    return items
  }
  afterEach(() => vi.unstubAllGlobals())

  it('starts the lists as the client is made on a first visit, without waiting for IndexedDB', () => {
    browserStorage()
    let nothingStored = 0
    database += 1
    cachePersistOptions(createQueryClient(), {
      databaseName: databaseName(),
      onNothingStored: () => (nothingStored += 1),
    })
    expect(nothingStored).toBe(1)
  })

  it('restores a saved cache on the next visit, and none once the browser forgot it kept one', async () => {
    const items = browserStorage()
    const { queryClient, options } = persistedClient()
    await queryClient.fetchQuery(brazeQueries.details(BRAZE_ID))
    await persistQueryClientSave({ ...options, queryClient })

    const { queryClient: next, restore } = reopen()
    await restore()
    expect(next.getQueryData(brazeQueries.details(BRAZE_ID).queryKey)).toBeDefined()

    // Site data cleared in part (localStorage only): the lists start afresh, nothing older is mixed into them.
    items.clear()
    const { queryClient: third, restore: restoreThird } = reopen()
    await restoreThird()
    expect(third.getQueryData(brazeQueries.details(BRAZE_ID).queryKey)).toBeUndefined()
  })
})

/** A save as the app makes one at each cache event, past the persister's one-second throttle. */
async function save(queryClient: QueryClient, options: CachePersistOptions): Promise<void> {
  const saving = persistQueryClientSave({ ...options, queryClient })
  await vi.advanceTimersByTimeAsync(1_000)
  await saving
}

describe('saving', () => {
  it('saves once the server can say its configuration, even if it could not at first', async () => {
    let statusAsked = 0
    server.use(
      http.get('*/api/status', () => {
        statusAsked += 1
        return statusAsked === 1 ? HttpResponse.error() : undefined
      }),
    )
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    const { queryClient, options } = persistedClient()
    try {
      await queryClient.fetchQuery(brazeQueries.details(BRAZE_ID))
      // The first save cannot know the configuration: nothing is written rather than something unbound.
      await save(queryClient, options)
      await save(queryClient, options)
    } finally {
      vi.useRealTimers()
    }

    const next = reopen()
    await next.restore()
    expect(next.queryClient.getQueryData(brazeQueries.details(BRAZE_ID).queryKey)).toBeDefined()
  })
})

describe('saving only what changed', () => {
  it('writes nothing again while no kept query changed, as at each poll of the audit', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    try {
      const writes = vi.spyOn(IDBObjectStore.prototype, 'put')
      const { queryClient, options } = persistedClient()
      await queryClient.fetchQuery(brazeQueries.details(BRAZE_ID))
      await save(queryClient, options)
      expect(writes).toHaveBeenCalledTimes(1)

      // The audit's poll answered (every 2 s): a query the cache does not keep.
      queryClient.setQueryData(['audit', 'entries'], { revision: 1 })
      await save(queryClient, options)
      await save(queryClient, options)
      expect(writes).toHaveBeenCalledTimes(1)

      const other = demo.data.braze[1]?.id ?? ''
      await queryClient.fetchQuery(brazeQueries.details(other))
      await save(queryClient, options)
      expect(writes).toHaveBeenCalledTimes(2)
      const next = reopen()
      await next.restore()
      expect(next.queryClient.getQueryData(brazeQueries.details(other).queryKey)).toBeDefined()
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('which persisted caches come back', () => {
  it('restores the saved queries with their fetch times, under the same buster and server configuration', async () => {
    const { queryClient, options } = persistedClient()
    const details = await queryClient.fetchQuery(brazeQueries.details(BRAZE_ID))
    const fetchedAt = queryClient.getQueryState(brazeQueries.details(BRAZE_ID).queryKey)?.dataUpdatedAt
    await persistQueryClientSave({ ...options, queryClient })

    const next = reopen()
    await next.restore()

    expect(next.queryClient.getQueryData(brazeQueries.details(BRAZE_ID).queryKey)).toEqual(details)
    expect(next.queryClient.getQueryState(brazeQueries.details(BRAZE_ID).queryKey)).toMatchObject({
      status: 'success',
      fetchStatus: 'idle',
      dataUpdatedAt: fetchedAt,
    })
  })

  it('drops a cache saved under another buster (another schema version)', async () => {
    const { queryClient, options } = persistedClient()
    await queryClient.fetchQuery(brazeQueries.details(BRAZE_ID))
    await persistQueryClientSave({ ...options, buster: 'segment-audit-cache-0', queryClient })

    const next = reopen()
    await next.restore()

    expect(next.queryClient.getQueryData(brazeQueries.details(BRAZE_ID).queryKey)).toBeUndefined()
    // And it is gone for good.
    await expect(options.persister.restoreClient()).resolves.toBeUndefined()
  })

  it('drops a cache older than a day', async () => {
    const { queryClient, options } = persistedClient()
    await queryClient.fetchQuery(brazeQueries.details(BRAZE_ID))
    const old: PersistedClient = {
      buster: CACHE_BUSTER,
      timestamp: Date.now() - CACHE_MAX_AGE_MS - 60_000,
      clientState: dehydrate(queryClient, options.dehydrateOptions),
    }
    await options.persister.persistClient(old)

    const next = reopen()
    await next.restore()

    expect(next.queryClient.getQueryData(brazeQueries.details(BRAZE_ID).queryKey)).toBeUndefined()
  })

  it('does not restore demo data once the server has real credentials', async () => {
    const { queryClient, options } = persistedClient()
    await queryClient.fetchQuery(brazeQueries.details(BRAZE_ID))
    await persistQueryClientSave({ ...options, queryClient })
    server.use(http.get('*/api/status', () => HttpResponse.json(status({ mode: 'real' }))))

    const next = reopen()
    await next.restore()

    expect(next.queryClient.getQueryData(brazeQueries.details(BRAZE_ID).queryKey)).toBeUndefined()
  })

  it('tells configurations apart by mode, Braze host and Commanders Act site', () => {
    const base = status()
    const identities = [
      base,
      status({ mode: 'real' }),
      status({ providers: { ...base.providers, braze: { configured: true, host: 'rest.fra-02.braze.eu' } } }),
      status({
        providers: { ...base.providers, commandersAct: { configured: true, host: 'api.commander1.com', site: '99' } },
      }),
      status({
        providers: { ...base.providers, braze: { configured: false, missing: ['BRAZE_API_KEY'], invalid: [] } },
      }),
    ].map(connectionIdentity)

    expect(new Set(identities).size).toBe(identities.length)
    expect(connectionIdentity(status())).toBe(identities[0])
  })
})
