// @vitest-environment jsdom
// The Segments page in French, as a French-speaking marketer sees it: words, French typography, numbers and dates
// formatted in French, plural rules; and a one-row view reading "1 segment" in both languages.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { brazeQueries } from '../../../src/providers/braze/queries'
import type { BrazeSegmentDetails } from '../../../src/providers/braze/schemas'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 1000, commandersActCount: 200 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  localStorage.clear()
  sessionStorage.clear()
})
afterAll(() => server.close())

/** French writes thousands and the space before a colon with a narrow no-break space. */
const NNBSP = '\u202f'

const status = () => screen.getByRole('status')
const table = () => screen.getByRole('table', { name: 'Segments' })
const searchBox = () => screen.getByRole('searchbox', { name: 'Rechercher des segments' })

async function renderInFrench(url = '/') {
  await i18next.changeLanguage('fr')
  const view = renderApp(url)
  // Both providers in full: the whole list, or a view of it.
  await waitFor(
    () =>
      expect(status()).toHaveTextContent(new RegExp(`^1${NNBSP}200 segments|sur 1${NNBSP}200`), {
        normalizeWhitespace: false,
      }),
    {
      timeout: 10_000,
    },
  )
  return view
}

/** The text of a row's cell under the column of that name (the table shows one body row here). */
function cellUnder(column: RegExp): string {
  const headers = within(table()).getAllByRole('columnheader')
  const index = headers.findIndex((header) => column.test(header.textContent ?? ''))
  expect(index).toBeGreaterThanOrEqual(0)
  const [, row] = within(table()).getAllByRole('row')
  if (!row) throw new Error('the table shows no row')
  return within(row).getAllByRole('cell')[index]?.textContent ?? ''
}

