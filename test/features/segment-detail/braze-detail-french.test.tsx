// @vitest-environment jsdom
// The segment pages in French: headings and facts, dates and ages in French, French numbers in the size chart, the verdicts.
// Text with a narrow no-break space is checked on textContent: Testing Library's matchers fold it into a plain space.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 120, commandersActCount: 25 })
const server = setupServer(...demo.handlers)

const REVIEWER_KEY = 'segment-audit:reviewer:v1'
// A tracked segment with a text description (see src/server/demo/braze-data.ts), answered with known dates and sizes.
const SEGMENT = demo.data.braze[0] ?? { id: '', name: '' }
const COMMANDERS_ACT_SEGMENT = demo.data.commandersAct[0] ?? { id: '', label: '' }
const NOW = new Date('2026-11-01T12:00:00.000Z')

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  // Only Date is faked: "now" is fixed for the ages, while timers, IndexedDB and MSW run as usual.
  vi.useFakeTimers({ toFake: ['Date'], now: NOW })
  await i18next.changeLanguage('fr')
  server.use(
    http.get('*/api/braze/segments/details', async ({ request }) => {
      const answer = await demo.forwardToBraze(request)
      if (new URL(request.url).searchParams.get('segment_id') !== SEGMENT.id) return answer
      const body = (await answer.json()) as Record<string, unknown>
      return HttpResponse.json({
        ...body,
        created_at: '2024-03-12T12:00:00.000Z',
        updated_at: '2026-08-01T12:00:00.000Z',
      })
    }),
    http.get('*/api/braze/segments/data_series', () =>
      HttpResponse.json({
        message: 'success',
        data: [
          { time: '2026-10-02', size: 12345 },
          { time: '2026-10-15', size: 18000 },
          { time: '2026-10-31', size: 23456 },
        ],
      }),
    ),
  )
})
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

const region = (name: string) => screen.getByRole('region', { name })

/** The value next to a label in the Détails list. */
function fact(label: string): HTMLElement {
  const term = within(region('Détails')).getByText(label, { selector: 'dt' })
  const value = term.nextElementSibling
  if (!(value instanceof HTMLElement)) throw new Error(`no value for ${label}`)
  return value
}

describe('Segment pages in French', () => {
  it('shows a Braze segment with French headings, dates, ages, numbers and verdicts', async () => {
    localStorage.setItem(REVIEWER_KEY, 'Camille')
    const user = userEvent.setup()
    renderApp(`/segments/braze/${SEGMENT.id}`)
    await waitFor(() => expect(region('Filtres').querySelector('pre')).not.toBeNull(), { timeout: 5000 })

    expect(screen.getByRole('heading', { level: 1, name: SEGMENT.name })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Copier l’ID' })).toBeInTheDocument()
    expect(region('Description')).toBeInTheDocument()
    expect(
      within(region('Filtres')).getByText('La description que Braze donne des filtres du segment.'),
    ).toBeInTheDocument()
    expect(screen.queryByText('Aucune description')).not.toBeInTheDocument()

    expect(fact('Créé')).toHaveTextContent('12 mars 2024 (il y a 3 ans)')
    expect(fact('Mis à jour')).toHaveTextContent('1 août 2026 (il y a 3 mois)')
    expect(within(fact('Mis à jour')).getByText('1 août 2026', { exact: false })).toHaveAttribute(
      'datetime',
      '2026-08-01T12:00:00.000Z',
    )
    await waitFor(() => expect(fact('Suivi analytique')).toHaveTextContent('Activé'))

    const size = region('Taille sur les 30 derniers jours')
    const chart = await within(size).findByRole(
      'img',
      { name: 'Taille estimée de 12\u202f345 le 2 oct. 2026 à 23\u202f456 le 31 oct. 2026' },
      { timeout: 5000 },
    )
    expect(chart).toBeInTheDocument()
    expect(size.querySelector('.size-latest')?.textContent).toBe('23\u202f456')
    // Intl writes a no-break space before the percent sign, a narrow one between thousands.
    expect(size.textContent).toContain('utilisateurs le 31 oct. 2026 · +11\u202f111 (+90\u00a0%) sur 30 jours')

    const verdicts = within(region('Audit')).getByRole('radiogroup', { name: 'Verdict' })
    expect(
      within(verdicts)
        .getAllByRole('radio')
        .map((radio) => radio.closest('label')?.textContent?.replace(/\d$/, '')),
    ).toEqual(['Garder', 'Corriger', 'Archiver', 'Non revu'])
    expect(within(verdicts).getByRole('radio', { name: 'Non revu' })).toBeChecked()
    expect(region('Audit').textContent).toContain(
      'Revue au nom de Camille. Les touches 1, 2, 3 choisissent Garder, Corriger, Archiver, 0 remet en Non revu\u202f; j et k',
    )

    await user.click(within(verdicts).getByRole('radio', { name: 'Archiver' }))
    await waitFor(() => expect(within(region('Audit')).getByRole('status')).toHaveTextContent('Enregistré'))
    expect(within(region('Audit')).getByText(/^Archiver — par Camille,/)).toHaveTextContent('1 nov. 2026')
    expect(within(region('Audit')).getByRole('textbox', { name: 'Note' })).toBeInTheDocument()
  })

  it('asks who is reviewing in French', async () => {
    renderApp(`/segments/braze/${SEGMENT.id}`)
    const form = await screen.findByRole('form', { name: 'Audit' }, { timeout: 5000 })
    expect(form.textContent).toContain('Qui fait la revue\u202f? Votre nom est enregistré avec chaque verdict.')
    expect(within(form).getByRole('textbox', { name: 'Votre nom' })).toBeInTheDocument()
    expect(within(form).getByRole('button', { name: 'Commencer la revue' })).toBeDisabled()
  })

  it('says in French that Commanders Act exposes no description or tags', async () => {
    renderApp(`/segments/commanders-act/${COMMANDERS_ACT_SEGMENT.id}`)
    expect(
      await screen.findByRole('heading', { level: 1, name: COMMANDERS_ACT_SEGMENT.label }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(fact('Libellé')).toHaveTextContent(COMMANDERS_ACT_SEGMENT.label)
    expect(region('Détails').textContent).toContain(
      'Commanders Act ne fournit ni description, ni tags, ni dates pour les segments\u202f:',
    )
  })

  it('says in French that a segment is not found, with a way back', async () => {
    renderApp('/segments/commanders-act/DEADBEEF')
    expect(await screen.findByRole('heading', { name: 'Segment introuvable' }, { timeout: 5000 })).toBeInTheDocument()
    expect(screen.getByText(/^Commanders Act n’a aucun segment avec l’ID/)).toHaveTextContent('DEADBEEF')
    expect(screen.getByRole('link', { name: 'Retour aux segments' })).toHaveAttribute('href', '/')
    expect(document.title).toBe('Segment introuvable — Segment Audit')
  })
})
