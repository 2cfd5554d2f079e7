// @vitest-environment jsdom
// The list when a provider's list is not there: failed (both at once, too) or not configured on the server. The page
// says which failed and why, never that a provider answered with no segment.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDemoHandlers, holdCommandersActList, notConfiguredHandler } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 40, commandersActCount: 30 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  localStorage.clear()
})
afterAll(() => server.close())

const status = () => screen.getByRole('status')
const toolbar = () => screen.getByRole('search', { name: 'Search and filter segments' })
/** Every control of the toolbar: its search, selects, date, filter menus, Columns and Export. */
const toolbarControls = () =>
  ['searchbox', 'combobox', 'textbox', 'button'].flatMap((role) => within(toolbar()).queryAllByRole(role))
const refused = () => HttpResponse.json({ error: 'invalid token' }, { status: 401 })

/** A Commanders Act-only team: the server has no Braze variables, and says so in its status and its answers. */
function brazeNotConfigured() {
  const calls = { braze: 0 }
  server.use(
    http.get('*/api/status', () =>
      HttpResponse.json({
        mode: 'real',
        providers: {
          braze: { configured: false, missing: ['BRAZE_REST_ENDPOINT', 'BRAZE_API_KEY'], invalid: [] },
          commandersAct: { configured: true, host: 'api.commander1.com', site: '1234' },
        },
      }),
    ),
    http.get('*/api/braze/*', () => {
      calls.braze += 1
      return HttpResponse.json(
        { error: 'not_configured', provider: 'braze', missing: ['BRAZE_REST_ENDPOINT', 'BRAZE_API_KEY'], invalid: [] },
        { status: 503 },
      )
    }),
  )
  return calls
}

describe('a provider not configured', () => {
  it('is not counted as one that answered with no segment, nor shown loading', async () => {
    brazeNotConfigured()
    const release = holdCommandersActList(server, demo)
    renderApp('/')
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent('Braze is not configured')
    // While Commanders Act loads, only it is said to be loading.
    expect(screen.getByText('Commanders Act: loading…')).toBeInTheDocument()
    expect(screen.queryByText(/^Braze: loading/)).not.toBeInTheDocument()
    release()
    await waitFor(() => expect(status()).toHaveTextContent(/^30 segments/), { timeout: 5000 })
    expect(status()).toHaveTextContent(/^30 segments · Commanders Act: 30$/)
    expect(screen.getByRole('alert')).toHaveTextContent('Braze is not configured')
  })

  it('is left out of Refresh, which asks the configured provider again', async () => {
    const calls = brazeNotConfigured()
    let commandersActCalls = 0
    server.use(
      http.get('*/api/commanders-act/segments/list', ({ request }) => {
        commandersActCalls += 1
        return demo.forwardToCommandersActList(request)
      }),
    )
    const user = userEvent.setup()
    renderApp('/')
    await waitFor(() => expect(status()).toHaveTextContent(/^30 segments/), { timeout: 5000 })
    const brazeCalls = calls.braze
    const alert = await screen.findByRole('alert')
    // One list is there: the toolbar works on it, and the count of its reviews is shown.
    expect(within(toolbar()).getByRole('searchbox', { name: 'Search segments' })).toBeEnabled()
    expect(screen.getByText(/^Reviewed/)).toHaveTextContent('Reviewed 0 of 30')

    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    await waitFor(() => expect(commandersActCalls).toBe(2))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Refresh' })).toBeEnabled())
    // Asked again, Braze could only answer that it is not configured: its alert stays as it was, with nothing loading.
    expect(calls.braze).toBe(brazeCalls)
    expect(screen.queryByText(/^Braze: loading/)).not.toBeInTheDocument()
    expect(screen.getByRole('alert')).toBe(alert)
    expect(status()).toHaveTextContent(/^30 segments · Commanders Act: 30$/)
  })

  it('leaves the other provider alone to say it has no segment', async () => {
    brazeNotConfigured()
    const none = createDemoHandlers({ brazeCount: 0, commandersActCount: 0 })
    server.use(
      http.get('*/api/commanders-act/segments/list', ({ request }) => none.forwardToCommandersActList(request)),
    )
    renderApp('/')
    expect(await screen.findByText('Commanders Act returned no segment.', {}, { timeout: 5000 })).toBeInTheDocument()
    expect(screen.queryByText('Neither provider returned any segment.')).not.toBeInTheDocument()
    expect(status()).toHaveTextContent(/^0 segments · Commanders Act: 0$/)
  })
})

