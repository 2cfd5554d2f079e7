// @vitest-environment jsdom
// The bulk bar's code loads with the first selection: when the server is briefly down then, the list stays on screen,
// its ticks kept, and the bar appears once its code arrives.
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
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const table = () => screen.getByRole('table', { name: 'Segments' })
const rowBoxes = () => within(table()).getAllByRole('checkbox').slice(1) as HTMLInputElement[]

it('keeps the list and its ticks while the bulk bar cannot load, and shows the bar once its code arrives', async () => {
  const user = userEvent.setup()
  renderApp()
  await waitFor(() => expect(rowBoxes()).toHaveLength(TOTAL))

  await user.click(rowBoxes()[1] as HTMLElement)
  await waitFor(() => expect(bulkBarCode.asked).toBeGreaterThan(0))
  await user.click(rowBoxes()[3] as HTMLElement)

  expect(table()).toBeInTheDocument()
  expect(rowBoxes().map((box) => box.checked)).toEqual(rowBoxes().map((_, index) => index === 1 || index === 3))
  expect(screen.queryByRole('region', { name: 'Selected segments' })).not.toBeInTheDocument()
  expect(screen.queryByText(/Something went wrong/)).not.toBeInTheDocument()

  // The server is back, and the browser says so: the bar's code is asked again at once.
  bulkBarCode.sent = true
  window.dispatchEvent(new Event('online'))

  const bar = await screen.findByRole('region', { name: 'Selected segments' })
  expect(within(bar).getByText('2 selected')).toBeInTheDocument()
  expect(table()).toBeInTheDocument()
})
