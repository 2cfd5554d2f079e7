// @vitest-environment jsdom
// The app saves the kept cache at most once a second while the queries it keeps change, and never looks through it
// for a change of another query (the audit's poll, every 2 s): with thousands of segments' details kept, each look
// through the cache is tens of milliseconds of the page's main thread.
import { act, render, screen, waitFor } from '@testing-library/react'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { App, createPersistedClient } from '../../src/app/app'
import { brazeQueries } from '../../src/providers/braze/queries'
import type { BrazeSegmentDetails } from '../../src/providers/braze/schemas'
import { createDemoHandlers } from '../msw/demo-handlers'

const demo = createDemoHandlers({ brazeCount: 40, commandersActCount: 3 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

const details = (id: string): BrazeSegmentDetails => ({
  id,
  tags: [],
  createdAt: '2026-01-05T10:00:00Z',
  updatedAt: '2026-02-01T10:00:00Z',
  textDescription: 'Kept',
})

describe('saving the kept cache', () => {
  it('looks through the cache once a second at most while kept queries change, and never for other queries', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'], shouldAdvanceTime: true })
    window.history.replaceState(null, '', '/connections')
    const client = createPersistedClient()
    const { queryClient } = client
    const looked = vi.spyOn(client.persistOptions.dehydrateOptions ?? {}, 'shouldDehydrateQuery')
    render(<App client={client} />)
    await screen.findByRole('heading', { level: 1, name: 'Connections' }, { timeout: 5000 })
    await waitFor(() => expect(queryClient.getQueryState(brazeQueries.all().queryKey)?.status).toBe('success'))
    await act(() => vi.advanceTimersByTimeAsync(2_000))
    looked.mockClear()

    // The audit's poll answering, twenty times: no kept query changed.
    for (let revision = 1; revision <= 20; revision++) {
      act(() => queryClient.setQueryData(['audit', 'entries'], { revision, entries: new Map() }))
    }
    await act(() => vi.advanceTimersByTimeAsync(2_000))
    expect(looked).not.toHaveBeenCalled()

    // Twenty segments' details, as a scan brings them: one look through the cache, a second later.
    const ids = demo.data.braze.slice(0, 20).map((segment) => segment.id)
    for (const id of ids) act(() => queryClient.setQueryData(brazeQueries.details(id).queryKey, details(id)))
    await act(() => vi.advanceTimersByTimeAsync(1_500))
    expect(looked.mock.calls.length).toBeLessThanOrEqual(queryClient.getQueryCache().getAll().length)

    // And what it saved comes back after a reload.
    const saved = await createPersistedClient().persistOptions.persister.restoreClient()
    const savedDetails = saved?.clientState.queries.filter((query) => query.queryKey[0] === 'segment') ?? []
    expect(savedDetails.map((query) => query.queryKey[2]).sort()).toEqual([...ids].sort())
  })
})
