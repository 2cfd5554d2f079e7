// @vitest-environment jsdom
// The Segments page as a person uses it: counts, search, filters, URL state, and a failing provider; and what it says
// in English and in French (words, numbers, dates, plural rules). French writes thousands, and the space before a
// colon, with a narrow no-break space: such text is matched without Testing Library's whitespace folding.
import { act, screen, waitFor, within } from '@testing-library/react'
import { BRAZE_PAGES_PER_REQUEST } from '../../../src/providers/braze/list-stream'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { brazeQueries } from '../../../src/providers/braze/queries'
import type { BrazeSegmentDetails } from '../../../src/providers/braze/schemas'
import { createDemoHandlers, listedSegments } from '../../msw/demo-handlers'
import { seedReviews } from '../../stores/audit-entries'
import { AUDIT_POLL_MS } from '../../../src/stores/audit-queries'
import { appServerRestarting } from '../../msw/app-server-restart'
import { renderApp } from '../../render-app'
import { held } from '../../held'

const demo = createDemoHandlers({ brazeCount: 250, commandersActCount: 30 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  localStorage.clear()
  vi.useRealTimers()
})
afterAll(() => server.close())

const status = () => screen.getByRole('status')
const table = () => screen.getByRole('table', { name: 'Segments' })
const rowLinks = () =>
  within(table())
    .getAllByRole('link')
    .map((link) => link.textContent)

async function waitForAll() {
  await waitFor(() => expect(status()).toHaveTextContent('280 segments'), { timeout: 5000 })
}

/** The list loaded, and its Tags panel opened with a click on its button. */
async function openTagsPanel() {
  const user = userEvent.setup()
  renderApp('/')
  await waitForAll()
  const tagsButton = screen.getByRole('button', { name: 'Tags filter' })
  await user.click(tagsButton)
  return { user, tagsButton, panel: screen.getByRole('group', { name: 'Filter by tags' }) }
}

