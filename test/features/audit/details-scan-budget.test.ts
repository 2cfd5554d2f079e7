// The details scan against Braze's shared budget and a key's permissions: the proxy's reserve pauses it until the reset
// (then it carries on by itself, nothing counted as failed); a permission the key lacks stops it at the first answer.
import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { DetailsScan, type ScanState } from '../../../src/features/audit/details-scan'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { segmentRequests, watchBraze } from './details-scan-traffic'
import { held } from '../../held'

const demo = createDemoHandlers({ brazeCount: 120, commandersActCount: 0 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const TOTAL = demo.data.braze.length

describe('DetailsScan and the budget reserve', () => {
  it('stops sending at the reserve, says it waits until the reset, then resumes by itself and finishes', async () => {
    const resumeAt = Date.UTC(2026, 11, 6, 4)
    const budget = { reserveFrom: 30, reset: false, calls: 0, heldCalls: 0 }
    const traffic = watchBraze(server, demo, {
      delayMs: 1,
      answer: (request) => {
        if (request.endpoint === 'list') return undefined
        budget.calls += 1
        if (budget.reset || budget.calls <= budget.reserveFrom) return undefined
        budget.heldCalls += 1
        return HttpResponse.json(
          {
            error: 'budget_reserve',
            provider: 'braze',
            status: 429,
            retryAfterSeconds: 3_600,
            resumeAt: new Date(resumeAt).toISOString(),
          },
          { status: 429, headers: { 'Retry-After': '3600' } },
        )
      },
    })
    const waits: number[] = []
    const now = () => resumeAt - 3_600_000
    const scan = new DetailsScan(new QueryClient(), {
      now,
      sleep: async (ms) => {
        waits.push(ms)
        // The hour passes: Braze's budget is back.
        budget.reset = true
      },
    })
    const states: ScanState[] = []
    scan.subscribe(() => states.push(scan.getSnapshot()))

    await scan.start()
    await new Promise((resolve) => setTimeout(resolve, 0))

    const waiting = states.filter((state) => state.status === 'waiting')
    expect(waiting.length).toBeGreaterThan(0)
    expect(waiting[0]?.resumeAt).toBe(resumeAt)
    // One wait for the reset (the other, seconds long, is for the cache's save once the scan is done).
    expect(waits.filter((ms) => ms >= 60_000)).toEqual([3_600_000])
    // Only the requests already in flight met the reserve: no more were sent until the reset.
    expect(budget.heldCalls).toBeLessThanOrEqual(6)
    expect(scan.getSnapshot()).toMatchObject({ status: 'done', done: TOTAL, failed: 0 })
    expect(segmentRequests(traffic).length).toBeGreaterThan(TOTAL)
  })
})

describe('DetailsScan paused while it waits for the reset', () => {
  it('stays paused past the reset, sending nothing, until Resume; then finishes', async () => {
    const resumeAt = Date.UTC(2026, 11, 6, 4)
    const budget = { reserveFrom: 30, reset: false, calls: 0 }
    watchBraze(server, demo, {
      delayMs: 1,
      answer: (request) => {
        if (request.endpoint === 'list') return undefined
        budget.calls += 1
        if (budget.reset || budget.calls <= budget.reserveFrom) return undefined
        return HttpResponse.json(
          { error: 'budget_reserve', provider: 'braze', status: 429, retryAfterSeconds: 3_600 },
          { status: 429, headers: { 'Retry-After': '3600' } },
        )
      },
    })
    let reset = () => {}
    const scan = new DetailsScan(new QueryClient(), {
      now: () => resumeAt - 3_600_000,
      // The wait for the reset ends when the test says the hour has passed; the others (the cache's save) at once.
      sleep: (ms) =>
        ms < 60_000
          ? Promise.resolve()
          : new Promise((resolve) => {
              reset = () => {
                budget.reset = true
                resolve()
              }
            }),
    })
    const finished = scan.start()
    await vi.waitFor(() => expect(scan.getSnapshot().status).toBe('waiting'))

    scan.pause()
    // The requests already on their way come back (held too).
    await new Promise((resolve) => setTimeout(resolve, 50))
    const sent = budget.calls
    reset()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(scan.getSnapshot().status).toBe('paused')
    expect(budget.calls).toBe(sent)

    scan.resume()
    await finished
    expect(scan.getSnapshot()).toMatchObject({ status: 'done', done: TOTAL, failed: 0 })
  })
})

describe('DetailsScan paused while requests are on their way', () => {
  it('stays paused when one comes back held for the reserve after Pause, and finishes once resumed', async () => {
    const { released, release } = held()
    let detailsCalls = 0
    server.use(
      http.get('*/api/braze/segments/:endpoint', async ({ request, params }) => {
        if (params.endpoint === 'list') return undefined
        detailsCalls += 1
        const first = detailsCalls === 1
        await released
        if (!first) return demo.forwardToBraze(request)
        return HttpResponse.json(
          { error: 'budget_reserve', provider: 'braze', status: 429, retryAfterSeconds: 3_600 },
          { status: 429, headers: { 'Retry-After': '3600' } },
        )
      }),
    )
    // The wait for the reset never ends by itself here: only Resume can carry the scan on.
    const scan = new DetailsScan(new QueryClient(), {
      sleep: (ms) => (ms < 60_000 ? Promise.resolve() : new Promise<void>(() => {})),
    })
    const finished = scan.start()
    await vi.waitFor(() => expect(detailsCalls).toBeGreaterThan(0))
    scan.pause()
    release()
    await vi.waitFor(() => expect(scan.getSnapshot().done).toBeGreaterThan(0))
    expect(scan.getSnapshot().status).toBe('paused')

    scan.resume()
    await finished
    expect(scan.getSnapshot()).toMatchObject({ status: 'done', done: TOTAL, failed: 0 })
  })
})

describe('DetailsScan and a key without a permission', () => {
  it.each([
    { endpoint: 'details', permission: 'segments.details' },
    { endpoint: 'data_series', permission: 'segments.data_series' },
  ] as const)('stops at the first 403 on $endpoint and names $permission', async ({ endpoint, permission }) => {
    const traffic = watchBraze(server, demo, {
      delayMs: 1,
      answer: (request) =>
        request.endpoint === endpoint
          ? HttpResponse.json(
              { error: 'permission_denied', provider: 'braze', status: 403, message: 'Access Denied', permission },
              { status: 403 },
            )
          : undefined,
    })
    const scan = new DetailsScan(new QueryClient())

    await scan.start()

    expect(scan.getSnapshot()).toMatchObject({ status: 'failed', problem: { reason: 'permission_denied', permission } })
    expect(traffic.requests.filter((request) => request.endpoint === endpoint).length).toBeLessThanOrEqual(12)
  })
})
