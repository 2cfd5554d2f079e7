// @vitest-environment jsdom
// A page loaded on demand opened while the server is down: after a couple of seconds its frame says that it waits for
// the server, rather than staying a blank card; and it appears once the server sends its code.
import { QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import { setupServer } from 'msw/node'
import { MemoryRouter } from 'react-router'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'
import { onDemand } from '../../src/components/on-demand'
import { createQueryClient } from '../../src/app/query-client'
import { AppRoutes } from '../../src/app/router'
import { createDemoHandlers } from '../msw/demo-handlers'

const server = setupServer(...createDemoHandlers({ brazeCount: 2, commandersActCount: 1 }).handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => localStorage.setItem('segment-audit:reviewer:v1', 'Camille'))
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

it('says the page waits for the server while its code cannot load, and shows the page once it does', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  let sent = false
  const Audit = onDemand(
    () =>
      sent
        ? Promise.resolve({ AuditPage: () => <h1>The audit</h1> })
        : Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/audit-page-x.js')),
    'AuditPage',
  )
  const Elsewhere = () => null
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={['/audit']}>
        <AppRoutes pages={{ SegmentDetail: Elsewhere, Audit, Visitor: Elsewhere, Connections: Elsewhere }} />
      </MemoryRouter>
    </QueryClientProvider>,
  )

  // A page that arrives at once never flashes the words.
  expect(screen.getByRole('status')).toHaveTextContent('')
  await act(() => vi.advanceTimersByTimeAsync(3000))
  expect(screen.getByRole('status')).toHaveTextContent(
    'This page is waiting for the server. It will appear as soon as the server answers.',
  )
  await act(() => vi.advanceTimersByTimeAsync(40_000))
  expect(screen.getByRole('status')).toHaveTextContent('This page is waiting for the server.')
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()

  sent = true
  await act(() => vi.advanceTimersByTimeAsync(5000))
  expect(await screen.findByRole('heading', { name: 'The audit' })).toBeInTheDocument()
  expect(screen.queryByText(/waiting for the server/)).not.toBeInTheDocument()
})