describe('Segments page', () => {
  it('says the list is loading, not "0 segments", until its first rows arrive', async () => {
    const { released, release } = held()
    server.use(
      http.get('*/api/braze/segments/list', async ({ request }) => {
        await released
        return demo.forwardToBraze(request)
      }),
      http.get('*/api/commanders-act/segments/list', async () => {
        await released
        return HttpResponse.json([])
      }),
    )
    renderApp('/')
    await waitFor(() => expect(status()).toHaveTextContent(/^Loading segments…$/))
    release()
    await waitFor(() => expect(status()).toHaveTextContent(/^250 segments/), { timeout: 5000 })
  })

  it('lets the Commanders Act list finish when the page is left while it loads, not asking for it again', async () => {
    const { released, release } = held()
    let asked = 0
    server.use(
      http.get('*/api/commanders-act/segments/list', async ({ request }) => {
        asked += 1
        await released
        return demo.forwardToCommandersActList(request)
      }),
    )
    const user = userEvent.setup()
    renderApp('/')
    await waitFor(() => expect(asked).toBe(1))
    await user.click(screen.getByRole('link', { name: 'Connections' }))
    await screen.findByRole('heading', { level: 1, name: 'Connections' })
    release()
    await user.click(screen.getByRole('link', { name: 'Segments' }))
    await waitForAll()
    expect(asked).toBe(1)
  })

  it('shows the first rows while the rest of the list is still loading', async () => {
    // 650 Braze segments, and the pages after the first request's wait: the list stays "loading" with rows to show.
    const bigger = createDemoHandlers({ brazeCount: 650, commandersActCount: 30 })
    const { released, release } = held()
    server.use(
      http.get('*/api/braze/segments/list', async ({ request }) => {
        if (Number(new URL(request.url).searchParams.get('page')) >= BRAZE_PAGES_PER_REQUEST) await released
        return bigger.forwardToBraze(request)
      }),
    )
    renderApp('/')
    await waitFor(() => expect(status()).toHaveTextContent(/^(130|530) segments/))
    // Whatever the count says, the table already shows rows for it, under the loading indicator.
    expect(rowLinks().length).toBeGreaterThan(10)
    expect(screen.getByText(/loaded…/)).toBeInTheDocument()
    release()
    await waitFor(() => expect(status()).toHaveTextContent('680 segments'), { timeout: 5000 })
  })

  it('searches name, id and tags ignoring case and accents', async () => {
    const user = userEvent.setup()
    const { currentSearch } = renderApp('/')
    await waitForAll()
    await user.type(screen.getByRole('searchbox', { name: 'Search segments' }), 'FIDELE')
    await waitFor(() => expect(status()).not.toHaveTextContent('280 segments'))
    const names = rowLinks()
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) expect(name?.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()).toContain('fidele')
    expect(currentSearch().get('q')).toBe('FIDELE')

    const id = demo.data.braze[0]?.id ?? ''
    // An id is pasted, as it is copied from Braze.
    await user.clear(screen.getByRole('searchbox', { name: 'Search segments' }))
    await user.paste(id)
    await waitFor(() => expect(status()).toHaveTextContent(/^1 segment of 280/))
    expect(rowLinks()).toEqual([demo.data.braze[0]?.name])
  })

  it('filters by provider and by tags, with counts, and the status follows', async () => {
    const user = userEvent.setup()
    const { currentSearch } = renderApp('/')
    await waitForAll()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Provider' }), 'braze')
    await waitFor(() => expect(status()).toHaveTextContent(/^250 segments of 280/))
    expect(status()).toHaveTextContent('Commanders Act: 0')

    await user.click(screen.getByRole('button', { name: 'Tags filter' }))
    const panel = screen.getByRole('group', { name: 'Filter by tags' })
    const firstTag = within(panel).getAllByRole('checkbox')[0]
    if (!firstTag) throw new Error('no tag listed')
    const tag = firstTag.closest('label')?.querySelector('.check-label')?.textContent ?? ''
    const expected = demo.data.braze.filter((segment) => segment.tags?.includes(tag)).length
    // Named by its tag alone, as a speech-input user says it; its count, which the other filters change, described.
    expect(firstTag).toHaveAccessibleName(tag)
    expect(firstTag).toHaveAccessibleDescription(String(expected))
    await user.click(firstTag)
    await waitFor(() => expect(status()).toHaveTextContent(new RegExp(`^${expected} segments? of 280`)))
    expect(currentSearch().getAll('tag')).toEqual([tag])
    expect(screen.getByRole('button', { name: 'Tags filter, 1 selected' })).toBeInTheDocument()
  })

  it('keeps the keyboard in the Tags panel when its Clear tags goes with the tags it cleared', async () => {
    const user = userEvent.setup()
    renderApp('/')
    await waitForAll()
    await user.click(screen.getByRole('button', { name: 'Tags filter' }))
    const panel = screen.getByRole('group', { name: 'Filter by tags' })
    await user.click(within(panel).getAllByRole('checkbox')[0] as HTMLElement)
    await user.click(within(panel).getByRole('button', { name: 'Clear tags' }))
    expect(within(panel).queryByRole('button', { name: 'Clear tags' })).not.toBeInTheDocument()
    expect(within(panel).queryAllByRole('checkbox', { checked: true })).toEqual([])
    expect(within(panel).getByRole('searchbox', { name: 'Find a tag' })).toHaveFocus()
  })

  it('closes a filter’s panel when the keyboard leaves it, which would otherwise cover what the keyboard is on', async () => {
    const user = userEvent.setup()
    renderApp('/')
    await waitForAll()
    await user.click(screen.getByRole('button', { name: 'Tags filter' }))
    const panel = screen.getByRole('group', { name: 'Filter by tags' })
    const tags = within(panel).getAllByRole('checkbox')
    await user.click(tags[0] as HTMLElement)
    // Within the panel, it stays open; so it does for a click on the panel itself, which focuses the page's main.
    await user.tab()
    expect(tags[1]).toHaveFocus()
    await user.click(panel)
    expect(panel).toBeInTheDocument()
    ;(tags.at(-1) as HTMLElement).focus()
    await user.tab()
    await user.tab()
    expect(screen.getByRole('button', { name: 'Teams filter' })).toHaveFocus()
    expect(screen.queryByRole('group', { name: 'Filter by tags' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Tags filter, 1 selected' })).toHaveAttribute('aria-expanded', 'false')
  })

  it('leaves to the search an Escape meant for it while a filter’s panel is open, and closes the panel on the next', async () => {
    const { user, tagsButton, panel } = await openTagsPanel()
    // A click on the panel's text (the page's main takes the keyboard), then "/" to the search: the panel stays open.
    await user.click(panel)
    await user.keyboard('/')
    const search = screen.getByRole('searchbox', { name: 'Search segments' })
    expect(search).toHaveFocus()
    await user.keyboard('spring')
    // The search clears itself on Escape, then leaves the field on the next: the open panel takes neither from it.
    await user.keyboard('{Escape}')
    expect(search).toHaveValue('')
    expect(search).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(search).not.toHaveFocus()
    expect(panel).toBeInTheDocument()
    // An Escape nothing on the page takes closes the panel, the keyboard on its button.
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('group', { name: 'Filter by tags' })).not.toBeInTheDocument()
    expect(tagsButton).toHaveAttribute('aria-expanded', 'false')
    expect(tagsButton).toHaveFocus()
  })

  it('closes a filter’s panel on Escape in it, the keyboard back on its button', async () => {
    const { user, panel } = await openTagsPanel()
    await user.click(within(panel).getAllByRole('checkbox')[0] as HTMLElement)
    await user.keyboard('{Escape}')
    expect(panel).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Tags filter, 1 selected' })).toHaveFocus()
  })

  it.each([
    ['Tags filter', 'Filter by tags', 'Find a tag'],
    ['Teams filter', 'Filter by teams', 'Find a team'],
  ])(
    'clears what was typed in the %s panel’s find field on Escape, and closes the panel on the next',
    async (button, group, find) => {
      const user = userEvent.setup()
      renderApp('/')
      await waitForAll()
      const panelButton = screen.getByRole('button', { name: button })
      await user.click(panelButton)
      const panel = screen.getByRole('group', { name: group })
      const field = within(panel).getByRole('searchbox', { name: find })
      await user.click(field)
      await user.keyboard('zz')
      await user.keyboard('{Escape}')
      expect(field).toHaveValue('')
      expect(field).toHaveFocus()
      expect(panel).toBeInTheDocument()
      await user.keyboard('{Escape}')
      expect(panel).not.toBeInTheDocument()
      expect(panelButton).toHaveFocus()
    },
  )

  it('restores search, filters and sort from the URL, and clears them', async () => {
    const user = userEvent.setup()
    renderApp('/?q=newsletter&provider=braze&sort=-name')
    await waitFor(() => expect(status()).toHaveTextContent(/segments? of 280/), { timeout: 5000 })
    expect(screen.getByRole('searchbox', { name: 'Search segments' })).toHaveValue('newsletter')
    expect(screen.getByRole('combobox', { name: 'Provider' })).toHaveValue('braze')
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending')
    const names = rowLinks()
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
    expect(names).toEqual([...names].sort((a, b) => collator.compare(b ?? '', a ?? '')))

    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0] as HTMLElement)
    await waitForAll()
    expect(screen.getByRole('searchbox', { name: 'Search segments' })).toHaveValue('')
  })

  it('sorts by a column when its header is clicked', async () => {
    const user = userEvent.setup()
    const { currentSearch } = renderApp('/')
    await waitForAll()
    await user.click(within(screen.getByRole('columnheader', { name: /Provider/ })).getByRole('button'))
    expect(currentSearch().get('sort')).toBe('provider')
    expect(screen.getByRole('columnheader', { name: /Provider/ })).toHaveAttribute('aria-sort', 'ascending')
    await user.click(within(screen.getByRole('columnheader', { name: /Provider/ })).getByRole('button'))
    expect(currentSearch().get('sort')).toBe('-provider')
  })

  it('sorts up on a first click in every column, whatever its values (text, yes/no, dates)', async () => {
    const user = userEvent.setup()
    const { currentSearch } = renderApp('/')
    await waitForAll()
    for (const [label, sort] of [
      ['Analytics tracking', 'tracking'],
      ['Last updated', 'updated'],
      ['Tags', 'tags'],
      ['ID', 'id'],
    ] as const) {
      const header = () => screen.getByRole('columnheader', { name: new RegExp(`^${label}`) })
      await user.click(within(header()).getByRole('button'))
      expect(currentSearch().get('sort'), label).toBe(sort)
      expect(header(), label).toHaveAttribute('aria-sort', 'ascending')
    }
  })

  it('says when no segment matches and offers to clear the filters', async () => {
    const user = userEvent.setup()
    renderApp('/?q=zzzz-no-such-segment')
    await waitFor(
      () => expect(screen.getByRole('heading', { name: 'No segment matches this view' })).toBeInTheDocument(),
      { timeout: 5000 },
    )
    expect(status()).toHaveTextContent(/^0 segments of 280/)
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' }).at(-1) as HTMLElement)
    await waitForAll()
  })

  it('hides a column from the columns menu and remembers it', async () => {
    const user = userEvent.setup()
    const first = renderApp('/')
    await waitForAll()
    await user.click(screen.getByRole('button', { name: 'Columns' }))
    await user.click(screen.getByRole('checkbox', { name: 'ID' }))
    expect(screen.queryByRole('columnheader', { name: /^ID/ })).not.toBeInTheDocument()
    first.unmount()
    renderApp('/')
    await waitForAll()
    expect(screen.queryByRole('columnheader', { name: /^ID/ })).not.toBeInTheDocument()
    expect(screen.getByRole('columnheader', { name: /Tags/ })).toBeInTheDocument()
  })

  it('on a phone, shows fewer columns by default, as the menu says, and labels a value turned on in the cards', async () => {
    const wide = window.innerWidth
    window.innerWidth = 390
    try {
      const user = userEvent.setup()
      renderApp('/')
      await waitForAll()
      expect(screen.queryByRole('columnheader', { name: /^Size/ })).not.toBeInTheDocument()
      expect(screen.getByRole('columnheader', { name: /^Tags/ })).toBeInTheDocument()
      await user.click(screen.getByRole('button', { name: 'Columns' }))
      for (const hidden of ['ID', 'Analytics tracking', 'Last updated', 'Description', 'Size'])
        expect(screen.getByRole('checkbox', { name: hidden })).not.toBeChecked()
      await user.click(screen.getByRole('checkbox', { name: 'Size' }))
      expect(screen.getByRole('columnheader', { name: /^Size/ })).toBeInTheDocument()
      // A card says what each of its values is: the column's name goes with the value.
      const sizes = table().querySelectorAll('td.col-size')
      expect(sizes.length).toBeGreaterThan(0)
      expect(sizes[0]).toHaveAttribute('data-label', 'Size:')
    } finally {
      window.innerWidth = wide
    }
  })

  it('keeps Braze usable and names Commanders Act when it fails, with a working Retry', async () => {
    let failing = true
    server.use(
      http.get('*/api/commanders-act/segments/list', ({ request }) =>
        failing
          ? HttpResponse.json({ error: 'invalid token' }, { status: 401 })
          : demo.forwardToCommandersActList(request),
      ),
    )
    const user = userEvent.setup()
    renderApp('/')
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent('Commanders Act rejected the credentials')
    expect(alert).toHaveTextContent('COMMANDERS_ACT_TOKEN')
    await waitFor(() => expect(status()).toHaveTextContent(/^250 segments/))
    // An id is pasted, as a reviewer would copy it from Braze.
    await user.click(screen.getByRole('searchbox', { name: 'Search segments' }))
    await user.paste(demo.data.braze[0]?.id ?? '')
    await waitFor(() => expect(rowLinks()).toEqual([demo.data.braze[0]?.name]))

    failing = false
    await user.clear(screen.getByRole('searchbox', { name: 'Search segments' }))
    await user.click(within(alert).getByRole('button', { name: 'Retry Commanders Act' }))
    await waitForAll()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('keeps the keyboard in the page’s content when Retry takes its alert away, whether the list fails again or not', async () => {
    const refuse = () => HttpResponse.json({ error: 'invalid token' }, { status: 401 })
    server.use(http.get('*/api/commanders-act/segments/list', refuse))
    const user = userEvent.setup()
    renderApp('/')
    const retry = async () => {
      const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
      within(alert).getByRole('button', { name: 'Retry Commanders Act' }).focus()
      await user.keyboard('{Enter}')
    }
    // Still refused, after a while: the alert goes while the list is asked again, then comes back; meanwhile and
    // after, the keyboard is in the page's content, not at its top.
    const { released, release } = held()
    server.use(
      http.get('*/api/commanders-act/segments/list', async () => {
        await released
        return refuse()
      }),
    )
    await retry()
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument())
    expect(screen.getByRole('main')).toHaveFocus()
    release()
    expect(await screen.findByRole('alert')).toHaveTextContent('Commanders Act rejected the credentials')
    expect(screen.getByRole('main')).toHaveFocus()

    server.resetHandlers()
    await retry()
    await waitForAll()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(screen.getByRole('main')).toHaveFocus()
  })

  it('loads a list the app’s server could not send once that server answers again, without Retry pressed', async () => {
    const restart = appServerRestarting(server, '*/api/commanders-act/segments/list')
    renderApp('/')
    expect(await restart.alert()).toHaveTextContent('The app’s server could not be reached')
    await restart.back()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    await waitForAll()
  })

  it('says the verdicts shown are the team audit’s last answer while it cannot be read, until it can again', async () => {
    const [segment] = listedSegments(demo.data)
    await seedReviews({ key: segment?.key ?? '', verdict: 'keep' })
    vi.useFakeTimers({ shouldAdvanceTime: true })
    renderApp('/')
    await waitForAll()
    const reviewed = () => screen.getByText(/^Reviewed/)
    await waitFor(() => expect(reviewed()).toHaveTextContent('Reviewed 1 of 280'))
    expect(screen.queryByText(/cannot be read/)).not.toBeInTheDocument()

    server.use(http.get('*/api/audit/entries', () => HttpResponse.error()))
    await act(() => vi.advanceTimersByTimeAsync(AUDIT_POLL_MS))
    expect(await screen.findByText(/cannot be read/)).toHaveTextContent(
      /^Verdicts as of \d{1,2}:\d{2} [AP]M: the team’s audit cannot be read just now\. Trying again every few/,
    )
    // The verdicts read before stay, under that sign.
    expect(reviewed()).toHaveTextContent('Reviewed 1 of 280')

    server.resetHandlers()
    await act(() => vi.advanceTimersByTimeAsync(AUDIT_POLL_MS))
    await waitFor(() => expect(screen.queryByText(/cannot be read/)).not.toBeInTheDocument())
  })

  it('says no verdict is shown yet when the team’s audit has never been read, and exports nothing until it is', async () => {
    server.use(http.get('*/api/audit/entries', () => HttpResponse.json({ error: 'store_error' }, { status: 503 })))
    vi.useFakeTimers({ shouldAdvanceTime: true })
    renderApp('/')
    await waitForAll()
    expect(await screen.findByText(/cannot be read/)).toHaveTextContent(
      'The team’s audit cannot be read just now: no verdict is shown yet. Trying again every few seconds…',
    )
    // A CSV now would give every segment as unreviewed.
    const exportCsv = screen.getByRole('button', { name: 'Export CSV' })
    expect(exportCsv).toBeDisabled()

    server.resetHandlers()
    await act(() => vi.advanceTimersByTimeAsync(AUDIT_POLL_MS))
    await waitFor(() => expect(exportCsv).toBeEnabled())
  })

  it('names the variables to set when a provider is not configured, with no Retry that could not help', async () => {
    server.use(
      http.get('*/api/braze/segments/:endpoint', () =>
        HttpResponse.json(
          { error: 'not_configured', provider: 'braze', missing: ['BRAZE_API_KEY'], invalid: [] },
          { status: 503 },
        ),
      ),
    )
    renderApp('/')
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent('Braze is not configured')
    expect(alert).toHaveTextContent(
      'On the server, set BRAZE_API_KEY (in .env.local or the environment), then restart.',
    )
    // Its variables are read as the server starts: asking again cannot change the answer.
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument()
    await waitFor(() => expect(status()).toHaveTextContent(/^30 segments/))
  })
})

