// @vitest-environment jsdom
// A provider that keeps failing: one page load makes at most 20 calls to it, then says so in plain words.
import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { advanceWhile } from '../fake-time'
import { createDemoHandlers } from '../msw/demo-handlers'
import { renderApp } from '../render-app'

const demo = createDemoHandlers({ brazeCount: 250, commandersActCount: 30 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

/** Braze answers 503 to every call; the count is of calls that would reach Braze (one per page, details or series). */
function brazeDown() {
  const calls = { count: 0 }
  server.use(
    http.get('*/api/braze/segments/:endpoint', () => {
      calls.count += 1
      return HttpResponse.json({ message: 'Service Unavailable' }, { status: 503 })
    }),
  )
  return calls
}

const SEGMENT = demo.data.braze[0]?.id ?? ''

describe('Braze down', () => {
  it.each([
    { page: 'the Segments list', url: '/' },
    { page: 'a segment’s detail', url: `/segments/braze/${SEGMENT}` },
  ])(
    '$page makes at most 20 calls to it, then shows its alert',
    async ({ url }) => {
      // Each request retries with backoff: fake timers skip the waits rather than sleep through them.
      vi.useFakeTimers({ shouldAdvanceTime: true })
      const calls = brazeDown()
      const { queryClient } = renderApp(url)
      const brazeAlert = () =>
        screen.queryAllByRole('alert').some((alert) => /Braze had a server error/.test(alert.textContent ?? ''))
      await advanceWhile(() => !brazeAlert(), 60)
      expect(brazeAlert()).toBe(true)
      // Counted once every request of the page load has given up, the list's included.
      for (let step = 0; step < 60 && queryClient.isFetching() > 0; step++) await vi.advanceTimersByTimeAsync(500)
      expect(queryClient.isFetching()).toBe(0)
      expect(calls.count).toBeGreaterThan(1)
      expect(calls.count).toBeLessThanOrEqual(20)
    },
    15_000,
  )
})
