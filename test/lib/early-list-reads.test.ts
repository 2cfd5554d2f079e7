// The list reads index.html starts before the app has loaded: only on a visit with nothing kept, exactly the requests
// the app makes first, and taken by the app instead of asked for again.
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { CACHE_KEPT_MARK, EARLY_LIST_PATHS, startEarlyListReads } from '../../src/lib/early-list-reads'
import { streamAllBrazeSegments } from '../../src/providers/braze/list-stream'
import { fetchCommandersActSegments } from '../../src/providers/commanders-act/client'
import { createDemoHandlers } from '../msw/demo-handlers'

const demo = createDemoHandlers({ brazeCount: 3_456, commandersActCount: 12 })
const server = setupServer(...demo.handlers)
/** Every request that reached the server, in order. */
let asked: string[] = []

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
  server.events.on('request:start', ({ request }) => void asked.push(request.url))
})
afterEach(() => {
  server.resetHandlers()
  asked = []
  delete (globalThis as { segmentAuditEarlyReads?: unknown }).segmentAuditEarlyReads
})
afterAll(() => server.close())

/** The page as index.html sees it in Node: origin of the app's own URLs, the real fetch (MSW answers). */
const page = () => globalThis as unknown as Parameters<typeof startEarlyListReads>[0]
const storage = (kept: boolean) => ({ getItem: (key: string) => (kept && key === CACHE_KEPT_MARK ? '1' : null) })

async function listBoth() {
  const braze = []
  for await (const chunk of streamAllBrazeSegments({ batchMs: 0 })) braze.push(...chunk)
  return { braze, commandersAct: await fetchCommandersActSegments() }
}

describe('early list reads', () => {
  it('are the very requests the app makes first for each list', async () => {
    await listBoth()
    const early = EARLY_LIST_PATHS.map((path) => new URL(path, 'http://localhost').href)
    expect(asked).toEqual(expect.arrayContaining(early))
  })

  it('are taken by the app instead of asked for again, and the lists come whole', async () => {
    vi.stubGlobal('location', { origin: 'http://localhost' })
    startEarlyListReads(page(), storage(false))
    const started = asked.length
    const { braze, commandersAct } = await listBoth()
    expect(braze).toHaveLength(3_456)
    expect(commandersAct).toHaveLength(12)
    // Each early URL reached the server once: when index.html asked, not again when the app did.
    for (const path of EARLY_LIST_PATHS) {
      const url = new URL(path, 'http://localhost').href
      expect(asked.filter((request) => request === url)).toHaveLength(1)
    }
    expect(started).toBeLessThanOrEqual(EARLY_LIST_PATHS.length)
  })

  it('are not started when a cache is kept: the app starts from it', () => {
    vi.stubGlobal('location', { origin: 'http://localhost' })
    startEarlyListReads(page(), storage(true))
    expect(asked).toEqual([])
  })
})