// Over a thousand segments, so that every count is written with a thousands separator.
const thousand = createDemoHandlers({ brazeCount: 1000, commandersActCount: 20 })
const NNBSP = '\u202f'
const exactly = { normalizeWhitespace: false }

const LANGUAGES = [
  {
    language: 'en',
    intro: 'Every Braze and Commanders Act segment in one list. Braze’s API does not list archived segments.',
    search: ['Search segments', 'Name, ID or tag', 'Search and filter segments'],
    all: '1,020 segments · Braze: 1,000 · Commanders Act: 20',
    reviewed: [/^Reviewed/, 'Reviewed 0 of 1,020'],
    columns: [/Last updated/, /Provider/, /Analytics tracking/],
    filters: [
      ['Verdict', 'Keep'],
      ['Verdict', 'Unreviewed'],
      ['Tracking', 'Off'],
      ['Finding', 'No tags'],
    ],
    buttons: ['Export CSV', 'Tags filter', 'Clear filters'],
    notUpdatedSince: 'Not updated since',
    provider: 'Provider',
    commandersActOnly: '20 segments of 1,020 · Braze: 0 · Commanders Act: 20',
    notProvided: ['not provided', 'by Commanders Act'],
    notLoaded: 'not loaded',
    updated: [/Last updated/, 'Jun 1, 2025'],
    descriptionMissing: 'Missing',
    one: '1 segment of 1,020 · Braze: 1 · Commanders Act: 0',
    none: ['No segment matches this view', '0 segments of 1,020'],
    navigation: ['Segment list', '1 of 1,000', 'Next →', 'Next segment (j)', '← Back to the segments'],
    brazeOnly: '1,000 segments of 1,020',
  },
  {
    language: 'fr',
    intro:
      'Tous les segments Braze et Commanders Act dans une seule liste. L’API de Braze ne liste pas les segments archivés.',
    search: ['Rechercher des segments', 'Nom, ID ou tag', 'Rechercher et filtrer les segments'],
    all: `1${NNBSP}020 segments · Braze${NNBSP}: 1${NNBSP}000 · Commanders Act${NNBSP}: 20`,
    reviewed: [/revu sur/, `0 segment revu sur 1${NNBSP}020`],
    columns: [/Dernière mise à jour/, /Fournisseur/, /Suivi analytique/],
    filters: [
      ['Verdict', 'Garder'],
      ['Verdict', 'Non revu'],
      ['Suivi', 'Désactivé'],
      ['Constat', 'Sans tag'],
    ],
    buttons: ['Exporter en CSV', 'Filtre par tags', 'Effacer les filtres'],
    notUpdatedSince: 'Pas mis à jour depuis le',
    provider: 'Fournisseur',
    commandersActOnly: `20 segments sur 1${NNBSP}020 · Braze${NNBSP}: 0 · Commanders Act${NNBSP}: 20`,
    notProvided: ['non fourni', 'par Commanders Act'],
    notLoaded: 'non chargé',
    updated: [/Dernière mise à jour/, '1 juin 2025'],
    descriptionMissing: 'Absente',
    // French counts zero in the singular.
    one: `1 segment sur 1${NNBSP}020 · Braze${NNBSP}: 1 · Commanders Act${NNBSP}: 0`,
    none: ['Aucun segment ne correspond à cette vue', `0 segment sur 1${NNBSP}020`],
    navigation: [
      'Liste des segments',
      `1 sur 1${NNBSP}000`,
      'Suivant →',
      'Segment suivant (j)',
      '← Retour aux segments',
    ],
    brazeOnly: `1${NNBSP}000 segments sur 1${NNBSP}020`,
  },
] as const

