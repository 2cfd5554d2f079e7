// @vitest-environment jsdom
// The Segments page as a person uses it: counts, search, filters, URL state, and a failing provider.
import { screen, waitFor, within } from '@testing-library/react'
import { BRAZE_PAGES_PER_REQUEST } from '../../../src/providers/braze/list-stream'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 250, commandersActCount: 30 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  localStorage.clear()
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

describe('Segments page', () => {
  it('lists both providers with the total and per-provider counts', async () => {
    renderApp('/')
    await waitForAll()
    expect(status()).toHaveTextContent('Braze: 250')
    expect(status()).toHaveTextContent('Commanders Act: 30')
    expect(screen.getByText(/does not list archived segments/)).toBeInTheDocument()
    // Fields Commanders Act does not supply are marked, never blank.
    const user = userEvent.setup()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Provider' }), 'commanders-act')
    expect(within(table()).getAllByText('not provided').length).toBeGreaterThan(0)
    expect(within(table()).getAllByText('by Commanders Act').length).toBeGreaterThan(0)
  })

  it('shows the first rows while the rest of the list is still loading', async () => {
    // 650 Braze segments, and the pages after the first request's wait: the list stays "loading" with rows to show.
    const bigger = createDemoHandlers({ brazeCount: 650, commandersActCount: 30 })
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
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
    await user.clear(screen.getByRole('searchbox', { name: 'Search segments' }))
    await user.type(screen.getByRole('searchbox', { name: 'Search segments' }), id)
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
    const label = firstTag.closest('label')
    const tag = label?.querySelector('.check-label')?.textContent ?? ''
    const count = Number((label?.querySelector('.count')?.textContent ?? '').replace(/\D/g, ''))
    const expected = demo.data.braze.filter((segment) => segment.tags?.includes(tag)).length
    expect(count).toBe(expected)
    await user.click(firstTag)
    await waitFor(() => expect(status()).toHaveTextContent(new RegExp(`^${expected} segments? of 280`)))
    expect(currentSearch().getAll('tag')).toEqual([tag])
    expect(screen.getByRole('button', { name: 'Tags filter, 1 selected' })).toBeInTheDocument()
  })

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
    await user.type(screen.getByRole('searchbox', { name: 'Search segments' }), demo.data.braze[0]?.id ?? '')
    await waitFor(() => expect(rowLinks()).toEqual([demo.data.braze[0]?.name]))

    failing = false
    await user.clear(screen.getByRole('searchbox', { name: 'Search segments' }))
    await user.click(within(alert).getByRole('button', { name: 'Retry Commanders Act' }))
    await waitForAll()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('names the variables to set when a provider is not configured', async () => {
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
    expect(alert).toHaveTextContent('set BRAZE_API_KEY')
    await waitFor(() => expect(status()).toHaveTextContent(/^30 segments/))
  })
})
