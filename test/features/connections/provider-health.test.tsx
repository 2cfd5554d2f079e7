// @vitest-environment jsdom
// The Connections page says whether each provider's last calls worked: a failing Braze with the list's advice and a
// one-call "Check again", a working one with the time of its last good answer, and what the list already learnt.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { App, createPersistedClient } from '../../../src/app/app'
import { localScanMarkerStore } from '../../../src/features/audit/scan-marker'
import { REFUSED_PERMISSIONS_KEY } from '../../../src/providers/refused-permissions'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { reserveHold } from '../../msw/reserve-hold'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 120, commandersActCount: 20 })
const server = setupServer(...demo.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  localScanMarkerStore.clear()
  vi.useRealTimers()
})
afterAll(() => server.close())

/** Braze answers 500 to every call, as the proxy passes it on (DEMO_FAIL=braze); counts the calls that reach it. */
function brazeFailing() {
  const calls = { count: 0 }
  server.use(
    http.get('*/api/braze/segments/:endpoint', () => {
      calls.count += 1
      return HttpResponse.json(
        { error: 'upstream_error', provider: 'braze', status: 500, message: 'Internal Server Error' },
        { status: 502 },
      )
    }),
  )
  return calls
}

/** Counts the Braze calls of a working Braze. */
function brazeCounted() {
  const calls = { count: 0 }
  server.use(
    http.get('*/api/braze/segments/:endpoint', ({ request }) => {
      calls.count += 1
      return demo.forwardToBraze(request)
    }),
  )
  return calls
}

/**
 * Braze refuses the details (and, with `series`, the size series) as the proxy says it for a key without their
 * permission (DEMO_FAIL=permission); the list still works. Counts the refused calls.
 */
function permissionsRefused({ series = false } = {}) {
  const refused = { count: 0 }
  const refuse = (permission: string) => () => {
    refused.count += 1
    return HttpResponse.json(
      { error: 'permission_denied', provider: 'braze', status: 403, message: 'Access Denied', permission },
      { status: 403 },
    )
  }
  server.use(http.get('*/api/braze/segments/details', refuse('segments.details')))
  if (series) server.use(http.get('*/api/braze/segments/data_series', refuse('segments.data_series')))
  return refused
}

const SEGMENT = demo.data.braze[0]

/** Opens the list (its call works), then a Braze segment whose calls fail as `failure` says, then Connections. */
async function visitSegmentThenConnections(failure = 'lacks a permission') {
  const { router } = renderApp('/')
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('140 segments'), { timeout: 5000 })
  act(() => void router.navigate(`/segments/braze/${SEGMENT?.id}`))
  // The details and the size history fail at once: their alerts may come in one render or two.
  await waitFor(
    () => expect(screen.getAllByRole('alert').some((alert) => alert.textContent?.includes(failure))).toBe(true),
    { timeout: 5000 },
  )
  act(() => void router.navigate('/connections'))
  return card('Braze')
}

/**
 * A details scan on the Audit page stopped by a refused `segments.details`, then a reload: a new query cache, which
 * holds no failed answer. The key may read segments' details again from then on.
 */
async function scanStoppedByRefusedDetailsThenReload() {
  const user = userEvent.setup()
  permissionsRefused()
  renderApp('/audit')
  await user.click(await screen.findByRole('button', { name: 'Scan details' }))
  expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent('Scan stopped')
  cleanup()
  server.resetHandlers()
}

const card = (name: string) => screen.findByRole('region', { name })

/** What a card says of its provider's last calls. */
async function lastCalls(name: string): Promise<string> {
  const term = await within(await card(name)).findByText('Last calls')
  return term.nextElementSibling?.textContent ?? ''
}

