// The Commanders Act list query: one request, its rows written to the cache as they are.
import { QueryClient } from '@tanstack/react-query'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { commandersActQueries } from '../../../src/providers/commanders-act/queries'
import { createDemoHandlers } from '../../msw/demo-handlers'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('commandersActQueries.all', () => {
  it('stores each fetched list as parsed, without comparing it row by row with the cached one', async () => {
    const demo = createDemoHandlers({ brazeCount: 0, commandersActCount: 300 })
    server.use(...demo.handlers)
    const client = new QueryClient()
    const first = await client.fetchQuery(commandersActQueries.all())
    await client.refetchQueries({ queryKey: commandersActQueries.all().queryKey })
    const second = client.getQueryData(commandersActQueries.all().queryKey)

    expect(second).toHaveLength(300)
    // With structural sharing, an unchanged list would have come back as the very same array after a deep compare.
    expect(second).not.toBe(first)
    expect(second).toEqual(first)
    client.clear()
  })
})
