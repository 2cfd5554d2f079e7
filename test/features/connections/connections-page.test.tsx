// @vitest-environment jsdom
// The Connections page as a person reads it: demo or live, the Braze instance and Commanders Act site, what to set, and a failing server.
import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionStatus } from '../../../src/providers/connection-status'
import { renderApp } from '../../render-app'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

function answerStatus(status: ConnectionStatus) {
  server.use(http.get('*/api/status', () => HttpResponse.json(status)))
}

const brazeCard = () => screen.findByRole('region', { name: 'Braze' })
const commandersActCard = () => screen.findByRole('region', { name: 'Commanders Act' })

/** The terms of a card's definition list ("REST endpoint", "Instance"…), as a person reads them. */
const terms = (card: HTMLElement) =>
  within(card)
    .queryAllByRole('term')
    .map((term) => term.textContent)

/** The definition a card gives for a term, as a person reads "Term: value". */
function fact(card: HTMLElement, term: string): string | null {
  const dt = within(card)
    .queryAllByRole('term')
    .find((element) => element.textContent === term)
  if (!dt)
    throw new Error(
      `No "${term}" in the ${card.getAttribute('aria-labelledby') ?? ''} card; terms: ${terms(card).join(', ')}`,
    )
  const dd = dt.nextElementSibling
  expect(dd).toHaveRole('definition')
  return dd?.textContent ?? null
}

describe('Connections page', () => {
  it('says the data is demo data and shows the fake providers’ hosts', async () => {
    answerStatus({
      mode: 'demo',
      providers: {
        braze: { configured: true, host: '127.0.0.1:5190' },
        commandersAct: { configured: true, host: '127.0.0.1:5191', site: '1234' },
      },
    })
    renderApp('/connections')

    const braze = await brazeCard()
    expect(screen.getByRole('heading', { level: 1, name: 'Connections' })).toBeInTheDocument()
    expect(within(braze).getByText('Demo data')).toBeInTheDocument()
    expect(fact(braze, 'REST endpoint')).toBe('127.0.0.1:5190')
    expect(fact(braze, 'Instance')).toBe('Built-in demo server')

    const commandersAct = await commandersActCard()
    expect(within(commandersAct).getByText('Demo data')).toBeInTheDocument()
    expect(fact(commandersAct, 'API host')).toBe('127.0.0.1:5191')
    expect(fact(commandersAct, 'Site')).toBe('1234')

    const notes = screen.getAllByRole('note')
    expect(notes.some((note) => note.textContent?.includes('No provider credentials are set'))).toBe(true)
    expect(screen.queryByText('Live')).not.toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('names the Braze instance of a recognised host and shows the Commanders Act site in real mode', async () => {
    answerStatus({
      mode: 'real',
      providers: {
        braze: { configured: true, host: 'rest.fra-02.braze.eu' },
        commandersAct: { configured: true, host: 'api.commander1.com', site: '5678' },
      },
    })
    renderApp('/connections')

    const braze = await brazeCard()
    expect(within(braze).getByText('Live')).toBeInTheDocument()
    expect(fact(braze, 'REST endpoint')).toBe('rest.fra-02.braze.eu')
    expect(fact(braze, 'Instance')).toBe('EU-02')

    const commandersAct = await commandersActCard()
    expect(within(commandersAct).getByText('Live')).toBeInTheDocument()
    expect(fact(commandersAct, 'API host')).toBe('api.commander1.com')
    expect(fact(commandersAct, 'Site')).toBe('5678')

    expect(screen.queryByText('Demo data')).not.toBeInTheDocument()
    expect(screen.queryByText(/No provider credentials are set/)).not.toBeInTheDocument()
    expect(screen.queryByText('Not configured')).not.toBeInTheDocument()
  })

  it('says when a real Braze host is not one it recognises', async () => {
    answerStatus({
      mode: 'real',
      providers: {
        braze: { configured: true, host: 'braze.proxy.example.com' },
        commandersAct: { configured: true, host: 'api.commander1.com', site: '5678' },
      },
    })
    renderApp('/connections')
    expect(fact(await brazeCard(), 'Instance')).toBe('Unrecognised host')
  })

  it('shows a provider that is not configured, with the variables to set and an example', async () => {
    answerStatus({
      mode: 'real',
      providers: {
        braze: { configured: true, host: 'rest.iad-01.braze.com' },
        commandersAct: { configured: false, missing: ['COMMANDERS_ACT_SITE_ID', 'COMMANDERS_ACT_TOKEN'], invalid: [] },
      },
    })
    renderApp('/connections')

    const commandersAct = await commandersActCard()
    expect(within(commandersAct).getByText('Not configured')).toBeInTheDocument()
    expect(within(commandersAct).getByText(/COMMANDERS_ACT_SITE_ID/, { selector: 'code' })).toBeInTheDocument()
    expect(within(commandersAct).getByText(/COMMANDERS_ACT_TOKEN/, { selector: 'code' })).toBeInTheDocument()
    expect(commandersAct).toHaveTextContent(/Set\s*COMMANDERS_ACT_SITE_ID\s*COMMANDERS_ACT_TOKEN/)
    expect(within(commandersAct).getByLabelText('Example configuration')).toHaveTextContent(
      'COMMANDERS_ACT_SITE_ID=1234 COMMANDERS_ACT_TOKEN=your-token',
      { normalizeWhitespace: true },
    )
    expect(terms(commandersAct)).toEqual([])

    // The configured provider is unaffected.
    const braze = await brazeCard()
    expect(within(braze).getByText('Live')).toBeInTheDocument()
    expect(fact(braze, 'Instance')).toBe('US-01')
    expect(within(braze).queryByText('Not configured')).not.toBeInTheDocument()
  })

  it('names the variables set to an unusable value', async () => {
    answerStatus({
      mode: 'real',
      providers: {
        braze: { configured: false, missing: ['BRAZE_API_KEY'], invalid: ['BRAZE_REST_ENDPOINT'] },
        commandersAct: { configured: true, host: 'api.commander1.com', site: '5678' },
      },
    })
    renderApp('/connections')

    const braze = await brazeCard()
    expect(within(braze).getByText('Not configured')).toBeInTheDocument()
    expect(braze).toHaveTextContent(/Set\s*BRAZE_API_KEY/)
    expect(braze).toHaveTextContent(/Fix\s*BRAZE_REST_ENDPOINT\s*\(invalid value\)/)
    expect(within(braze).getByLabelText('Example configuration')).toHaveTextContent(
      'BRAZE_REST_ENDPOINT=https://rest.iad-01.braze.com BRAZE_API_KEY=your-rest-api-key',
      { normalizeWhitespace: true },
    )
    expect(terms(braze)).toEqual([])
  })

  it.each([
    { what: 'a 500', respond: () => HttpResponse.json({ error: 'boom' }, { status: 500 }), message: /answered 500/ },
    {
      what: 'an unexpected body',
      respond: () => HttpResponse.json({ mode: 'maybe', providers: {} }),
      message: /unexpected status \(mode\)/,
    },
  ])('shows an alert when the status endpoint sends $what', async ({ respond, message }) => {
    server.use(http.get('*/api/status', respond))
    renderApp('/connections')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The dashboard server did not say how it is configured')
    expect(alert).toHaveTextContent(message)
    expect(screen.queryByRole('region', { name: 'Braze' })).not.toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Commanders Act' })).not.toBeInTheDocument()
  })
})
