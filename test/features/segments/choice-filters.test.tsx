// @vitest-environment jsdom
// The toolbar's single-choice filters (Provider, Tracking, Verdict, Finding) as a person sees them in each language:
// their labels and options in order, the list they leave, the URL they write, and "Clear filters".
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDemoHandlers, listedSegments } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 40, commandersActCount: 10 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const LISTED = listedSegments(demo.data)
const status = () => screen.getByRole('status')
const optionsOf = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((option) => option.textContent)

const LANGUAGES = [
  {
    language: 'en',
    selects: [
      ['Provider', ['All', 'Braze', 'Commanders Act']],
      ['Tracking', ['Any', 'On', 'Off']],
      ['Verdict', ['Any', 'Keep', 'Fix', 'Archive', 'Unreviewed']],
      [
        'Finding',
        [
          'Any',
          'No description',
          'No tags',
          'Analytics tracking off',
          'Size 0 for 30 days',
          'Test or temporary',
          'Breaks the naming pattern (no pattern set)',
          'Duplicate name',
          'In both providers',
          'Malformed answer',
        ],
      ],
    ],
    picks: { Provider: 'Braze', Tracking: 'Off', Verdict: 'Unreviewed', Finding: 'Analytics tracking off' },
    keep: 'Keep',
    tags: 'Tags filter',
    shown: (count: number) => new RegExp(`^${count} segments? of ${LISTED.length}`),
    clear: 'Clear filters',
    search: 'Search segments',
  },
  {
    language: 'fr',
    selects: [
      ['Fournisseur', ['Tous', 'Braze', 'Commanders Act']],
      ['Suivi', ['Tous', 'Activé', 'Désactivé']],
      ['Verdict', ['Tous', 'Garder', 'Corriger', 'Archiver', 'Non revu']],
      [
        'Constat',
        [
          'Tous',
          'Sans description',
          'Sans tag',
          'Suivi analytique désactivé',
          'Taille 0 sur 30 jours',
          'Test ou temporaire',
          'Hors convention de nommage (aucun motif défini)',
          'Nom en double',
          'Dans les deux fournisseurs',
          'Réponse mal formée',
        ],
      ],
    ],
    picks: { Fournisseur: 'Braze', Suivi: 'Désactivé', Verdict: 'Non revu', Constat: 'Suivi analytique désactivé' },
    keep: 'Garder',
    tags: 'Filtre par tags',
    shown: (count: number) => new RegExp(`^${count} segments? sur ${LISTED.length}`),
    clear: 'Effacer les filtres',
    search: 'Rechercher des segments',
  },
] as const

describe.each(LANGUAGES)('single-choice filters ($language)', (text) => {
  async function renderList(url = '/') {
    await i18next.changeLanguage(text.language)
    const view = renderApp(url)
    await waitFor(
      () => expect(status()).toHaveTextContent(new RegExp(`(^${LISTED.length} segments|(of|sur) ${LISTED.length} ·)`)),
      {
        timeout: 5000,
      },
    )
    return view
  }

  it('shows each filter with its options in order, Provider before the tags and the others after them', async () => {
    await renderList()
    const selects = text.selects.map(([label]) => screen.getByRole('combobox', { name: label }))
    expect(screen.getAllByRole('combobox')).toEqual(selects)
    const tags = screen.getByRole('button', { name: text.tags })
    expect(selects.map((select) => tags.compareDocumentPosition(select))).toEqual([
      Node.DOCUMENT_POSITION_PRECEDING,
      Node.DOCUMENT_POSITION_FOLLOWING,
      Node.DOCUMENT_POSITION_FOLLOWING,
      Node.DOCUMENT_POSITION_FOLLOWING,
    ])
    for (const [label, options] of text.selects) {
      expect(optionsOf(screen.getByRole('combobox', { name: label }))).toEqual(options)
    }
  })

  it('narrows the list with each pick, writes the URL in the toolbar’s order, and clears every filter at once', async () => {
    const user = userEvent.setup()
    const { currentSearch } = await renderList()
    expect(screen.queryByRole('button', { name: text.clear })).not.toBeInTheDocument()
    for (const [label, option] of Object.entries(text.picks)) {
      await user.selectOptions(screen.getByRole('combobox', { name: label }), option)
    }
    expect(currentSearch().toString()).toBe('provider=braze&tracking=off&verdict=unreviewed&finding=tracking-off')
    const untracked = LISTED.filter((segment) => segment.provider === 'braze' && !segment.analyticsTracking)
    expect(untracked.length).toBeGreaterThan(0)
    await waitFor(() => expect(status()).toHaveTextContent(text.shown(untracked.length)))

    await user.selectOptions(screen.getByRole('combobox', { name: text.selects[2][0] }), text.keep)
    await waitFor(() => expect(status()).toHaveTextContent(text.shown(0)))
    await user.click(screen.getAllByRole('button', { name: text.clear })[0] as HTMLElement)
    expect(currentSearch().toString()).toBe('')
    for (const [label, options] of text.selects) {
      expect(screen.getByRole('combobox', { name: label })).toHaveDisplayValue(options[0])
    }
  })

  it('gives the keyboard to the search when Clear filters, pressed in the toolbar or an empty view, goes', async () => {
    const user = userEvent.setup()
    await renderList('/?tracking=off')
    await user.click(screen.getByRole('button', { name: text.clear }))
    expect(screen.queryByRole('button', { name: text.clear })).not.toBeInTheDocument()
    expect(screen.getByRole('searchbox', { name: text.search })).toHaveFocus()

    await user.keyboard('zzzzzzzz')
    const clears = await screen.findAllByRole('button', { name: text.clear })
    expect(clears).toHaveLength(2)
    await user.click(clears[1] as HTMLElement)
    expect(screen.queryByRole('button', { name: text.clear })).not.toBeInTheDocument()
    expect(screen.getByRole('searchbox', { name: text.search })).toHaveFocus()
  })

  it('reads a shared link into the selects, and ignores values it does not know', async () => {
    await renderList('/?provider=commanders-act&tracking=maybe&verdict=Keep&finding=stale')
    const [provider, ...others] = text.selects
    expect(screen.getByRole('combobox', { name: provider[0] })).toHaveDisplayValue('Commanders Act')
    for (const [label, options] of others) {
      expect(screen.getByRole('combobox', { name: label })).toHaveDisplayValue(options[0])
    }
    const commandersAct = LISTED.filter((segment) => segment.provider === 'commanders-act')
    await waitFor(() => expect(status()).toHaveTextContent(text.shown(commandersAct.length)))
  })
})
