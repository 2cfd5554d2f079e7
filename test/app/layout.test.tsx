// @vitest-environment jsdom
// The frame of every page: on a phone the header folds into a Menu button (a new page or Escape closes it), and an
// unknown address gets a page of its own. The header's badge says where the data comes from.
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { createDemoHandlers } from '../msw/demo-handlers'
import { renderApp } from '../render-app'

const demo = createDemoHandlers({ brazeCount: 10, commandersActCount: 5 })
const server = setupServer(...demo.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

it('opens with the Menu button, closes on a new page and on Escape', async () => {
  const user = userEvent.setup()
  const { router } = renderApp('/connections')
  const menu = await screen.findByRole('button', { name: 'Menu' })
  expect(menu).toHaveAttribute('aria-expanded', 'false')
  expect(menu).toHaveAttribute('aria-controls', screen.getByRole('navigation', { name: 'Main' }).id)

  await user.click(menu)
  expect(menu).toHaveAttribute('aria-expanded', 'true')
  await user.click(screen.getByRole('link', { name: 'Visitor lookup' }))
  expect(router.state.location.pathname).toBe('/visitor')
  expect(menu).toHaveAttribute('aria-expanded', 'false')

  await user.click(menu)
  await user.keyboard('{Escape}')
  expect(menu).toHaveAttribute('aria-expanded', 'false')
})

it('gives the keyboard in the menu back to the Menu button when Escape closes it', async () => {
  const user = userEvent.setup()
  renderApp('/connections')
  const menu = await screen.findByRole('button', { name: 'Menu' })
  menu.focus()
  await user.keyboard('{Enter}')
  expect(menu).toHaveAttribute('aria-expanded', 'true')
  await user.tab()
  await user.tab()
  expect(screen.getByRole('link', { name: 'Audit' })).toHaveFocus()
  await user.keyboard('{Escape}')
  expect(menu).toHaveAttribute('aria-expanded', 'false')
  expect(menu).toHaveFocus()
})

it('closes the menu alone on Escape over a segment’s page, which Escape otherwise leaves for the list', async () => {
  const user = userEvent.setup()
  const segment = demo.data.commandersAct[0] ?? { id: '', label: '' }
  const { router } = renderApp(`/segments/commanders-act/${segment.id}`)
  expect(await screen.findByRole('heading', { level: 1, name: segment.label }, { timeout: 5000 })).toBeInTheDocument()
  const menu = screen.getByRole('button', { name: 'Menu' })
  menu.focus()
  await user.keyboard('{Enter}')
  await user.tab()
  expect(screen.getByRole('link', { name: 'Segments' })).toHaveFocus()
  await user.keyboard('{Escape}')
  expect(menu).toHaveAttribute('aria-expanded', 'false')
  expect(menu).toHaveFocus()
  expect(router.state.location.pathname).toBe(`/segments/commanders-act/${segment.id}`)
})

it('leaves to the page an Escape meant for it while the menu is open, and closes the menu on the next', async () => {
  const user = userEvent.setup()
  renderApp('/')
  const search = await screen.findByRole('searchbox', { name: 'Search segments' })
  const menu = screen.getByRole('button', { name: 'Menu' })
  await user.click(menu)
  await user.type(search, 'spring')
  // The search clears itself on Escape: the open menu does not take that Escape from it.
  await user.keyboard('{Escape}')
  expect(search).toHaveValue('')
  expect(menu).toHaveAttribute('aria-expanded', 'true')
  // An Escape nothing on the page takes closes the menu.
  search.blur()
  await user.keyboard('{Escape}')
  expect(menu).toHaveAttribute('aria-expanded', 'false')
})

it('closes the list’s panel the keyboard is in on Escape, not the Menu opened before it', async () => {
  const user = userEvent.setup()
  renderApp('/')
  const menu = await screen.findByRole('button', { name: 'Menu' })
  const tags = await screen.findByRole('button', { name: 'Tags filter' })
  await user.click(menu)
  await user.click(tags)
  await user.click(screen.getByRole('searchbox', { name: 'Find a tag' }))
  await user.keyboard('{Escape}')
  expect(tags).toHaveAttribute('aria-expanded', 'false')
  expect(tags).toHaveFocus()
  expect(menu).toHaveAttribute('aria-expanded', 'true')
})

it('titles an unknown address with a page heading (h1)', async () => {
  renderApp('/no/such/page')
  expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'Back to the segments' })).toHaveAttribute('href', '/')
})

it('says no provider is configured, not "Live data", when the server has the variables of neither', async () => {
  server.use(
    http.get('*/api/status', () =>
      HttpResponse.json({
        mode: 'real',
        providers: {
          braze: { configured: false, missing: ['BRAZE_REST_ENDPOINT'], invalid: [] },
          commandersAct: {
            configured: false,
            missing: ['COMMANDERS_ACT_SITE_ID', 'COMMANDERS_ACT_TOKEN'],
            invalid: [],
          },
        },
      }),
    ),
  )
  renderApp('/connections')
  const banner = screen.getByRole('banner')
  expect(await within(banner).findByText('No provider configured')).toHaveAttribute(
    'title',
    'Neither Braze nor Commanders Act is configured on the server: see Connections.',
  )
  expect(within(banner).queryByText('Live data')).not.toBeInTheDocument()
})