describe('Connections page: whether the providers’ last calls worked', () => {
  it('shows a failing Braze with its status and the list’s advice, after one call', async () => {
    const calls = brazeFailing()
    renderApp('/connections')

    const braze = await card('Braze')
    const alert = await within(braze).findByRole('alert')
    expect(alert).toHaveTextContent('Braze had a server error')
    expect(alert).toHaveTextContent(
      'The fault is on the provider’s side, not in your settings; retry in a few minutes.',
    )
    expect(await lastCalls('Braze')).toMatch(/^Failing: HTTP 500 at /)
    expect(calls.count).toBe(1)
    // The other provider is unaffected.
    await expect.poll(() => lastCalls('Commanders Act')).toMatch(/^Working: last good answer at /)
    expect(within(await card('Commanders Act')).queryByRole('alert')).not.toBeInTheDocument()
  })

  it('gives no HTTP status for a Braze that never answered: the 502 is the app’s server saying so', async () => {
    // A BRAZE_REST_ENDPOINT no one answers at: the proxy answers itself, and Braze gave no status.
    server.use(
      http.get('*/api/braze/segments/:endpoint', () =>
        HttpResponse.json({ error: 'upstream_unreachable', provider: 'braze' }, { status: 502 }),
      ),
    )
    renderApp('/connections')
    const braze = await card('Braze')
    expect(await within(braze).findByRole('alert')).toHaveTextContent('Braze could not be reached')
    expect(await lastCalls('Braze')).toMatch(/^Failing: last try at /)
  })

  it('asks Braze once more on "Check Braze again", and says it works once it answers', async () => {
    const user = userEvent.setup()
    const failing = brazeFailing()
    renderApp('/connections')
    const braze = await card('Braze')
    await within(braze).findByRole('alert')

    server.resetHandlers()
    const working = brazeCounted()
    await user.click(within(braze).getByRole('button', { name: 'Check Braze again' }))

    await expect.poll(() => lastCalls('Braze')).toMatch(/^Working: last good answer at /)
    expect(within(braze).queryByRole('alert')).not.toBeInTheDocument()
    expect(failing.count + working.count).toBe(2)
  })

  it('once "Check Braze again" finds it working, the keyboard goes on to what its last calls say', async () => {
    const user = userEvent.setup()
    brazeFailing()
    renderApp('/connections')
    const braze = await card('Braze')
    await within(braze).findByRole('alert')

    server.resetHandlers()
    brazeCounted()
    within(braze).getByRole('button', { name: 'Check Braze again' }).focus()
    await user.keyboard('{Enter}')

    // The alert and its button gone, not the page's top.
    await expect.poll(() => lastCalls('Braze')).toMatch(/^Working: last good answer at /)
    expect(within(braze).getByText(/^Working: last good answer at /)).toHaveFocus()
  })

  it('shows a working Braze as working, with the time of its last good answer', async () => {
    const calls = brazeCounted()
    renderApp('/connections')
    await expect.poll(() => lastCalls('Braze')).toMatch(/^Working: last good answer at \d/)
    expect(within(await card('Braze')).queryByRole('alert')).not.toBeInTheDocument()
    expect(calls.count).toBe(1)
  })

  it('shows the failure the Segments list met, without asking Braze again', async () => {
    // The list retries with backoff: fake timers skip the waits rather than sleep through them.
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const calls = brazeFailing()
    const { router } = renderApp('/')
    // Half a second of the retries' backoff at each check, for as long as a busy machine needs (vi.waitFor gives up
    // after one real second by default: the alert sometimes came later).
    await vi.waitFor(
      async () => {
        await vi.advanceTimersByTimeAsync(500)
        expect(screen.getByText('Braze had a server error')).toBeInTheDocument()
      },
      { timeout: 10_000 },
    )
    const listCalls = calls.count

    act(() => void router.navigate('/connections'))
    const alert = await within(await card('Braze')).findByRole('alert')
    expect(alert).toHaveTextContent('Braze had a server error')
    expect(await lastCalls('Braze')).toMatch(/^Failing: HTTP 500 at /)
    expect(calls.count).toBe(listCalls)
  })

  it('names the permission a segment’s details were refused for, though the list’s call worked', async () => {
    permissionsRefused()
    const braze = await visitSegmentThenConnections()

    const alert = await within(braze).findByRole('alert')
    expect(alert).toHaveTextContent('Braze’s API key lacks a permission')
    expect(alert).toHaveTextContent('Give the key the segments.details permission in Braze')
    expect(await lastCalls('Braze')).toMatch(/^Failing: a segment’s details, HTTP 403 at /)
  })

  it('says a segment’s details held back for the reserve of Braze’s budget are held, not failing', async () => {
    // A hold longer than a segment's page waits within its request: the page's calls end with the proxy's 429. The
    // proxy holds the details and the size series alike (the list never).
    server.use(
      http.get('*/api/braze/segments/:endpoint', ({ request, params }) =>
        params.endpoint === 'list' ? demo.forwardToBraze(request) : reserveHold(600),
      ),
    )
    const braze = await visitSegmentThenConnections('Waiting for Braze’s budget to reset')

    await waitFor(() => expect(braze).toHaveTextContent('Waiting for Braze’s budget to reset'))
    expect(await lastCalls('Braze')).toMatch(
      /^Held back: a segment’s (details|size history) at .+, to keep the reserve for production$/,
    )
  })

  it('names every permission refused, once each', async () => {
    permissionsRefused({ series: true })
    const braze = await visitSegmentThenConnections()

    await within(braze).findAllByRole('alert')
    const alerts = within(braze).getAllByRole('alert')
    expect(alerts).toHaveLength(2)
    expect(braze).toHaveTextContent('Give the key the segments.details permission')
    expect(braze).toHaveTextContent('Give the key the segments.data_series permission')
  })

  it('names the permission that stopped the details scan', async () => {
    const user = userEvent.setup()
    permissionsRefused()
    const { router } = renderApp('/audit')
    await user.click(await screen.findByRole('button', { name: 'Scan details' }))
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent('Scan stopped')

    act(() => void router.navigate('/connections'))
    const alert = await within(await card('Braze')).findByRole('alert')
    expect(alert).toHaveTextContent('Give the key the segments.details permission in Braze')
    expect(await lastCalls('Braze')).toMatch(/^Failing: a segment’s details, HTTP 403 at /)
  })

  it('names the permission that stopped the details scan after a reload, until a details answer works', async () => {
    const user = userEvent.setup()
    await scanStoppedByRefusedDetailsThenReload()
    const { router } = renderApp('/')
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('140 segments'), { timeout: 5000 })
    act(() => void router.navigate('/connections'))
    const braze = await card('Braze')
    const alert = await within(braze).findByRole('alert')
    expect(alert).toHaveTextContent('Braze’s API key lacks a permission')
    expect(alert).toHaveTextContent('Give the key the segments.details permission in Braze')
    expect(await lastCalls('Braze')).toMatch(/^Failing: a segment’s details, HTTP 403 at /)

    const working = brazeCounted()
    await user.click(within(braze).getByRole('button', { name: 'Check Braze again' }))

    await expect.poll(() => lastCalls('Braze')).toMatch(/^Working: last good answer at /)
    expect(within(braze).queryByRole('alert')).not.toBeInTheDocument()
    expect(working.count).toBe(1)
  })

  it('checks a kept scan failure’s details when Connections opens first, of the segment the check found', async () => {
    const user = userEvent.setup()
    await scanStoppedByRefusedDetailsThenReload()
    const checks = brazeCounted()
    renderApp('/connections')
    const braze = await card('Braze')
    expect(await within(braze).findByRole('alert')).toHaveTextContent('Give the key the segments.details permission')
    const check = await within(braze).findByRole('button', { name: 'Check Braze again' })
    // The list's first page, asked once: it works, yet says nothing of the permission.
    expect(checks.count).toBe(1)
    expect(await lastCalls('Braze')).toMatch(/^Failing: a segment’s details, HTTP 403 at /)

    await user.click(check)
    await expect.poll(() => lastCalls('Braze')).toMatch(/^Working: last good answer at /)
    expect(checks.count).toBe(2)
  })

  it('asks the refused call once more on "Check Braze again", and says it works once the key may make it', async () => {
    const user = userEvent.setup()
    const refused = permissionsRefused()
    const braze = await visitSegmentThenConnections()
    await within(braze).findByRole('alert')
    const refusedBefore = refused.count

    server.resetHandlers()
    const working = brazeCounted()
    await user.click(within(braze).getByRole('button', { name: 'Check Braze again' }))

    await expect.poll(() => lastCalls('Braze')).toMatch(/^Working: last good answer at /)
    expect(within(braze).queryByRole('alert')).not.toBeInTheDocument()
    expect(refused.count).toBe(refusedBefore)
    expect(working.count).toBe(1)
  })

  it('says Braze asked the list to wait, and until when, rather than "Checking…", then that it works', async () => {
    // Fake timers end the wait when the test says, rather than 45 seconds later.
    vi.useFakeTimers({ shouldAdvanceTime: true })
    // Braze's budget is spent: the list's first call, made as the page starts, is asked to wait 45 s.
    let waitAsked = false
    /** Single-page calls to Braze, as the proxy makes them for the list's requests and for a check. */
    let calls = 0
    server.use(
      http.get('*/api/braze/segments/:endpoint', ({ request }) => {
        calls += 1
        if (waitAsked) return demo.forwardToBraze(request)
        waitAsked = true
        return HttpResponse.json({ message: 'Rate Limited' }, { status: 429, headers: { 'Retry-After': '45' } })
      }),
    )
    // The app starts the lists as it starts, whatever the page: here the Segments list's, which says the wait too.
    const { router } = renderApp('/')
    const listSaid = (await screen.findByText(/^Braze asked to wait: loading resumes at /)).textContent ?? ''
    act(() => void router.navigate('/connections'))

    // A minute at most: the time says its seconds.
    const waiting = /^Braze asked to wait: the list resumes loading at \d{1,2}:\d{2}:\d{2}\s[AP]M$/
    await expect.poll(() => lastCalls('Braze')).toMatch(waiting)
    // Said as the Segments list said it: the same time.
    expect(await lastCalls('Braze')).toBe(
      `Braze asked to wait: the list resumes loading at ${/at (\S+\s[AP]M)/.exec(listSaid)?.[1]}`,
    )
    expect(within(await card('Braze')).queryByRole('alert')).not.toBeInTheDocument()
    // No check is sent to a Braze that asked to wait.
    const callsBefore = calls
    await vi.advanceTimersByTimeAsync(10_000)
    expect(await lastCalls('Braze')).toMatch(waiting)
    expect(calls).toBe(callsBefore)

    await vi.advanceTimersByTimeAsync(35_000)
    await expect.poll(() => lastCalls('Braze')).toMatch(/^Working: last good answer at /)
  })

  it('says the list waits, rather than "Working", when Braze asks it to wait after its first pages came', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    // The list's first page comes; Braze asks the next one to wait 45 s (its budget spent meanwhile).
    let waitAsked = false
    server.use(
      http.get('*/api/braze/segments/list', ({ request }) => {
        if (waitAsked || new URL(request.url).searchParams.get('page') !== '1') return demo.forwardToBraze(request)
        waitAsked = true
        return HttpResponse.json({ message: 'Rate Limited' }, { status: 429, headers: { 'Retry-After': '45' } })
      }),
    )
    const { router } = renderApp('/')
    await screen.findByText(/^Braze asked to wait: loading resumes at /)
    expect(waitAsked).toBe(true)
    act(() => void router.navigate('/connections'))
    await expect.poll(() => lastCalls('Braze')).toMatch(/^Braze asked to wait: the list resumes loading at /)
    await vi.advanceTimersByTimeAsync(45_000)
    await expect.poll(() => lastCalls('Braze')).toMatch(/^Working: last good answer at /)
  })
})

