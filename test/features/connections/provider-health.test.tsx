// @vitest-environment jsdom
// The Connections page says whether each provider's last calls worked: a failing Braze with the list's advice and a
// one-call "Check again", a working one with the time of its last good answer, and what the list already learnt.
import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 120, commandersActCount: 20 })
const server = setupServer(...demo.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
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

  it('shows a working Braze as working, with the time of its last good answer', async () => {
    const calls = brazeCounted()
    renderApp('/connections')
    await expect.poll(() => lastCalls('Braze')).toMatch(/^Working: last good answer at \d/)
    expect(within(await card('Braze')).queryByRole('alert')).not.toBeInTheDocument()
    expect(calls.count).toBe(1)
  })

  it('shows the failure the Segments list met, without asking Braze again', async () => {
    const calls = brazeFailing()
    const { router } = renderApp('/')
    await screen.findByText('Braze had a server error')
    const listCalls = calls.count

    act(() => void router.navigate('/connections'))
    const alert = await within(await card('Braze')).findByRole('alert')
    expect(alert).toHaveTextContent('Braze had a server error')
    expect(await lastCalls('Braze')).toMatch(/^Failing: HTTP 500 at /)
    expect(calls.count).toBe(listCalls)
  })
})
