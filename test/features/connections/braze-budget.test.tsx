// @vitest-environment jsdom
// The Connections page tells how much of Braze's shared hourly budget is left, the reserve kept for production, and
// when it resets — or that it is not known yet.
import { screen, within } from '@testing-library/react'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeRateLimit } from '../../../src/providers/connection-status'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

// The providers answer as the demo ones do: each card asks whether its provider's calls work.
const server = setupServer(...createDemoHandlers({ brazeCount: 20, commandersActCount: 5 }).handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
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

const resetAt = new Date(2026, 11, 6, 15, 0)

describe.each([
  {
    language: 'en',
    term: 'Hourly budget',
    known: /12,345 of 250,000 calls left · 25,000 kept in reserve for production · resets at 0?3:00/,
    unknown: /Not known yet/,
  },
  {
    language: 'fr',
    term: 'Quota horaire',
    known:
      /12\s345 appels restants sur 250\s000 · 25\s000 gardés en réserve pour la production · remise à zéro à 15:00/,
    unknown: /Pas encore connu/,
  },
])('Braze’s budget on the Connections page ($language)', ({ language, term, known, unknown }) => {
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

  it('says it is not known yet before any answer from Braze', async () => {
    answerStatus(null)
    expect(await budgetText()).toMatch(unknown)
  })
})
