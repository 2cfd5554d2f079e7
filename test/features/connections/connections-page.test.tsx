// @vitest-environment jsdom
// The Connections page as a person reads it: demo or live, the Braze instance and Commanders Act site, what to set, and
// a failing server. What each card says is checked in English and in French (the variables' names unchanged); text with
// a narrow no-break space is checked on textContent, as Testing Library's matchers fold it into a plain space.
import { act, screen, within } from '@testing-library/react'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ConnectionStatus } from '../../../src/providers/connection-status'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

// The providers answer as the demo ones do: each card asks whether its provider's calls work.
const server = setupServer(...createDemoHandlers({ brazeCount: 20, commandersActCount: 5 }).handlers)
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

const LANGUAGES = [
  {
    language: 'en',
    title: 'Connections',
    demo: 'Demo data',
    live: 'Live',
    notConfigured: 'Not configured',
    endpoint: 'REST endpoint',
    instance: 'Instance',
    demoServer: 'Built-in demo server',
    unrecognised: 'Unrecognised host',
    apiHost: 'API host',
    site: 'Site',
    demoNote: 'No provider credentials are set, so the server runs',
    setBraze:
      'Set BRAZE_API_KEY and fix BRAZE_REST_ENDPOINT (invalid value) in .env.local or the server environment, then restart the server.',
    setCommandersAct: 'Set COMMANDERS_ACT_SITE_ID and COMMANDERS_ACT_TOKEN in .env.local',
    example: 'Example configuration',
    statusFailed: 'The dashboard server did not say how it is configured',
  },
  {
    language: 'fr',
    title: 'Connexions',
    demo: 'Données de démo',
    live: 'Réel',
    notConfigured: 'Non configuré',
    endpoint: 'Point d’accès REST',
    instance: 'Instance',
    demoServer: 'Serveur de démo intégré',
    unrecognised: 'Hôte non reconnu',
    apiHost: 'Hôte de l’API',
    site: 'Site',
    demoNote: 'Aucun identifiant de fournisseur n’est défini\u202f: le serveur utilise',
    setBraze:
      'Définissez BRAZE_API_KEY et corrigez BRAZE_REST_ENDPOINT (valeur invalide) dans .env.local ou l’environnement du serveur, puis redémarrez le serveur.',
    setCommandersAct: 'Définissez COMMANDERS_ACT_SITE_ID et COMMANDERS_ACT_TOKEN dans .env.local',
    example: 'Exemple de configuration',
    statusFailed: 'Le serveur du tableau de bord n’a pas indiqué sa configuration',
  },
] as const

describe.each(LANGUAGES)('Connections page ($language)', (text) => {
  beforeEach(async () => {
    await i18next.changeLanguage(text.language)
  })

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
    expect(screen.getByRole('heading', { level: 1, name: text.title })).toBeInTheDocument()
    expect(document.title).toBe(`${text.title} — Segment Audit`)
    expect(within(braze).getByText(text.demo)).toBeInTheDocument()
    expect(fact(braze, text.endpoint)).toBe('127.0.0.1:5190')
    expect(fact(braze, text.instance)).toBe(text.demoServer)

    const commandersAct = await commandersActCard()
    expect(within(commandersAct).getByText(text.demo)).toBeInTheDocument()
    expect(fact(commandersAct, text.apiHost)).toBe('127.0.0.1:5191')
    expect(fact(commandersAct, text.site)).toBe('1234')

    const demoNote = screen.getAllByRole('note').find((note) => note.textContent?.startsWith(text.demo))
    expect(demoNote?.textContent).toContain(text.demoNote)
    expect(within(demoNote as HTMLElement).getByText('.env.local', { selector: 'code' })).toBeInTheDocument()
    expect(screen.queryByText(text.live)).not.toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
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
    const braze = await brazeCard()
    expect(within(braze).getByText(text.live)).toBeInTheDocument()
    expect(fact(braze, text.instance)).toBe(text.unrecognised)
    expect(screen.queryByText(text.demo)).not.toBeInTheDocument()
  })

  it('says which variables to set or fix, keeping their names', async () => {
    answerStatus({
      mode: 'real',
      providers: {
        braze: { configured: false, missing: ['BRAZE_API_KEY'], invalid: ['BRAZE_REST_ENDPOINT'] },
        commandersAct: { configured: false, missing: ['COMMANDERS_ACT_SITE_ID', 'COMMANDERS_ACT_TOKEN'], invalid: [] },
      },
    })
    renderApp('/connections')

    const braze = await brazeCard()
    expect(within(braze).getByText(text.notConfigured)).toBeInTheDocument()
    expect(braze).toHaveTextContent(text.setBraze)
    expect(within(braze).getByLabelText(text.example)).toHaveTextContent(
      'BRAZE_REST_ENDPOINT=https://rest.iad-01.braze.com BRAZE_API_KEY=your-rest-api-key',
      { normalizeWhitespace: true },
    )
    expect(terms(braze)).toEqual([])
    const commandersAct = await commandersActCard()
    expect(commandersAct).toHaveTextContent(text.setCommandersAct)
    expect(within(commandersAct).getByText('COMMANDERS_ACT_TOKEN', { selector: 'code' })).toBeInTheDocument()
  })

  it('shows an alert, and no card, when the status endpoint sends a 500', async () => {
    server.use(http.get('*/api/status', () => HttpResponse.json({ error: 'boom' }, { status: 500 })))
    renderApp('/connections')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(text.statusFailed)
    expect(alert).toHaveTextContent(/500/)
    expect(screen.queryByRole('region', { name: 'Braze' })).not.toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Commanders Act' })).not.toBeInTheDocument()
  })
})

describe('Connections page', () => {
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
    expect(commandersAct).toHaveTextContent('Set COMMANDERS_ACT_SITE_ID and COMMANDERS_ACT_TOKEN in .env.local')
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

  it('says why when the status endpoint sends an unexpected body', async () => {
    server.use(http.get('*/api/status', () => HttpResponse.json({ mode: 'maybe', providers: {} })))
    renderApp('/connections')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The dashboard server did not say how it is configured')
    expect(alert).toHaveTextContent(/unexpected status \(mode\)/)
    expect(screen.queryByRole('region', { name: 'Braze' })).not.toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Commanders Act' })).not.toBeInTheDocument()
  })

  it('says the app’s server cannot be reached while it restarts, and shows the cards once it answers, by itself', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      server.use(http.get('*/api/status', () => HttpResponse.error()))
      renderApp('/connections')
      const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
      expect(alert).toHaveTextContent('The app’s server could not be reached')
      expect(alert).toHaveTextContent('It may be restarting, or this computer is offline')
      expect(alert).not.toHaveTextContent('Failed to fetch')

      server.resetHandlers()
      await act(() => vi.advanceTimersByTimeAsync(5_000))
      expect(await brazeCard()).toBeInTheDocument()
      expect(screen.queryByText('The app’s server could not be reached')).not.toBeInTheDocument()
    } finally {
      vi.useRealTimers()
    }
  })
})
