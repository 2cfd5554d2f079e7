// @vitest-environment jsdom
// The bulk bar's code loads with the first selection: when the server stays down for half a minute then, the page says
// in plain words that it could not load, and offers to reload. (A file of its own: React keeps a part that failed to
// load as failed for the module's lifetime, and the test before it would have loaded the bar.)
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

/** How often the bulk bar's code was asked for: its `import()` fails each time, as a stopped server's does. */
const bulkBarCode = vi.hoisted(() => ({ asked: 0 }))

// The component files share a worker's modules (vitest.config.ts): the list is loaded afresh for this file, so that
// the mock below reaches its on-demand bulk bar, and dropped after it, so that no other file gets the bar React keeps as failed here.
vi.hoisted(() => vi.resetModules())
afterAll(() => vi.resetModules())

vi.mock('../../../src/features/segments/bulk-bar', () => {
  bulkBarCode.asked += 1
  throw new TypeError('Failed to fetch dynamically imported module: /assets/bulk-bar-x.js')
})

const demo = createDemoHandlers({ brazeCount: 12, commandersActCount: 6 })
const server = setupServer(...demo.handlers)
const TOTAL = demo.data.braze.length + demo.data.commandersAct.length

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => localStorage.setItem('segment-audit:reviewer:v1', 'Camille'))
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

const table = () => screen.getByRole('table', { name: 'Segments' })
const rowBoxes = () => within(table()).getAllByRole('checkbox').slice(1) as HTMLInputElement[]

it('says the server did not answer when the bulk bar’s code still cannot load after half a minute', async () => {
  // Fake timers skip the half minute of asking again rather than sleep through it.
  vi.useFakeTimers({ shouldAdvanceTime: true })
  // React reports the error the page's boundary caught: expected here.
  vi.mocked(console.error).mockImplementation(() => {})
  const user = userEvent.setup()
  renderApp()
  await waitFor(() => expect(rowBoxes()).toHaveLength(TOTAL))

  await user.click(rowBoxes()[1] as HTMLElement)
  await waitFor(() => expect(bulkBarCode.asked).toBeGreaterThan(0))
  await vi.advanceTimersByTimeAsync(20_000)
  expect(table()).toBeInTheDocument()
  await vi.advanceTimersByTimeAsync(15_000)

  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent(
    'The app could not load this page because the server did not answer. Reload once it is back.',
  )
  expect(alert).not.toHaveTextContent(/dynamically imported module/)
  expect(within(alert).getByRole('button', { name: 'Reload' })).toBeInTheDocument()
})