/** The whole app at `path`, as a browser opens it: the cache kept in IndexedDB restored, and saved as it changes. */
function openApp(path: string) {
  window.history.replaceState(null, '', path)
  render(<App />)
}

/** Whether the cache the app saved, as the next page load would restore it, holds the refused permissions. */
async function refusalsSaved(): Promise<boolean> {
  const saved = await createPersistedClient().persistOptions.persister.restoreClient()
  return saved?.clientState.queries.some((query) => query.queryKey[0] === REFUSED_PERMISSIONS_KEY[0]) ?? false
}

/**
 * A Braze segment's page whose details and size history Braze refused (a key without either permission), then a
 * reload once the app has saved its cache (a second after a kept query changed). On fake timers, from here on.
 */
async function segmentRefusedThenReload() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'Date'], shouldAdvanceTime: true })
  permissionsRefused({ series: true })
  openApp(`/segments/braze/${SEGMENT?.id}`)
  await waitFor(
    () =>
      expect(
        screen.getAllByRole('alert').filter((alert) => alert.textContent?.includes('lacks a permission')),
      ).toHaveLength(2),
    { timeout: 5000 },
  )
  // The save's pause passed on fake time; IndexedDB writes in real time.
  await act(() => vi.advanceTimersByTimeAsync(2_000))
  await expect.poll(refusalsSaved, { timeout: 5000 }).toBe(true)
  cleanup()
}

