// @vitest-environment jsdom
// The table's keyboard beyond ↑/↓ (Home, End, PageUp, PageDown keep the focus on a row), and coming back to the list
// from a segment's page (Escape, the Back link, the browser's Back): the focus is on the row of that segment.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

// Few enough rows for jsdom's window (no layout, no scrolling) to hold them all.
const demo = createDemoHandlers({ brazeCount: 14, commandersActCount: 6 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const TOTAL = demo.data.braze.length + demo.data.commandersAct.length
const rowLinks = () =>
  within(screen.getByRole('table', { name: 'Segments' }))
    .getAllByRole('link')
    .filter((link) => link.classList.contains('segment-name'))

async function listed(url = '/', count = TOTAL) {
  const view = renderApp(url)
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(new RegExp(`^${count} segments`)))
  await waitFor(() => expect(rowLinks()).toHaveLength(count))
  return view
}

/** A screen's worth of rows in the tests' window (see test/setup.ts), one row kept in sight. */
const SCREEN = Math.floor(window.innerHeight / 44) - 1

describe('Table keyboard', () => {
  it('Home, End, PageDown and PageUp move the focus between rows, never to the page', async () => {
    const user = userEvent.setup()
    await listed()
    rowLinks()[3]?.focus()
    await user.keyboard('{End}')
    expect(rowLinks()[TOTAL - 1]).toHaveFocus()
    await user.keyboard('{Home}')
    expect(rowLinks()[0]).toHaveFocus()
    await user.keyboard('{PageDown}')
    expect(rowLinks()[SCREEN]).toHaveFocus()
    // Past the end: the last row.
    await user.keyboard('{PageDown}{PageDown}{PageDown}')
    expect(rowLinks()[TOTAL - 1]).toHaveFocus()
    await user.keyboard('{PageUp}')
    expect(rowLinks()[TOTAL - 1 - SCREEN]).toHaveFocus()
    // From a row's checkbox too.
    within(screen.getAllByRole('row')[3] as HTMLElement)
      .getByRole('checkbox')
      .focus()
    await user.keyboard('{Home}')
    expect(rowLinks()[0]).toHaveFocus()
  })
})

describe('Focus on return to the list', () => {
  it.each([
    { way: 'Escape', back: async (user: ReturnType<typeof userEvent.setup>) => user.keyboard('{Escape}') },
    {
      way: 'the Back link',
      back: async (user: ReturnType<typeof userEvent.setup>) =>
        user.click(screen.getByRole('link', { name: '← Back to the segments' })),
    },
  ])('puts the focus on the row of the segment just seen, back by $way', async ({ back }) => {
    const user = userEvent.setup()
    const { router } = await listed()
    const link = rowLinks()[5] as HTMLElement
    const name = link.textContent ?? ''
    await user.click(link)
    expect(await screen.findByRole('heading', { level: 1, name })).toBeInTheDocument()
    await back(user)
    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
    await waitFor(() => expect(rowLinks()[5]).toHaveFocus())
  })

  it('puts the focus on the row of the segment reached with j, back by the browser’s Back', async () => {
    const user = userEvent.setup()
    const { router } = await listed()
    const fifth = rowLinks()[4]?.getAttribute('href')
    await user.click(rowLinks()[2] as HTMLElement)
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/segments\//))
    await user.keyboard('j')
    await user.keyboard('j')
    await waitFor(() => expect(router.state.location.pathname).toBe(fifth))
    await router.navigate(-3)
    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
    await waitFor(() => expect(rowLinks()[4]).toHaveFocus())
  })

  it('focuses the row now in the place of a segment its verdict took out of the view', async () => {
    localStorage.setItem('segment-audit:reviewer:v1', 'Camille')
    localStorage.setItem('segment-audit:move-on:v1', 'off')
    const user = userEvent.setup()
    const { router } = await listed('/?provider=braze&verdict=unreviewed', demo.data.braze.length)
    const next = rowLinks()[4]?.textContent ?? ''
    await user.click(rowLinks()[3] as HTMLElement)
    const keep = await screen.findByRole('radio', { name: 'Keep' })
    await waitFor(() => expect(keep).toBeEnabled())
    await user.keyboard('1')
    await waitFor(() => expect(keep).toBeChecked())
    await user.keyboard('{Escape}')
    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
    await waitFor(() => expect(rowLinks()[3]).toHaveFocus())
    expect(rowLinks()[3]).toHaveTextContent(next)
  })
})