describe.each(LANGUAGES)('Segments page ($language)', (text) => {
  const searchBox = () => screen.getByRole('searchbox', { name: text.search[0] })

  async function renderLoaded(url = '/') {
    server.use(...thousand.handlers)
    await i18next.changeLanguage(text.language)
    const view = renderApp(url)
    // Both providers in full: the whole list, or a view of it.
    await waitFor(() => expect(status()).toHaveTextContent(/^1.020 segments|1.020$|1.020 ·/), { timeout: 10_000 })
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

  async function findOne(user: ReturnType<typeof userEvent.setup>) {
    const segment = thousand.data.braze[0]
    if (!segment) throw new Error('no demo Braze segment')
    await user.click(searchBox())
    await user.paste(segment.id)
    await waitFor(() => expect(status()).toHaveTextContent(text.one, exactly))
    return segment
  }

  it('speaks the language: heading, search, counts with grouped numbers, columns, filters, what is not provided', async () => {
    const user = userEvent.setup()
    await renderLoaded()
    expect(screen.getByRole('heading', { level: 1, name: 'Segments' })).toBeInTheDocument()
    expect(screen.getByText(text.intro)).toBeInTheDocument()
    expect(document.title).toBe('Segments — Segment Audit')
    expect(searchBox()).toHaveAttribute('placeholder', text.search[1])
    expect(screen.getByRole('search', { name: text.search[2] })).toBeInTheDocument()

    expect(status()).toHaveTextContent(text.all, exactly)
    expect(screen.getByText(text.reviewed[0])).toHaveTextContent(text.reviewed[1], exactly)
    for (const column of text.columns) expect(screen.getByRole('columnheader', { name: column })).toBeInTheDocument()
    for (const [filter, option] of text.filters)
      expect(
        within(screen.getByRole('combobox', { name: filter })).getByRole('option', { name: option }),
      ).toBeInTheDocument()
    expect(screen.getByLabelText(text.notUpdatedSince)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: text.buttons[0] })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: text.buttons[1] })).toBeInTheDocument()

    // Fields Commanders Act does not supply are marked, never blank.
    await user.selectOptions(screen.getByRole('combobox', { name: text.provider }), 'commanders-act')
    await waitFor(() => expect(status()).toHaveTextContent(text.commandersActOnly, exactly))
    expect(within(table()).getAllByText(text.notProvided[0]).length).toBeGreaterThan(0)
    expect(within(table()).getAllByText(text.notProvided[1]).length).toBeGreaterThan(0)
    expect(screen.getByRole('button', { name: text.buttons[2] })).toBeInTheDocument()
  })

  it('shows a Braze segment’s last update as a date once its details are cached, and again in the other language', async () => {
    const user = userEvent.setup()
    const { queryClient } = await renderLoaded()
    const segment = await findOne(user)
    expect(cellUnder(text.updated[0])).toBe(text.notLoaded)

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
    await waitFor(() => expect(cellUnder(text.updated[0])).toBe(text.updated[1]))
    expect(cellUnder(/^Description/)).toBe(text.descriptionMissing)

    const other = LANGUAGES.find((language) => language !== text) ?? text
    await act(async () => {
      await i18next.changeLanguage(other.language)
    })
    expect(cellUnder(other.updated[0])).toBe(other.updated[1])
    expect(cellUnder(/^Description/)).toBe(other.descriptionMissing)
    expect(status()).toHaveTextContent(other.one, exactly)
  })

  it('counts a one-row view and an empty one by the language’s plural rules', async () => {
    const user = userEvent.setup()
    await renderLoaded()
    await findOne(user)
    await user.paste('-zzz-no-such-segment')
    expect(await screen.findByRole('heading', { name: text.none[0] })).toBeInTheDocument()
    expect(status()).toHaveTextContent(text.none[1], exactly)
  })

  it('walks the list from a segment’s page', async () => {
    const user = userEvent.setup()
    await renderLoaded('/?provider=braze')
    const [first] = within(table()).getAllByRole('link')
    if (!first) throw new Error('the table shows no row')
    await user.click(first)
    const nav = await screen.findByRole('navigation', { name: text.navigation[0] })
    expect(within(nav).getByText(text.navigation[1], { normalizer: (value) => value })).toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: text.navigation[2] })).toHaveAttribute('title', text.navigation[3])
    await user.click(within(nav).getByRole('link', { name: text.navigation[4] }))
    await waitFor(() => expect(status()).toHaveTextContent(text.brazeOnly, exactly))
  })
})
