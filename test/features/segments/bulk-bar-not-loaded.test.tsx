// @vitest-environment jsdom
// The bulk bar's code loads with the first selection: when the server stays down for longer than half a minute then,
// the list stays on screen with its ticks, no error replaces it, and the bar appears once the server sends its code.
// (A file of its own, apart from bulk-bar-loading.test.tsx: React keeps a part once loaded for the module's lifetime.)
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

/** Whether the server sends the bulk bar's code: while it does not, its `import()` fails as a stopped server's does. */
const bulkBarCode = vi.hoisted(() => ({ sent: false, asked: 0 }))

// The component files share a worker's modules (vitest.config.ts): the list is loaded afresh for this file, so that
// the mock below reaches its on-demand bulk bar, and dropped after it, so that no other file gets the bar loaded here.
vi.hoisted(() => vi.resetModules())
afterAll(() => vi.resetModules())

vi.mock('../../../src/features/segments/bulk-bar', async (importOriginal) => {
  bulkBarCode.asked += 1
  if (!bulkBarCode.sent) throw new TypeError('Failed to fetch dynamically imported module: /assets/bulk-bar-x.js')
  return importOriginal()
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

it('keeps the list and its ticks through a 40 s outage, and shows the bulk bar once its code arrives', async () => {
  // Fake timers skip the outage's 40 s of asking again rather than sleep through them.
  vi.useFakeTimers({ shouldAdvanceTime: true })
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
  renderApp()
  await waitFor(() => expect(rowBoxes()).toHaveLength(TOTAL))

  await user.click(rowBoxes()[1] as HTMLElement)
  await waitFor(() => expect(bulkBarCode.asked).toBeGreaterThan(0))
  await vi.advanceTimersByTimeAsync(40_000)
  const askedDuringOutage = bulkBarCode.asked

  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  expect(rowBoxes().map((box) => box.checked)).toEqual(rowBoxes().map((_, index) => index === 1))
  expect(screen.queryByRole('region', { name: 'Selected segments' })).not.toBeInTheDocument()

  // The server is back; the next try, at most 5 s later, brings the bar without the browser saying it is online.
  bulkBarCode.sent = true
  await vi.advanceTimersByTimeAsync(5000)

  const bar = await screen.findByRole('region', { name: 'Selected segments' })
  expect(within(bar).getByText('1 selected')).toBeInTheDocument()
  expect(bulkBarCode.asked).toBeGreaterThan(askedDuringOutage)
  expect(rowBoxes()[1]?.checked).toBe(true)
})
