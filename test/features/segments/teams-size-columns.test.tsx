// @vitest-environment jsdom
// The Teams and Size columns, in both languages: teams from the Braze details already fetched, with a filter kept in
// the URL; the latest size from the 30-day series the scan fetched, sortable, "not scanned" until then, and "not
// provided" for Commanders Act.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SIZE_SERIES_DAYS } from '../../../src/providers/braze/cached-queries'
import { brazeQueries } from '../../../src/providers/braze/queries'
import { createDemoHandlers, listedSegments } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 40, commandersActCount: 4 })
const server = setupServer(...demo.handlers)
const segments = listedSegments(demo.data)
const brazeSegments = segments.filter((segment) => segment.provider === 'braze')
const commandersAct = segments.find((segment) => segment.provider === 'commanders-act')

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(async () => {
  server.resetHandlers()
  localStorage.clear()
  await i18next.changeLanguage('en')
})
afterAll(() => server.close())

const WORDS = {
  en: {
    loaded: `${segments.length} segments`,
    teamsFilter: 'Teams filter',
    columns: 'Columns',
    teams: 'Teams',
    size: 'Size',
    notScanned: 'not scanned',
    notProvided: 'not provided',
    search: 'Search segments',
  },
  fr: {
    loaded: `${segments.length} segments`,
    teamsFilter: 'Filtre par équipes',
    columns: 'Colonnes',
    teams: 'Équipes',
    size: 'Taille',
    notScanned: 'non analysé',
    notProvided: 'non fourni',
    search: 'Rechercher des segments',
  },
} as const

const status = () => screen.getByRole('status')
const table = () => screen.getByRole('table', { name: 'Segments' })

/** The text under the column of that name, in each body row. */
function columnTexts(name: string): string[] {
  const headers = within(table()).getAllByRole('columnheader')
  const index = headers.findIndex((header) => header.textContent?.startsWith(name))
  expect(index).toBeGreaterThanOrEqual(0)
  return within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[index]?.textContent ?? '')
}

describe.each(['en', 'fr'] as const)('Teams and Size columns (%s)', (language) => {
  const words = WORDS[language]

  /** The list, with what a details scan of the first `scanned` Braze segments left in the cache. */
  async function listAfterScanOf(scanned: number, url = '/') {
    await i18next.changeLanguage(language)
    const view = renderApp(url)
    const fetched = await Promise.all(
      brazeSegments.slice(0, scanned).map(async ({ id }) => ({
        id,
        details: await view.queryClient.fetchQuery(brazeQueries.details(id)),
        sizes: await view.queryClient.fetchQuery(brazeQueries.dataSeries(id, SIZE_SERIES_DAYS)),
      })),
    )
    await waitFor(() => expect(status()).toHaveTextContent(words.loaded))
    return { ...view, fetched }
  }

  it('filters by a team of the scanned segments, kept in the URL, and shows the Teams column on request', async () => {
    const user = userEvent.setup()
    const { fetched, currentSearch } = await listAfterScanOf(brazeSegments.length)
    const team = fetched.flatMap(({ details }) => details.teams ?? [])[0]
    if (!team) throw new Error('no scanned segment has a team')
    const carrying = fetched.filter(({ details }) => details.teams?.includes(team)).length

    await user.click(screen.getByRole('button', { name: words.teamsFilter }))
    await user.click(screen.getByRole('checkbox', { name: team }))

    expect(currentSearch().getAll('team')).toEqual([team])
    await waitFor(() => expect(status()).toHaveTextContent(new RegExp(`^${carrying} segments?\\b`)))
    await user.click(screen.getByRole('button', { name: words.columns }))
    await user.click(screen.getByRole('checkbox', { name: words.teams }))
    for (const text of columnTexts(words.teams)) expect(text).toContain(team)
  })

  it('shows the latest scanned size, "not scanned" before the scan, "not provided" for Commanders Act, and sorts by it', async () => {
    const user = userEvent.setup()
    const { fetched, currentSearch } = await listAfterScanOf(3)
    const latest = fetched.flatMap(({ sizes }) => [...sizes].sort((a, b) => a.time.localeCompare(b.time)).slice(-1))
    const number = new Intl.NumberFormat(language)

    await user.click(
      within(screen.getByRole('columnheader', { name: new RegExp(`^${words.size}`) })).getByRole('button'),
    )
    expect(currentSearch().get('sort')).toBe('size')
    const ascending = latest.map(({ size }) => size).sort((a, b) => a - b)
    await waitFor(() =>
      expect(columnTexts(words.size).slice(0, ascending.length)).toEqual(ascending.map((size) => number.format(size))),
    )
    expect(columnTexts(words.size).slice(ascending.length)).toContain(words.notScanned)
    // A series without any day (tracking off): Braze gives no size.
    if (latest.length < fetched.length)
      expect(columnTexts(words.size)).toContainEqual(expect.stringMatching(`^${words.notProvided}`))

    await user.click(screen.getByRole('searchbox', { name: words.search }))
    await user.paste(commandersAct?.id ?? '')
    await waitFor(() => expect(columnTexts(words.size)).toEqual([expect.stringMatching(`^${words.notProvided}`)]))
  })
})
