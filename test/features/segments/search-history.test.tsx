// @vitest-environment jsdom
// The search and the browser's history: a search typed is one step Back undoes, and the field always says the search
// the list is showing, after Back and Forward too.
import { act, screen, waitFor } from '@testing-library/react'
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

async function listed() {
  const view = renderApp('/')
  await waitFor(() => expect(status()).toHaveTextContent(/^80 segments/), { timeout: 5000 })
  return view
}

/** The browser's Back (-1) or Forward (1). */
async function go(view: Awaited<ReturnType<typeof listed>>, delta: number) {
  await act(async () => {
    await view.router.navigate(delta)
  })
}

describe('Search and history', () => {
  it('Back undoes a search as one step; the field shows the search of each view Back and Forward reach', async () => {
    const user = userEvent.setup()
    const view = await listed()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Provider' }), 'braze')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tracking' }), 'Off')
    await waitFor(() => expect(status()).toHaveTextContent(/^\d+ segments? of 80 · Braze: \d+ · Commanders Act: 0$/))
    const trackingOff = status().textContent
    await user.type(searchBox(), 'abandon')
    await waitFor(() => expect(status()).not.toHaveTextContent(trackingOff ?? ''))
    expect(view.currentSearch().toString()).toBe('q=abandon&provider=braze&tracking=off')

    await go(view, -1)
    expect(view.currentSearch().toString()).toBe('provider=braze&tracking=off')
    expect(searchBox()).toHaveValue('')
    await waitFor(() => expect(status()).toHaveTextContent(trackingOff ?? ''))

    await go(view, -1)
    expect(view.currentSearch().toString()).toBe('provider=braze')
    expect(searchBox()).toHaveValue('')

    await go(view, 1)
    await go(view, 1)
    expect(view.currentSearch().toString()).toBe('q=abandon&provider=braze&tracking=off')
    expect(searchBox()).toHaveValue('abandon')
    await waitFor(() => expect(status()).not.toHaveTextContent(trackingOff ?? ''))
  })

  it('starts a new step when typing resumes in an emptied field or after Back, and keeps what is typed', async () => {
    const user = userEvent.setup()
    const view = await listed()
    await user.type(searchBox(), 'cart')
    await user.type(searchBox(), '{Backspace}{Backspace}{Backspace}{Backspace}')
    await user.type(searchBox(), 'news')
    expect(view.currentSearch().get('q')).toBe('news')

    // The emptied field is the step before the second search.
    await go(view, -1)
    expect(view.currentSearch().has('q')).toBe(false)
    expect(searchBox()).toHaveValue('')
    await go(view, 1)
    expect(searchBox()).toHaveValue('news')

    await user.selectOptions(screen.getByRole('combobox', { name: 'Provider' }), 'braze')
    await go(view, -1)
    expect(searchBox()).toHaveValue('news')
    // Typing on from a view Back returned to is a new step too: Back comes back to that view.
    await user.type(searchBox(), 'letter')
    expect(searchBox()).toHaveValue('newsletter')
    expect(view.currentSearch().get('q')).toBe('newsletter')
    await go(view, -1)
    expect(view.currentSearch().get('q')).toBe('news')
    expect(searchBox()).toHaveValue('news')
  })

  it('leaves no step for a search typed then erased: Back goes to the view before it, not to one that looks the same', async () => {
    const user = userEvent.setup()
    const view = await listed()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Provider' }), 'braze')
    await user.type(searchBox(), 'abc')
    expect(view.currentSearch().toString()).toBe('q=abc&provider=braze')
    await user.type(searchBox(), '{Backspace}{Backspace}{Backspace}')
    expect(view.currentSearch().toString()).toBe('provider=braze')
    expect(searchBox()).toHaveValue('')

    await go(view, -1)
    expect(view.currentSearch().toString()).toBe('')
    expect(screen.getByRole('combobox', { name: 'Provider' })).toHaveValue('')

    // Typing on from a search Forward returned to, then erasing back to it: Back goes to the view before that search.
    await go(view, 1)
    await user.type(searchBox(), 'news')
    await go(view, -1)
    await go(view, 1)
    await user.type(searchBox(), 'letter{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}')
    expect(view.currentSearch().toString()).toBe('q=news&provider=braze')
    expect(searchBox()).toHaveValue('news')
    await go(view, -1)
    expect(view.currentSearch().toString()).toBe('provider=braze')

    // Escape, which empties the field, takes back a search typed from an empty field too.
    await user.type(searchBox(), 'xyz{Escape}')
    expect(view.currentSearch().toString()).toBe('provider=braze')
    await go(view, -1)
    expect(view.currentSearch().toString()).toBe('')
  })

  it('makes a date typed in "Not updated since" one step Back undoes, keeping the view before it', async () => {
    const user = userEvent.setup()
    const view = await listed()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Provider' }), 'braze')
    const dateField = screen.getByRole('textbox', { name: 'Not updated since' })
    await user.type(dateField, '01/01/2026')
    expect(view.currentSearch().toString()).toBe('provider=braze&updatedBefore=2026-01-01')

    await go(view, -1)
    expect(view.currentSearch().toString()).toBe('provider=braze')
    expect(dateField).toHaveValue('')
    await go(view, -1)
    expect(view.currentSearch().toString()).toBe('')
  })
})