describe('Connections page after a reload: a refused permission', () => {
  it('is still named after a reload, until a call needing that permission works', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    await segmentRefusedThenReload()
    openApp('/connections')

    const braze = await card('Braze')
    await waitFor(() => expect(within(braze).getAllByRole('alert')).toHaveLength(2), { timeout: 5000 })
    expect(braze).toHaveTextContent('Give the key the segments.details permission in Braze')
    expect(braze).toHaveTextContent('Give the key the segments.data_series permission in Braze')
    expect(await lastCalls('Braze')).toMatch(/^Failing: a segment’s (details|size history), HTTP 403 at /)

    // The key may now read details, not yet size series: only the details' refusal goes.
    server.resetHandlers()
    permissionsRefused({ series: true })
    server.use(http.get('*/api/braze/segments/details', ({ request }) => demo.forwardToBraze(request)))
    const details = within(braze)
      .getAllByRole('alert')
      .find((alert) => alert.textContent?.includes('segments.details'))
    await user.click(within(details ?? braze).getByRole('button', { name: 'Check Braze again' }))
    await expect.poll(() => lastCalls('Braze')).toMatch(/^Failing: a segment’s size history, HTTP 403 at /)
    expect(within(braze).getByRole('alert')).toHaveTextContent('segments.data_series')
  })

  it('is forgotten once the server runs another configuration', async () => {
    await segmentRefusedThenReload()
    // The server restarted for another Braze workspace: the cache kept under the last one is not restored.
    server.resetHandlers()
    server.use(
      http.get('*/api/status', () =>
        HttpResponse.json({
          mode: 'demo',
          providers: {
            braze: { configured: true, host: 'rest.fra-02.braze.eu' },
            commandersAct: { configured: true, host: 'api.commander1.com', site: '1234' },
          },
        }),
      ),
    )
    openApp('/connections')

    await expect.poll(() => lastCalls('Braze'), { timeout: 5000 }).toMatch(/^Working: last good answer at /)
    expect(within(await card('Braze')).queryByRole('alert')).not.toBeInTheDocument()
  })
})
