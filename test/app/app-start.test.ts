// @vitest-environment jsdom
// Opening the app for the first time: with no cache in IndexedDB, the segment lists and the team's verdicts start
// before anything renders.
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createPersistedClient } from '../../src/app/app'
import { brazeQueries } from '../../src/providers/braze/queries'
import { commandersActQueries } from '../../src/providers/commanders-act/queries'
import { auditKeys } from '../../src/stores/audit-queries'
import { createDemoHandlers } from '../msw/demo-handlers'

const demo = createDemoHandlers({ brazeCount: 120, commandersActCount: 4 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('createPersistedClient', () => {
  it('on a first visit, lists both providers at once, without waiting for the app to mount', async () => {
    const paths: string[] = []
    server.events.on('request:start', ({ request }) => paths.push(new URL(request.url).pathname))

    const { queryClient } = createPersistedClient()

    await vi.waitFor(() => {
      expect(queryClient.getQueryData(commandersActQueries.all().queryKey)).toHaveLength(4)
      expect(queryClient.getQueryState(brazeQueries.all().queryKey)).toMatchObject({
        status: 'success',
        fetchStatus: 'idle',
      })
    })
    expect(queryClient.getQueryData(brazeQueries.all().queryKey)).toHaveLength(120)
    expect(paths).toContain('/api/braze/segments/list')
    expect(paths).toContain('/api/commanders-act/segments/list')
    server.events.removeAllListeners()
  })

  it('on a first visit, reads the team’s verdicts at once too, without waiting for the app to mount', async () => {
    const paths: string[] = []
    server.events.on('request:start', ({ request }) => paths.push(new URL(request.url).pathname))

    const { queryClient } = createPersistedClient()

    await vi.waitFor(() => expect(queryClient.getQueryState(auditKeys.entries())?.status).toBe('success'))
    expect(paths).toContain('/api/audit/entries')
    server.events.removeAllListeners()
  })
})
