// @vitest-environment jsdom
// The bulk bar's key pressed before the bar can take the keyboard: its code loads with the first tick, and its verdicts
// wait for the audit to be read. The key takes effect once the bar is there, unless the keyboard moved on meanwhile.
// (A file of its own, as bulk-bar-loading.test.tsx: React keeps a part once loaded for the module's lifetime.)
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'
import { held } from '../../held'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

/** The bar's code, sent when the test says so (a slow network at the first tick). */
const bulkBarCode = vi.hoisted(() => ({ asked: 0, sent: Promise.resolve() }))

// The component files share a worker's modules (vitest.config.ts): the list is loaded afresh for this file, so that
// the mock below reaches its on-demand bulk bar, and dropped after it, so that no other file gets the bar loaded here.
vi.hoisted(() => vi.resetModules())
afterAll(() => vi.resetModules())

vi.mock('../../../src/features/segments/bulk-bar', async (importOriginal) => {
  bulkBarCode.asked += 1
  await bulkBarCode.sent
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
const rowLink = (index: number) =>
  within(within(table()).getAllByRole('row')[index + 1] as HTMLElement).getAllByRole('link')[0] as HTMLElement

async function listed() {
  renderApp()
  await waitFor(() => expect(within(table()).getAllByRole('checkbox')).toHaveLength(TOTAL + 1))
}

it('takes b pressed while the bar’s code is on its way to the bar’s first verdict once it is there', async () => {
  const code = held()
  bulkBarCode.sent = code.released
  const user = userEvent.setup()
  await listed()
  await user.keyboard('/{ArrowDown} b')
  expect(bulkBarCode.asked).toBeGreaterThan(0)
  expect(screen.queryByRole('region', { name: 'Selected segments' })).not.toBeInTheDocument()
  expect(rowLink(0)).toHaveFocus()

  code.release()
  const bar = await screen.findByRole('region', { name: 'Selected segments' })
  await waitFor(() => expect(within(bar).getByRole('button', { name: 'Keep' })).toHaveFocus())
  // Escape gives the keyboard back to the row b was pressed on.
  await user.keyboard('{Escape}')
  expect(rowLink(0)).toHaveFocus()
})

/** The audit's first read held back: the bar's verdicts cannot be pressed until it comes. */
function auditHeld() {
  const audit = held()
  server.use(
    http.get(
      '*/api/audit/entries',
      async () => {
        await audit.released
      },
      { once: true },
    ),
  )
  return audit.release
}

it('takes b pressed while the verdicts wait for the audit to the first verdict once they can be pressed', async () => {
  const release = auditHeld()
  const user = userEvent.setup()
  await listed()
  await user.keyboard('/{ArrowDown} ')
  const bar = await screen.findByRole('region', { name: 'Selected segments' })
  const keep = within(bar).getByRole('button', { name: 'Keep' })
  expect(keep).toBeDisabled()
  await user.keyboard('b')
  expect(rowLink(0)).toHaveFocus()

  release()
  await waitFor(() => expect(keep).toHaveFocus())
})

it('leaves the keyboard where it went when it moved on before the verdicts could be pressed', async () => {
  const release = auditHeld()
  const user = userEvent.setup()
  await listed()
  await user.keyboard('/{ArrowDown} b{ArrowDown}')
  expect(rowLink(1)).toHaveFocus()

  release()
  const bar = await screen.findByRole('region', { name: 'Selected segments' })
  await waitFor(() => expect(within(bar).getByRole('button', { name: 'Keep' })).toBeEnabled())
  expect(rowLink(1)).toHaveFocus()
})