describe('neither provider configured', () => {
  function neitherConfigured() {
    const notConfigured = { configured: false, missing: ['A_VARIABLE'], invalid: [] }
    server.use(
      http.get('*/api/status', () =>
        HttpResponse.json({ mode: 'real', providers: { braze: notConfigured, commandersAct: notConfigured } }),
      ),
      notConfiguredHandler('braze', ['BRAZE_API_KEY']),
      notConfiguredHandler('commanders-act', ['COMMANDERS_ACT_TOKEN']),
    )
  }

  it('offers no Refresh, which could only ask both again to hear the same', async () => {
    neitherConfigured()
    renderApp('/')
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2), { timeout: 5000 })
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      expect.stringContaining('Braze is not configured'),
      expect.stringContaining('Commanders Act is not configured'),
    ])
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeDisabled()
  })

  it('offers no search, filter, Columns or Export over no list, nor a count of reviews out of none', async () => {
    neitherConfigured()
    // Opened from an address that filters: there is nothing to clear the filter from either.
    renderApp('/?q=promo&verdict=fix')
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2), { timeout: 5000 })
    const search = within(toolbar())
    expect(search.getByRole('searchbox', { name: 'Search segments' })).toBeDisabled()
    expect(search.getByRole('combobox', { name: 'Provider' })).toBeDisabled()
    expect(search.getByRole('combobox', { name: 'Verdict' })).toBeDisabled()
    expect(search.getByRole('button', { name: 'Tags filter' })).toBeDisabled()
    expect(search.getByRole('textbox', { name: 'Not updated since' })).toBeDisabled()
    expect(search.getByRole('button', { name: 'Columns' })).toBeDisabled()
    expect(search.getByRole('button', { name: 'Export CSV' })).toBeDisabled()
    expect(toolbarControls().filter((control) => !(control as HTMLInputElement).matches(':disabled'))).toEqual([])
    expect(screen.queryByText(/^Reviewed/)).not.toBeInTheDocument()
    // The empty list says why there is none, not to clear a filter there is nothing to filter.
    expect(screen.getByText('Neither provider’s list could be loaded: each one’s error is above.')).toBeInTheDocument()
    expect(screen.getAllByRole('button', { name: 'Clear filters' })).toEqual([
      search.getByRole('button', { name: 'Clear filters' }),
    ])
    expect(search.getByRole('button', { name: 'Clear filters' })).toBeDisabled()
  })
})

describe('both lists failing', () => {
  it('says each failed, with its Retry, and not that neither provider returned a segment', async () => {
    server.use(
      http.get('*/api/braze/segments/list/pages', refused),
      http.get('*/api/commanders-act/segments/list', refused),
    )
    renderApp('/')
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2), { timeout: 5000 })
    const [braze, commandersAct] = screen.getAllByRole('alert')
    expect(braze).toHaveTextContent('Braze rejected the credentials')
    expect(within(braze as HTMLElement).getByRole('button', { name: 'Retry Braze' })).toBeEnabled()
    expect(commandersAct).toHaveTextContent('Commanders Act rejected the credentials')
    expect(within(commandersAct as HTMLElement).getByRole('button', { name: 'Retry Commanders Act' })).toBeEnabled()

    expect(screen.queryByText('Neither provider returned any segment.')).not.toBeInTheDocument()
    expect(screen.getByText('No segment list has loaded')).toBeInTheDocument()
    expect(screen.getByText('Neither provider’s list could be loaded: each one’s error is above.')).toBeInTheDocument()
    // No provider counted as one that answered with nothing.
    expect(status()).toHaveTextContent(/^0 segments$/)
    // No list to search or to count reviews of, until a Retry brings one.
    expect(within(toolbar()).getByRole('searchbox', { name: 'Search segments' })).toBeDisabled()
    expect(screen.queryByText(/^Reviewed/)).not.toBeInTheDocument()
  })
})

describe('a list still on its way', () => {
  it('is said to be loading, not counted as one that answered with no segment', async () => {
    const release = holdCommandersActList(server, demo)
    renderApp('/')
    await waitFor(() => expect(status()).toHaveTextContent(/^40 segments/), { timeout: 5000 })
    expect(screen.getByText('Commanders Act: loading…')).toBeInTheDocument()
    expect(status()).toHaveTextContent(/^40 segments · Braze: 40$/)
    release()
    await waitFor(() => expect(status()).toHaveTextContent(/^70 segments · Braze: 40 · Commanders Act: 30$/), {
      timeout: 5000,
    })
  })
})
