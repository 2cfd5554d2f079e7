// @vitest-environment jsdom
// A Braze segment's page while the proxy holds Braze's reserve for production: a hold of seconds is waited out as the
// page says until when; a longer one shows its alert, and the page asks again by itself when it ends (Retry sooner).
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'
import { reserveHold } from '../../msw/reserve-hold'

const demo = createDemoHandlers({ brazeCount: 30, commandersActCount: 5 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  // Every wait here is skipped by moving fake time on.
  vi.useFakeTimers({ shouldAdvanceTime: true })
})
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

const SEGMENT = demo.data.braze[0]
if (!SEGMENT) throw new Error('no demo Braze segment')
const PATH = `/segments/braze/${SEGMENT.id}`
const HELD_SECONDS = 600

const region = (name: string) => screen.getByRole('region', { name })
const detailsShown = () => expect(region('Filters').querySelector('pre')).not.toBeNull()

/**
 * The proxy holds the segment's details and size for `seconds`, `times` times over (as it answers while only the
 * reserve is left), then lets them through to Braze; counts the details requests.
 */
function holdSegment(seconds: number, times = 1): { details: number } {
  const counter = { details: 0 }
  let held = 0
  server.use(
    http.get('*/api/braze/segments/:endpoint', ({ request, params }) => {
      if (params.endpoint === 'details') counter.details += 1
      if (params.endpoint === 'list' || held >= times * 2) return demo.forwardToBraze(request)
      held += 1
      return reserveHold(seconds)
    }),
  )
  return counter
}

async function advanceSeconds(seconds: number) {
  await vi.advanceTimersByTimeAsync(seconds * 1000)
}

describe('Braze reserve held by the proxy, on a segment’s page', () => {
  it('waits out a hold of seconds, saying until when, then shows the details', async () => {
    const counter = holdSegment(5)
    renderApp(PATH)
    // The app's own server holds the calls back: Braze did not ask anything.
    const note = await screen.findByText(
      /^Held back by the app’s server to keep Braze’s reserve for production: loading resumes at /,
      {},
      { timeout: 5000 },
    )
    // Seconds away: the time says its seconds.
    expect(note).toHaveTextContent(/\d{1,2}:\d{2}:\d{2}/)
    expect(note).toHaveAttribute('role', 'status')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()

    await advanceSeconds(5)
    await waitFor(detailsShown)
    expect(counter.details).toBe(2)
    expect(screen.queryByText(/Held back/)).not.toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('says Braze asked to wait when it is Braze’s own 429, not a hold', async () => {
    let refused = 0
    server.use(
      http.get('*/api/braze/segments/:endpoint', ({ request, params }) => {
        if (params.endpoint === 'list' || refused >= 2) return demo.forwardToBraze(request)
        refused += 1
        return HttpResponse.json(
          { error: 'rate_limited', provider: 'braze', status: 429, retryAfterSeconds: 5 },
          { status: 429, headers: { 'Retry-After': '5' } },
        )
      }),
    )
    renderApp(PATH)
    const note = await screen.findByText(/^Braze asked to wait: loading resumes at /, {}, { timeout: 5000 })
    expect(note).toHaveAttribute('role', 'status')
    expect(screen.queryByText(/Held back/)).not.toBeInTheDocument()

    await advanceSeconds(5)
    await waitFor(detailsShown)
    expect(screen.queryByText(/asked to wait/)).not.toBeInTheDocument()
  })

  it('shows a longer hold’s alert, then asks again by itself when it ends and shows the details', async () => {
    const counter = holdSegment(HELD_SECONDS)
    renderApp(PATH)
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2), { timeout: 5000 })
    const [pageAlert] = screen.getAllByRole('alert')
    expect(pageAlert).toHaveTextContent('Waiting for Braze’s budget to reset')
    expect(pageAlert).toHaveTextContent(/down to the reserve kept for production; calls resume at \d{1,2}:\d{2}/)
    expect(pageAlert).not.toHaveTextContent(/hourly/i)
    expect(within(region('Details')).getAllByText('Not available').length).toBeGreaterThan(0)

    // Not before the reset: the proxy would only answer the same.
    await advanceSeconds(HELD_SECONDS - 10)
    expect(counter.details).toBe(1)

    await advanceSeconds(10)
    await waitFor(detailsShown)
    expect(counter.details).toBe(2)
    expect(
      await within(region('Size, last 30 days')).findByRole('img', { name: /^Estimated size from/ }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('asks at once on Retry before the hold ends, and not again when it ends', async () => {
    const counter = holdSegment(HELD_SECONDS)
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    renderApp(PATH)
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2), { timeout: 5000 })
    const [pageAlert] = screen.getAllByRole('alert')
    if (!pageAlert) throw new Error('no alert')

    await user.click(within(pageAlert).getByRole('button', { name: 'Retry the details' }))
    await waitFor(detailsShown)
    expect(counter.details).toBe(2)

    await advanceSeconds(HELD_SECONDS + 10)
    expect(counter.details).toBe(2)
  })
})
