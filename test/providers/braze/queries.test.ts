// The Braze list query: rows arrive a few pages at a time on the first load, and a refresh keeps the
// old rows until the new list is complete.
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { brazeQueries, brazeSegmentOf } from '../../../src/providers/braze/queries'
import type { Segment } from '../../../src/providers/segment'
import { brazeListPages, createDemoHandlers } from '../../msw/demo-handlers'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** Every row count the list query's cache entry goes through. */
function recordRowCounts(client: QueryClient): number[] {
  const counts: number[] = []
  client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return
    const data = client.getQueryData<Segment[]>(brazeQueries.all().queryKey)
    if (data) counts.push(data.length)
  })
  return counts
}

/** The order in which list requests reach the proxy and come back, with the server's status saying `listPages`. */
function listRequestsWith(listPages: number | null) {
  const demo = createDemoHandlers({ brazeCount: 1_234, commandersActCount: 0, latencyMs: 10 })
  const events: string[] = []
  server.use(
    http.get('*/api/status', () =>
      HttpResponse.json({
        mode: 'demo',
        providers: {
          braze: { configured: true, host: 'rest.iad-01.braze.com', listPages },
          commandersAct: { configured: false, missing: ['COMMANDERS_ACT_TOKEN'], invalid: [] },
        },
      }),
    ),
    http.get('*/api/braze/segments/list/pages', async ({ request }) => {
      const first = new URL(request.url).searchParams.get('page')
      events.push(`asked ${first}`)
      const answer = await brazeListPages(request)
      events.push(`answered ${first}`)
      return answer
    }),
    ...demo.handlers,
  )
  return events
}

describe('brazeQueries', () => {
  it("asks for every page at once when the server's status says how long the list is, else one request first", async () => {
    const known = listRequestsWith(13)
    const client = new QueryClient()
    expect(await client.fetchQuery(brazeQueries.all())).toHaveLength(1_234)
    expect(known.slice(0, 3)).toEqual(['asked 0', 'asked 5', 'asked 10'])

    const unknown = listRequestsWith(null)
    const another = new QueryClient()
    expect(await another.fetchQuery(brazeQueries.all())).toHaveLength(1_234)
    expect(unknown.slice(0, 2)).toEqual(['asked 0', 'answered 0'])
    client.clear()
    another.clear()
  })

  it('lists page by page, one request first, when the status cannot be read', async () => {
    const events = listRequestsWith(null)
    server.use(http.get('*/api/status', () => HttpResponse.json({ error: 'internal' }, { status: 500 })))
    const client = new QueryClient()
    expect(await client.fetchQuery(brazeQueries.all())).toHaveLength(1_234)
    expect(events.slice(0, 2)).toEqual(['asked 0', 'answered 0'])
    client.clear()
  })

  it('finishes the listing when the last page using it goes away, instead of keeping a partial list as if whole', async () => {
    const demo = createDemoHandlers({ brazeCount: 1_200, commandersActCount: 0, latencyMs: 15 })
    server.use(...demo.handlers)
    const client = new QueryClient()
    const observer = new QueryObserver(client, brazeQueries.all())
    const unsubscribe = observer.subscribe(() => {})
    // The first rows are in: the page using the list goes away (navigation) while the rest is still being listed.
    await vi.waitFor(() =>
      expect(client.getQueryData<Segment[]>(brazeQueries.all().queryKey)?.length ?? 0).toBeGreaterThan(0),
    )
    unsubscribe()
    await vi.waitFor(() => expect(client.getQueryState(brazeQueries.all().queryKey)?.fetchStatus).toBe('idle'), {
      timeout: 5_000,
    })
    expect(client.getQueryData<Segment[]>(brazeQueries.all().queryKey)).toHaveLength(1_200)
    client.clear()
  })

  it('fills the list page by page, then refreshes without emptying it', async () => {
    const demo = createDemoHandlers({ brazeCount: 450, commandersActCount: 0, latencyMs: 5 })
    server.use(...demo.handlers)
    const client = new QueryClient()
    const counts = recordRowCounts(client)

    const first = await client.fetchQuery(brazeQueries.all())
    expect(first).toHaveLength(450)
    expect(counts.length).toBeGreaterThan(1)
    expect(counts[0]).toBeLessThan(450)

    counts.length = 0
    await client.refetchQueries({ queryKey: brazeQueries.all().queryKey })
    expect(counts.every((count) => count === 450)).toBe(true)
    expect(client.getQueryData<Segment[]>(brazeQueries.all().queryKey)).toHaveLength(450)
    client.clear()
  })

  it('streams the first page alone, then batches: fewer cache updates than pages, each keeping the earlier segment objects', async () => {
    // 21 pages at 20 ms, 6 at a time: about 80 ms of answers, well inside one 150 ms batch after the first page.
    const demo = createDemoHandlers({ brazeCount: 2_050, commandersActCount: 0, latencyMs: 20 })
    server.use(...demo.handlers)
    const client = new QueryClient()
    const snapshots: Segment[][] = []
    client.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return
      const data = client.getQueryData<Segment[]>(brazeQueries.all().queryKey)
      if (data && data !== snapshots.at(-1)) snapshots.push(data)
    })

    const whole = await client.fetchQuery(brazeQueries.all())

    expect(whole.map((segment) => segment.id)).toEqual(demo.data.braze.map((segment) => segment.id))
    expect(snapshots[0]).toHaveLength(100)
    expect(snapshots.at(-1)).toBe(whole)
    expect(snapshots.length).toBeLessThan(21)
    for (const [index, snapshot] of snapshots.entries()) {
      const earlier = snapshots[index - 1] ?? []
      // The list view caches what it derives per segment object: earlier rows must come back as the same objects.
      expect(earlier.every((segment, row) => snapshot[row] === segment)).toBe(true)
    }
    client.clear()
  })
})

describe('brazeSegmentOf', () => {
  it.each([
    { what: "a segment's details", key: brazeQueries.details('seg-1').queryKey, read: { id: 'seg-1' } },
    {
      what: "a segment's size series",
      key: brazeQueries.dataSeries('seg-1', 30).queryKey,
      read: { id: 'seg-1', days: 30 },
    },
    { what: 'the list', key: brazeQueries.all().queryKey, read: undefined },
    { what: "another provider's segment", key: ['segment', 'commanders-act', 'seg-1'], read: undefined },
    {
      what: 'a key longer than a series',
      key: [...brazeQueries.dataSeries('seg-1', 30).queryKey, 'x'],
      read: undefined,
    },
  ])('reads back $what', ({ key, read }) => {
    expect(brazeSegmentOf(key)).toEqual(read)
  })
})
