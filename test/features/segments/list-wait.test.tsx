// @vitest-environment jsdom
// When Braze asks the list to wait (429), the page keeps its rows and says when loading resumes: a wait, not an alert.
import { screen, waitFor } from '@testing-library/react'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 650, commandersActCount: 30 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

// A wait lasts a minute at most: the time says its seconds, or it would not say when (at 9:21:30, "at 9:22 AM").
describe.each([
  {
    language: 'en',
    waiting: /Braze asked to wait: loading resumes at \d{1,2}:\d{2}:\d{2}\s[AP]M \(/,
    all: '680 segments',
  },
  // Testing Library reads the French narrow no-break space as a space.
  {
    language: 'fr',
    waiting: /Braze demande de patienter\s: le chargement reprend à \d{1,2}:\d{2}:\d{2} \(/,
    all: '680 segments',
  },
])('the Braze list under a 429 ($language)', ({ language, waiting, all }) => {
  it('keeps its rows, says when loading resumes, then completes without an alert', async () => {
    await i18next.changeLanguage(language)
    // Fake timers end the wait when the test says, rather than a second later.
    vi.useFakeTimers({ shouldAdvanceTime: true })
    let limited = false
    server.use(
      http.get('*/api/braze/segments/list', ({ request }) => {
        if (limited || Number(new URL(request.url).searchParams.get('page')) !== 4) return undefined
        limited = true
        return HttpResponse.json({ message: 'Rate Limited' }, { status: 429, headers: { 'Retry-After': '1' } })
      }),
    )
    renderApp('/')
    const note = await screen.findByText(waiting, {}, { timeout: 4000 })
    expect(note).toHaveAttribute('role', 'status')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    // The rows that came before the wait are drawn while it lasts (as a deferred render, a moment after the note).
    await waitFor(() => expect(screen.getAllByRole('row').length).toBeGreaterThan(10))
    expect(screen.getByText(waiting)).toBeInTheDocument()
    await vi.advanceTimersByTimeAsync(1000)
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(new RegExp(`^${all}`)))
    expect(screen.queryByText(waiting)).not.toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