describe('Segments page in French', () => {
  it('speaks French: heading, search, counts with French numbers, columns, filters', async () => {
    await renderInFrench()
    expect(screen.getByRole('heading', { level: 1, name: 'Segments' })).toBeInTheDocument()
    expect(
      screen.getByText(
        'Tous les segments Braze et Commanders Act dans une seule liste. L’API de Braze ne liste pas les segments archivés.',
      ),
    ).toBeInTheDocument()
    expect(document.title).toBe('Segments — Segment Audit')
    expect(searchBox()).toHaveAttribute('placeholder', 'Rechercher par nom, ID ou tag')
    expect(screen.getByRole('search', { name: 'Rechercher et filtrer les segments' })).toBeInTheDocument()

    expect(status()).toHaveTextContent(
      `1${NNBSP}200 segments · Braze${NNBSP}: 1${NNBSP}000 · Commanders Act${NNBSP}: 200`,
      { normalizeWhitespace: false },
    )
    // The same words as on the Audit page.
    expect(screen.getByText(/revu sur/)).toHaveTextContent(`0 segment revu sur 1${NNBSP}200`, {
      normalizeWhitespace: false,
    })

    expect(screen.getByRole('columnheader', { name: /Dernière mise à jour/ })).toBeInTheDocument()
    expect(screen.getByRole('columnheader', { name: /Fournisseur/ })).toBeInTheDocument()
    expect(screen.getByRole('columnheader', { name: /Suivi analytique/ })).toBeInTheDocument()

    const verdict = screen.getByRole('combobox', { name: 'Verdict' })
    expect(within(verdict).getByRole('option', { name: 'Garder' })).toBeInTheDocument()
    expect(within(verdict).getByRole('option', { name: 'Non revu' })).toBeInTheDocument()
    expect(
      within(screen.getByRole('combobox', { name: 'Suivi' })).getByRole('option', { name: 'Désactivé' }),
    ).toBeInTheDocument()
    expect(
      within(screen.getByRole('combobox', { name: 'Constat' })).getByRole('option', { name: 'Sans tag' }),
    ).toBeInTheDocument()
    expect(screen.getByLabelText('Pas mis à jour depuis le')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Exporter en CSV' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Filtre par tags' })).toBeInTheDocument()
  })

  it('marks what Commanders Act does not provide as "non fourni", and counts per provider', async () => {
    const user = userEvent.setup()
    await renderInFrench()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Fournisseur' }), 'commanders-act')
    await waitFor(() =>
      expect(status()).toHaveTextContent(
        `200 segments sur 1${NNBSP}200 · Braze${NNBSP}: 0 · Commanders Act${NNBSP}: 200`,
        { normalizeWhitespace: false },
      ),
    )
    expect(within(table()).getAllByText('non fourni').length).toBeGreaterThan(0)
    expect(within(table()).getAllByText('par Commanders Act').length).toBeGreaterThan(0)
    expect(screen.getByRole('button', { name: 'Effacer les filtres' })).toBeInTheDocument()
  })

  it('shows a Braze segment’s last update as a French date once its details are cached', async () => {
    const user = userEvent.setup()
    const { queryClient } = await renderInFrench()
    const segment = demo.data.braze[0]
    if (!segment) throw new Error('no demo Braze segment')
    await user.type(searchBox(), segment.id)
    await waitFor(() => expect(status()).toHaveTextContent(/^1 segment sur/))
    expect(cellUnder(/Dernière mise à jour/)).toBe('non chargé')

    const details: BrazeSegmentDetails = {
      id: segment.id,
      tags: [],
      createdAt: '2024-01-15T12:00:00Z',
      updatedAt: '2025-06-01T12:00:00Z',
      textDescription: '',
    }
    act(() => {
      queryClient.setQueryData(brazeQueries.details(segment.id).queryKey, details)
    })
    await waitFor(() => expect(cellUnder(/Dernière mise à jour/)).toBe('1 juin 2025'))
    expect(cellUnder(/^Description/)).toBe('Absente')

    await act(async () => {
      await i18next.changeLanguage('en')
    })
    expect(cellUnder(/Last updated/)).toBe('Jun 1, 2025')
    expect(cellUnder(/^Description/)).toBe('Missing')
  })

  it('says "1 segment" for a one-row view in French and in English, and "0 segment" in French', async () => {
    const user = userEvent.setup()
    await renderInFrench()
    const segment = demo.data.braze[0]
    if (!segment) throw new Error('no demo Braze segment')
    await user.type(searchBox(), segment.id)
    const french = `1 segment sur 1${NNBSP}200 · Braze${NNBSP}: 1 · Commanders Act${NNBSP}: 0`
    await waitFor(() => expect(status()).toHaveTextContent(french, { normalizeWhitespace: false }))

    await act(async () => {
      await i18next.changeLanguage('en')
    })
    expect(status()).toHaveTextContent('1 segment of 1,200 · Braze: 1 · Commanders Act: 0', {
      normalizeWhitespace: false,
    })

    await act(async () => {
      await i18next.changeLanguage('fr')
    })
    expect(status()).toHaveTextContent(french, { normalizeWhitespace: false })
    await user.type(searchBox(), '-zzz-no-such-segment')
    expect(await screen.findByRole('heading', { name: 'Aucun segment ne correspond à cette vue' })).toBeInTheDocument()
    expect(status()).toHaveTextContent(`0 segment sur 1${NNBSP}200`, { normalizeWhitespace: false })
  })

  it('walks the list from a segment’s page in French', async () => {
    const user = userEvent.setup()
    await renderInFrench('/?provider=braze')
    const [first] = within(table()).getAllByRole('link')
    if (!first) throw new Error('the table shows no row')
    await user.click(first)
    const nav = await screen.findByRole('navigation', { name: 'Liste des segments' })
    expect(within(nav).getByText(`1 sur 1${NNBSP}000`, { normalizer: (text) => text })).toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: 'Suivant →' })).toHaveAttribute('title', 'Segment suivant (j)')
    await user.click(within(nav).getByRole('link', { name: '← Retour aux segments' }))
    await waitFor(() =>
      expect(status()).toHaveTextContent(`1${NNBSP}000 segments sur 1${NNBSP}200`, { normalizeWhitespace: false }),
    )
  })
})
