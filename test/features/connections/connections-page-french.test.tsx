// @vitest-environment jsdom
// The Connections page in French: demo or live, hosts and site, the variables to set (their names unchanged), a failing server.
// Text with a narrow no-break space is checked on textContent: Testing Library's matchers fold it into a plain space.
import { screen, within } from '@testing-library/react'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ConnectionStatus } from '../../../src/providers/connection-status'
import { renderApp } from '../../render-app'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  await i18next.changeLanguage('fr')
})
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

function answerStatus(status: ConnectionStatus) {
  server.use(http.get('*/api/status', () => HttpResponse.json(status)))
}

/** The definition a card gives for a term, as a person reads "Term: value". */
function fact(card: HTMLElement, term: string): string | null {
  const dt = within(card)
    .getAllByRole('term')
    .find((element) => element.textContent === term)
  if (!dt) throw new Error(`No "${term}" in the card`)
  return dt.nextElementSibling?.textContent ?? null
}

describe('Connections page in French', () => {
  it('says in French that the data is demo data, with the fake providers’ hosts', async () => {
    answerStatus({
      mode: 'demo',
      providers: {
        braze: { configured: true, host: '127.0.0.1:5190' },
        commandersAct: { configured: true, host: '127.0.0.1:5191', site: '1234' },
      },
    })
    renderApp('/connections')

    const braze = await screen.findByRole('region', { name: 'Braze' })
    expect(screen.getByRole('heading', { level: 1, name: 'Connexions' })).toBeInTheDocument()
    expect(document.title).toBe('Connexions — Segment Audit')
    expect(within(braze).getByText('Données de démo')).toBeInTheDocument()
    expect(fact(braze, 'Point d’accès REST')).toBe('127.0.0.1:5190')
    expect(fact(braze, 'Instance')).toBe('Serveur de démo intégré')

    const commandersAct = screen.getByRole('region', { name: 'Commanders Act' })
    expect(fact(commandersAct, 'Hôte de l’API')).toBe('127.0.0.1:5191')
    expect(fact(commandersAct, 'Site')).toBe('1234')

    const demoNote = screen.getAllByRole('note').find((note) => note.textContent?.startsWith('Données de démo'))
    expect(demoNote?.textContent).toContain('Aucun identifiant de fournisseur n’est défini\u202f: le serveur utilise')
    expect(within(demoNote as HTMLElement).getByText('.env.local', { selector: 'code' })).toBeInTheDocument()
  })

  it('names a live instance and says when a host is not recognised', async () => {
    answerStatus({
      mode: 'real',
      providers: {
        braze: { configured: true, host: 'braze.proxy.example.com' },
        commandersAct: { configured: true, host: 'api.commander1.com', site: '5678' },
      },
    })
    renderApp('/connections')
    const braze = await screen.findByRole('region', { name: 'Braze' })
    expect(within(braze).getByText('Réel')).toBeInTheDocument()
    expect(fact(braze, 'Instance')).toBe('Hôte non reconnu')
    expect(screen.queryByText('Données de démo')).not.toBeInTheDocument()
  })

  it('says in French which variables to set or fix, keeping their names', async () => {
    answerStatus({
      mode: 'real',
      providers: {
        braze: { configured: false, missing: ['BRAZE_API_KEY'], invalid: ['BRAZE_REST_ENDPOINT'] },
        commandersAct: { configured: false, missing: ['COMMANDERS_ACT_SITE_ID', 'COMMANDERS_ACT_TOKEN'], invalid: [] },
      },
    })
    renderApp('/connections')

    const braze = await screen.findByRole('region', { name: 'Braze' })
    expect(within(braze).getByText('Non configuré')).toBeInTheDocument()
    expect(braze).toHaveTextContent(
      'Définissez BRAZE_API_KEY Corrigez BRAZE_REST_ENDPOINT (valeur invalide) dans .env.local ou l’environnement du serveur, puis redémarrez le serveur.',
    )
    expect(within(braze).getByLabelText('Exemple de configuration')).toHaveTextContent(
      'BRAZE_REST_ENDPOINT=https://rest.iad-01.braze.com',
    )

    const commandersAct = screen.getByRole('region', { name: 'Commanders Act' })
    expect(commandersAct).toHaveTextContent('Définissez COMMANDERS_ACT_SITE_ID COMMANDERS_ACT_TOKEN dans .env.local')
  })

  it('says in French that the server did not give its configuration', async () => {
    server.use(http.get('*/api/status', () => HttpResponse.json({ error: 'boom' }, { status: 500 })))
    renderApp('/connections')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Le serveur du tableau de bord n’a pas indiqué sa configuration',
    )
  })
})
