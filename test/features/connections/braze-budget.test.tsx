// @vitest-environment jsdom
// The Connections page tells how much of Braze's shared hourly budget is left, the reserve kept for production, and
// when it resets — or that it is not known yet.
import { screen, within } from '@testing-library/react'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { BrazeRateLimit } from '../../../src/providers/connection-status'
import { advanceWhile } from '../../fake-time'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

// The providers answer as the demo ones do: each card asks whether its provider's calls work.
const server = setupServer(...createDemoHandlers({ brazeCount: 20, commandersActCount: 5 }).handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

function answerStatus(rateLimit: BrazeRateLimit | null) {
  server.use(
    http.get('*/api/status', () =>
      HttpResponse.json({
        mode: 'real',
        providers: {
          braze: { configured: true, host: 'rest.fra-01.braze.eu', rateLimit },
          commandersAct: { configured: true, host: 'api.commander1.com', site: '1234' },
        },
      }),
    ),
  )
}

/** The next 3 PM: the reset still ahead. */
const resetAt = new Date()
resetAt.setHours(15, 0, 0, 0)
if (resetAt.getTime() <= Date.now()) resetAt.setDate(resetAt.getDate() + 1)
/** The last 3 PM: a reading from before a reset since. */
const pastReset = new Date(resetAt.getTime())
pastReset.setDate(pastReset.getDate() - 1)

describe.each([
  {
    language: 'en',
    term: 'Hourly budget',
    known: /12,345 of 250,000 calls left · 25,000 kept in reserve for production · resets at 0?3:00/,
    unknown: /Not known yet/,
    renewed: /Renewed at 0?3:00 PM: 250,000 calls, less any production has made since · 25,000 kept in reserve/,
  },
  {
    language: 'fr',
    term: 'Quota horaire',
    known:
      /12\s345 appels restants sur 250\s000 · 25\s000 gardés en réserve pour la production · remise à zéro à 15:00/,
    unknown: /Pas encore connu/,
    renewed: /Renouvelé à 15:00\u202f: 250\s000 appels, moins ceux que la production a faits depuis · 25\s000 gardés/,
  },
])('Braze’s budget on the Connections page ($language)', ({ language, term, known, unknown, renewed }) => {
  const budgetText = async () => {
    await i18next.changeLanguage(language)
    renderApp('/connections')
    const card = await screen.findByRole('region', { name: 'Braze' })
    const dt = await within(card).findByText(term)
    return dt.nextElementSibling?.textContent ?? ''
  }

  it('shows the calls left, the reserve and the reset time', async () => {
    answerStatus({
      limit: 250_000,
      remaining: 12_345,
      reserve: 25_000,
      resetAt: resetAt.toISOString(),
      observedAt: new Date(2026, 11, 6, 14, 20).toISOString(),
    })
    expect(await budgetText()).toMatch(known)
  })

  it('says the budget was renewed, not the calls left before it, once the reset has passed', async () => {
    answerStatus({
      limit: 250_000,
      remaining: 12_345,
      reserve: 25_000,
      resetAt: pastReset.toISOString(),
      observedAt: new Date(pastReset.getTime() - 40 * 60_000).toISOString(),
    })
    expect(await budgetText()).toMatch(renewed)
  })

  it('says so at the reset on a page left open, and asks the server again', async () => {
    // The reset passes on fake time, which also moves the clock the page reads.
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const soon = new Date(Date.now() + 1500)
    const reading = { limit: 250_000, remaining: 12_345, reserve: 25_000, resetAt: soon.toISOString() }
    answerStatus({ ...reading, observedAt: new Date().toISOString() })
    expect(await budgetText()).toMatch(/12[,\s]345/)
    let asked = 0
    server.use(
      http.get('*/api/status', () => {
        asked += 1
        return HttpResponse.json({
          mode: 'real',
          providers: {
            braze: { configured: true, host: 'rest.fra-01.braze.eu', rateLimit: reading },
            commandersAct: { configured: true, host: 'api.commander1.com', site: '1234' },
          },
        })
      }),
    )
    const card = screen.getByRole('region', { name: 'Braze' })
    const renewedAt = language === 'en' ? /Renewed at/ : /Renouvelé à/
    await advanceWhile(() => !within(card).queryByText(renewedAt), 5)
    expect(within(card).getByText(renewedAt)).toBeInTheDocument()
    expect(asked).toBeGreaterThan(0)
  })

  it('says it is not known yet before any answer from Braze', async () => {
    answerStatus(null)
    expect(await budgetText()).toMatch(unknown)
  })
})

describe('Braze’s budget not known while Braze refuses the key', () => {
  it('does not say Braze has not answered, beside its refusal', async () => {
    await i18next.changeLanguage('en')
    answerStatus(null)
    server.use(
      http.get('*/api/braze/segments/:endpoint', () =>
        HttpResponse.json({ error: 'unauthorized', provider: 'braze', status: 401 }, { status: 401 }),
      ),
    )
    renderApp('/connections')
    const card = await screen.findByRole('region', { name: 'Braze' })
    await within(card).findByText(/^Failing: HTTP 401 at /, {}, { timeout: 5000 })
    const budget = within(card).getByText('Hourly budget').nextElementSibling
    expect(budget).toHaveTextContent('Not known yet: no answer from Braze has given it since the server started.')
  })
})
