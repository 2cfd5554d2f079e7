// @vitest-environment jsdom
// The keyboard-only review: "/" to search, Enter to open the first match, ↑/↓ between rows, Escape to clear or go back.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 60, commandersActCount: 20 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const status = () => screen.getByRole('status')
const searchBox = () => screen.getByRole('searchbox', { name: 'Search segments' })
const rowLinks = () => within(screen.getByRole('table', { name: 'Segments' })).getAllByRole('link')

async function listed() {
  await waitFor(() => expect(status()).toHaveTextContent(/^80 segments/), { timeout: 5000 })
}

describe('List keyboard', () => {
  it('"/" focuses the search from anywhere, but types a slash in a text field', async () => {
    const user = userEvent.setup()
    renderApp('/')
    await listed()
    await user.keyboard('/')
    expect(searchBox()).toHaveFocus()
    await user.keyboard('a/b')
    expect(searchBox()).toHaveValue('a/b')
  })

  it('Escape clears the search, then leaves the field', async () => {
    const user = userEvent.setup()
    const { currentSearch } = renderApp('/?q=clients')
    await waitFor(() => expect(status()).not.toHaveTextContent(/^80 segments/), { timeout: 5000 })
    await user.click(searchBox())
    await user.keyboard('{Escape}')
    expect(searchBox()).toHaveValue('')
    await waitFor(() => expect(status()).toHaveTextContent(/^80 segments/))
    expect(currentSearch().get('q')).toBeNull()
    await user.keyboard('{Escape}')
    expect(searchBox()).not.toHaveFocus()
  })

  it('Enter in the search opens the first segment of the view, and Escape there comes back to the view', async () => {
    const user = userEvent.setup()
    const { router } = renderApp('/')
    await listed()
    await user.keyboard('/')
    await user.keyboard('fideles')
    await waitFor(() => expect(status()).toHaveTextContent(/^\d+ segments? of 80/))
    const first = rowLinks()[0]?.textContent ?? ''
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('heading', { level: 1, name: first })).toBeInTheDocument()
    expect(router.state.location.pathname).toMatch(/^\/segments\//)

    await user.keyboard('{Escape}')
    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
    expect(router.state.location.search).toBe('?q=fideles')
  })

  it('↓ from the search enters the table, ↑/↓ move between rows, Enter opens the focused row', async () => {
    const user = userEvent.setup()
    renderApp('/')
    await listed()
    await user.click(searchBox())
    await user.keyboard('{ArrowDown}')
    expect(rowLinks()[0]).toHaveFocus()
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}')
    const focused = rowLinks()[1]
    expect(focused).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('heading', { level: 1, name: focused?.textContent ?? '' })).toBeInTheDocument()
  })
})
