// @vitest-environment jsdom
// The bulk write's failure paths, at the hook, against the server's real audit routes: a write bigger than one request
// that fails midway (the server refusing, or the network) says which segments were saved and which were not, sends
// nothing after the failed request, and keeps segments someone else changed meanwhile apart from both.
import { QueryClientProvider } from '@tanstack/react-query'
import { renderHook } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createQueryClient } from '../../src/app/query-client'
import { useBulkReview } from '../../src/stores/use-bulk-review'
import { writeFailureOf } from '../../src/stores/audit-writes'
import { testAuditStore } from '../msw/audit-handlers'
import { createDemoHandlers, listedSegments } from '../msw/demo-handlers'
import { seedReviews } from './audit-entries'

// Enough segments for three requests, the last one short.
const demo = createDemoHandlers({ brazeCount: 5_004, commandersActCount: 6 })
const KEYS = listedSegments(demo.data).map((segment) => segment.key)
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const STORE_FAILED = 'The audit database failed; nothing was changed.'

/** Answers the bulk route's `failing`-th request with `failure`, others as the server does; records each one's keys. */
function bulkRequests(failing: number, failure: () => Response): string[][] {
  const sent: string[][] = []
  server.use(
    http.post('*/api/audit/bulk', async ({ request }) => {
      const { writes } = (await request.clone().json()) as { writes: { key: string }[] }
      sent.push([...new Set(writes.map((write) => write.key))])
      return sent.length === failing ? failure() : undefined
    }),
  )
  return sent
}

function bulkReview(entries = new Map()) {
  const queryClient = createQueryClient()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  )
  return renderHook(() => useBulkReview('Camille', entries), { wrapper }).result.current
}

async function storedKeys(): Promise<string[]> {
  return (await (await testAuditStore()).listEntries()).entries.map((entry) => entry.key).sort()
}

describe.each([
  {
    failure: 'the server answers 500',
    answer: () => HttpResponse.json({ error: 'store_error', message: STORE_FAILED }, { status: 500 }),
    said: { reason: 'store_error', status: 500, message: STORE_FAILED },
    answered: true,
  },
  {
    failure: 'the network fails',
    answer: () => HttpResponse.error(),
    said: { reason: 'unreachable' },
    answered: false,
  },
])('A bulk write whose second request fails ($failure)', ({ answer, said, answered }) => {
  it('saves the first request’s segments, never sends the third, and reports the second’s and third’s not saved', async () => {
    const sent = bulkRequests(2, answer)
    const result = await bulkReview()(KEYS, 'fix', 'Merge into one')

    expect(sent).toHaveLength(2)
    const [first = [], second = []] = sent
    expect(first.length + second.length).toBeLessThan(KEYS.length)
    expect([...result.saved].sort()).toEqual([...first].sort())
    expect(await storedKeys()).toEqual([...first].sort())
    // The third request's segments are reported with the second's: all that was not written, nothing else.
    expect([...(result.failed?.keys ?? [])].sort()).toEqual(KEYS.filter((key) => !first.includes(key)).sort())
    expect(result.failed?.keys).toEqual(expect.arrayContaining(second))
    expect(writeFailureOf(result.failed?.error)).toEqual(said)
    // Only the second may have been written with no answer coming back: the third was never sent.
    expect([...(result.failed?.unanswered ?? [])].sort()).toEqual(answered ? [] : [...second].sort())
    expect(result.failed?.offline).toBe(false)
    expect(result.conflicts).toEqual([])
  })
})

describe('A bulk write with conflicts in its first request and a failed second', () => {
  it('reports the conflicts as such, apart from the saved and the failed', async () => {
    const keys = KEYS.slice(0, 2_504)
    // Marie changed two segments after this page's last poll: the page writes them from version 0.
    const changed = [keys[10] ?? '', keys[20] ?? '']
    await seedReviews(...changed.map((key) => ({ key, verdict: 'keep' as const, reviewer: 'Marie' })))
    const sent = bulkRequests(2, () =>
      HttpResponse.json({ error: 'store_error', message: STORE_FAILED }, { status: 500 }),
    )
    const result = await bulkReview()(keys, 'archive', '')

    const [first = [], second = []] = sent
    expect(first).toEqual(expect.arrayContaining(changed))
    expect(result.conflicts.map((entry) => [entry.key, entry.verdict, entry.verdictBy])).toEqual(
      changed.map((key) => [key, 'keep', 'Marie']),
    )
    expect([...result.saved].sort()).toEqual(first.filter((key) => !changed.includes(key)).sort())
    expect(result.failed?.keys).toEqual(second)
    expect(writeFailureOf(result.failed?.error)).toEqual({ reason: 'store_error', status: 500, message: STORE_FAILED })
    const stored = new Map((await (await testAuditStore()).listEntries()).entries.map((entry) => [entry.key, entry]))
    expect(changed.map((key) => stored.get(key)?.verdict)).toEqual(['keep', 'keep'])
    expect(second.filter((key) => stored.has(key))).toEqual([])
  })
})
