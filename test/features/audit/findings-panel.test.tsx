// @vitest-environment jsdom
// The audit's findings as a person sees them on the demo data: counts equal to computeFindings', how much was checked,
// their settings, each one opening the Segments list filtered to it, and the pairs found in both providers.
import type { QueryClient } from '@tanstack/react-query'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { computeFindings, type FindingId, type SegmentFindings } from '../../../src/findings/findings'
import { toDateParam } from '../../../src/findings/staleness'
import { formatPercent } from '../../../src/lib/format'
import { fetchBrazeDataSeries, fetchBrazeSegmentDetails } from '../../../src/providers/braze/client'
import { brazeQueries } from '../../../src/providers/braze/queries'
import { type BrazeSegmentDetails, type BrazeSizePoint } from '../../../src/providers/braze/schemas'
import { NOT_PROVIDED, type Segment } from '../../../src/providers/segment'
import { DEFAULT_DEMO_NOW } from '../../../src/server/demo/data'
import { createDemoHandlers, listedSegments } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

// Enough Commanders Act segments for more pairs than the table shows at first.
const demo = createDemoHandlers({ brazeCount: 60, commandersActCount: 120 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

// The demo data's dates are fixed: the clock starts two weeks after them (and runs), so the ages stay what they are.
beforeEach(() => {
  vi.useFakeTimers({ now: DEFAULT_DEMO_NOW.getTime() + 14 * 86_400_000, toFake: ['Date'], shouldAdvanceTime: true })
})
afterEach(() => {
  vi.useRealTimers()
})

const LISTED: readonly Segment[] = listedSegments(demo.data)
const TOTAL = LISTED.length
const BRAZE = LISTED.filter((segment) => segment.provider === 'braze')
const TRACKED = BRAZE.filter((segment) => segment.analyticsTracking === true)

interface Loaded {
  details: ReadonlyMap<string, BrazeSegmentDetails>
  sizes: ReadonlyMap<string, readonly BrazeSizePoint[]>
}
const NOTHING_LOADED: Loaded = { details: new Map(), sizes: new Map() }

/** What the findings should say: computed from the same demo data, today, as the page does. */
function expectedFindings(
  loaded: Loaded = NOTHING_LOADED,
  staleMonths = 12,
  namingPattern: RegExp | null = null,
): SegmentFindings {
  return computeFindings({ segments: LISTED, ...loaded }, { staleMonths, namingPattern }, new Date())
}

/** The first Braze segments' details (and size series when tracked), fetched from the demo Braze as the scan would. */
async function loadBraze(count: number): Promise<Loaded> {
  const segments = BRAZE.slice(0, count)
  const details = new Map(
    await Promise.all(
      segments.map(async (segment) => [segment.id, await fetchBrazeSegmentDetails(segment.id)] as const),
    ),
  )
  const tracked = segments.filter((segment) => segment.analyticsTracking === true)
  const sizes = new Map(
    await Promise.all(
      tracked.map(async (segment) => [segment.id, await fetchBrazeDataSeries(segment.id, 30)] as const),
    ),
  )
  return { details, sizes }
}

/** Into the query cache, where the detail views and the details scan leave them. */
function seedCache(queryClient: QueryClient, loaded: Loaded): void {
  act(() => {
    for (const [id, details] of loaded.details) queryClient.setQueryData(brazeQueries.details(id).queryKey, details)
    for (const [id, sizes] of loaded.sizes)
      queryClient.setQueryData(brazeQueries.dataSeries(id, 30).queryKey, [...sizes])
  })
}

const findingsTable = () => screen.getByRole('table', { name: 'Findings' })
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A finding's row: its link (when it has one), its count and what was checked. */
function finding(label: string) {
  const header = within(findingsTable()).getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(label)}`) })
  const [count, checked] = [...(header.closest('tr')?.querySelectorAll('td') ?? [])].map(
    (cell) => cell.textContent ?? '',
  )
  return { link: within(header).queryByRole('link', { name: label }), count, checked }
}

function linkOf(label: string): HTMLElement {
  const { link } = finding(label)
  if (!link) throw new Error(`${label} is not a link`)
  return link
}

async function renderAudit() {
  const view = renderApp('/audit')
  await screen.findByRole('table', { name: 'Findings' }, { timeout: 5000 })
  return view
}

/** The Segments list's status for a set of segments: how many, of the whole list, and per provider. */
function listStatusFor(keys: readonly string[]): string {
  const braze = keys.filter((key) => key.startsWith('braze:')).length
  const noun = keys.length === 1 ? 'segment' : 'segments'
  return `${keys.length} ${noun} of ${TOTAL} · Braze: ${braze} · Commanders Act: ${keys.length - braze}`
}

const keysWith = (findings: SegmentFindings, id: FindingId) =>
  [...findings.bySegment].filter(([, found]) => found.includes(id)).map(([key]) => key)

describe('Findings on the audit page', () => {
  it('says the findings wait for the lists, then shows them', async () => {
    renderApp('/audit')
    expect(within(screen.getByRole('region', { name: 'Findings' })).getByRole('status')).toHaveTextContent(
      'The findings appear once the segment lists have loaded.',
    )
    await screen.findByRole('table', { name: 'Findings' }, { timeout: 5000 })
  })

  it.each<{ label: string; id: FindingId }>([
    { label: 'Test or temporary', id: 'leftover' },
    { label: 'Duplicate name', id: 'duplicate-name' },
    { label: 'In both providers', id: 'cross-provider' },
    { label: 'Analytics tracking off', id: 'tracking-off' },
  ])('counts $label on the listed segments, all of them checked', async ({ label, id }) => {
    const expected = expectedFindings().counts[id]
    // The demo data has some of each: a count of 0 would prove nothing.
    expect(expected.count).toBeGreaterThan(0)
    await renderAudit()
    expect(finding(label)).toMatchObject({
      count: String(expected.count),
      checked: `All ${expected.applicable} checked`,
    })
  })

  it('counts No tags on the Braze segments listed with their tags, and says how many Braze left out', async () => {
    const expected = expectedFindings().counts['no-tags']
    const unsaid = BRAZE.filter((segment) => segment.tags === NOT_PROVIDED).length
    // The demo's quirks leave the tags out of a few rows, which the finding cannot say anything about.
    expect(expected.count).toBeGreaterThan(0)
    expect(unsaid).toBeGreaterThan(0)
    await renderAudit()
    expect(finding('No tags')).toMatchObject({
      count: String(expected.count),
      checked: `${BRAZE.length - unsaid} checked; tags not sent by Braze’s list: ${unsaid}`,
    })

    await act(() => i18next.changeLanguage('fr'))
    try {
      const row = within(screen.getByRole('table', { name: 'Constats' }))
        .getByRole('rowheader', { name: /^Sans tag/ })
        .closest('tr')
      expect(row?.querySelector('td:last-child')?.textContent).toBe(
        `${BRAZE.length - unsaid} vérifiés\u202f; tags non envoyés par la liste de Braze\u202f: ${unsaid}`,
      )
    } finally {
      await act(() => i18next.changeLanguage('en'))
    }
  })

  it('says how many segments a detail-based finding could check, and counts more as details load', async () => {
    const { queryClient } = await renderAudit()
    // Nothing loaded: counted on nothing yet, and the scan is what fills them in.
    // Nothing checked yet is no count at all, not "0 found".
    expect(finding('No description')).toMatchObject({
      count: '—',
      checked: `Not scanned yet (0 of ${BRAZE.length} checked)`,
    })
    expect(finding('Not updated in 12 months')).toMatchObject({
      count: '—',
      checked: `Not scanned yet (0 of ${BRAZE.length} checked)`,
    })
    expect(finding('Size 0 for 30 days')).toMatchObject({
      count: '—',
      checked: `Not scanned yet (0 of ${TRACKED.length} checked)`,
    })

    const some = await loadBraze(20)
    seedCache(queryClient, some)
    const partly = expectedFindings(some)
    const trackedLoaded = some.sizes.size
    expect(partly.counts['no-description'].count).toBeGreaterThan(0)
    expect(partly.counts['size-zero'].count).toBeGreaterThan(0)
    // A part checked is a count so far, never a final-looking number.
    await waitFor(() => expect(finding('No description').count).toBe(`${partly.counts['no-description'].count} so far`))
    expect(finding('No description').checked).toBe(`Not scanned yet (20 of ${BRAZE.length} checked)`)
    expect(finding('Not updated in 12 months')).toMatchObject({
      count: `${partly.counts.stale.count} so far`,
      checked: `Not scanned yet (20 of ${BRAZE.length} checked)`,
    })
    expect(finding('Size 0 for 30 days')).toMatchObject({
      count: `${partly.counts['size-zero'].count} so far`,
      checked: `Not scanned yet (${trackedLoaded} of ${TRACKED.length} checked)`,
    })

    const all = await loadBraze(BRAZE.length)
    seedCache(queryClient, all)
    const complete = expectedFindings(all)
    await waitFor(() => expect(finding('No description').checked).toBe(`All ${BRAZE.length} checked`))
    expect(finding('No description').count).toBe(String(complete.counts['no-description'].count))
    expect(finding('Not updated in 12 months')).toMatchObject({
      count: String(complete.counts.stale.count),
      checked: `All ${BRAZE.length} checked`,
    })
    expect(finding('Size 0 for 30 days')).toMatchObject({
      count: String(complete.counts['size-zero'].count),
      checked: `All ${TRACKED.length} checked`,
    })
  })

  it.each<{ label: string; id: FindingId }>([
    { label: 'Test or temporary', id: 'leftover' },
    { label: 'Duplicate name', id: 'duplicate-name' },
    { label: 'In both providers', id: 'cross-provider' },
  ])('opens the Segments list filtered to $label, with as many segments as its count', async ({ label, id }) => {
    const user = userEvent.setup()
    const { router, currentSearch } = await renderAudit()
    const count = finding(label).count
    await user.click(linkOf(label))

    expect(router.state.location.pathname).toBe('/')
    expect(currentSearch().get('finding')).toBe(id)
    expect(await screen.findByRole('combobox', { name: 'Finding' })).toHaveValue(id)
    const keys = keysWith(expectedFindings(), id)
    expect(String(keys.length)).toBe(count)
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(listStatusFor(keys)))
  })

  it('opens the Segments list of the segments not updated in 12 months, by date', async () => {
    const user = userEvent.setup()
    const { router, currentSearch, queryClient } = await renderAudit()
    const all = await loadBraze(BRAZE.length)
    seedCache(queryClient, all)
    const expected = expectedFindings(all)
    const stale = keysWith(expected, 'stale')
    expect(stale.length).toBeGreaterThan(0)
    await waitFor(() => expect(finding('Not updated in 12 months').count).toBe(String(stale.length)))

    await user.click(linkOf('Not updated in 12 months'))
    expect(router.state.location.pathname).toBe('/')
    expect(currentSearch().get('updatedBefore')).toBe(toDateParam(expected.staleCutoff))
    // Written as an English reader does: month first.
    const [year, month, day] = toDateParam(expected.staleCutoff).split('-')
    expect(await screen.findByLabelText('Not updated since')).toHaveValue(`${month}/${day}/${year}`)
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(listStatusFor(stale)))
  })

  it('renames and recounts the staleness finding when "Not updated in" changes, and remembers the choice', async () => {
    const user = userEvent.setup()
    const first = await renderAudit()
    const all = await loadBraze(BRAZE.length)
    seedCache(first.queryClient, all)
    const twelve = expectedFindings(all, 12).counts.stale.count
    const thirtySix = expectedFindings(all, 36)
    // The demo data's dates make the two periods differ.
    expect(thirtySix.counts.stale.count).not.toBe(twelve)
    await waitFor(() => expect(finding('Not updated in 12 months').count).toBe(String(twelve)))

    await user.selectOptions(screen.getByRole('combobox', { name: 'Not updated in' }), '36 months')
    expect(finding('Not updated in 36 months').count).toBe(String(thirtySix.counts.stale.count))
    expect(within(findingsTable()).queryByRole('link', { name: 'Not updated in 12 months' })).not.toBeInTheDocument()
    expect(linkOf('Not updated in 36 months')).toHaveAttribute(
      'href',
      `/?updatedBefore=${toDateParam(thirtySix.staleCutoff)}`,
    )

    first.unmount()
    await renderAudit()
    expect(screen.getByRole('combobox', { name: 'Not updated in' })).toHaveValue('36')
    expect(finding('Not updated in 36 months').link).not.toBeNull()
  })

  it('checks names against the naming pattern typed, and opens the list of those that break it', async () => {
    const user = userEvent.setup()
    const { currentSearch } = await renderAudit()
    // Off until a pattern is set.
    expect(finding('Breaks the naming pattern')).toEqual({
      link: null,
      count: '—',
      checked: 'Set a pattern to check names',
    })

    const pattern = '^[A-Z]'
    const expected = expectedFindings(NOTHING_LOADED, 12, new RegExp(pattern, 'u'))
    const breaking = keysWith(expected, 'naming')
    expect(breaking.length).toBeGreaterThan(0)
    expect(breaking.length).toBeLessThan(TOTAL)
    await user.click(screen.getByRole('textbox', { name: 'Naming pattern' }))
    await user.paste(pattern)
    // A row whose name did not read (a malformed answer) is not one the pattern can check.
    const { applicable } = expected.counts.naming
    expect(finding('Breaks the naming pattern')).toMatchObject({
      count: String(breaking.length),
      checked: `${applicable} checked; no readable name in the list: ${TOTAL - applicable}`,
    })
    expect(screen.getByRole('textbox', { name: 'Naming pattern' })).toHaveAttribute('aria-invalid', 'false')

    await user.click(linkOf('Breaks the naming pattern'))
    expect(currentSearch().get('finding')).toBe('naming')
    expect(await screen.findByRole('combobox', { name: 'Finding' })).toHaveValue('naming')
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(listStatusFor(breaking)))
  })

  it('says what is wrong with an invalid naming pattern and leaves the finding off', async () => {
    const user = userEvent.setup()
    await renderAudit()
    const field = screen.getByRole('textbox', { name: 'Naming pattern' })
    await user.click(field)
    await user.paste('^(CRM|ACQ')
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription(
      /^This pattern is not a valid regular expression \(.+\); names are not checked until it is fixed\.$/,
    )
    expect(finding('Breaks the naming pattern')).toMatchObject({ link: null, count: '—' })

    // Fixed: checked again.
    await user.type(field, ')')
    expect(field).toHaveAttribute('aria-invalid', 'false')
    expect(field).toHaveAccessibleDescription(
      'A regular expression every segment name should match; leave empty for none.',
    )
    const fixed = expectedFindings(NOTHING_LOADED, 12, /^(CRM|ACQ)/u).counts.naming
    expect(finding('Breaks the naming pattern')).toMatchObject({
      count: String(fixed.count),
      checked: `${fixed.applicable} checked; no readable name in the list: ${TOTAL - fixed.applicable}`,
    })
  })
})

describe('In both providers', () => {
  const region = () => screen.getByRole('region', { name: 'In both providers' })
  const pairsTable = () => within(region()).getByRole('table', { name: 'Segments in both providers' })
  const pairRows = () => within(pairsTable()).getAllByRole('row').slice(1)

  it('lists the pairs, most alike first, each side linking to its details, 25 at first and the rest on demand', async () => {
    const matches = expectedFindings().crossProviderMatches
    const exact = matches.filter((match) => match.similarity === 1).length
    // The demo data has more pairs than a first page, some the same name and some nearly.
    expect(matches.length).toBeGreaterThan(25)
    expect(exact).toBeGreaterThan(0)
    expect(exact).toBeLessThan(matches.length)
    const user = userEvent.setup()
    const { router } = await renderAudit()

    expect(region()).toHaveTextContent(
      `${matches.length} pairs of a Braze and a Commanders Act segment with the same name (${exact}) or nearly the same (${matches.length - exact})`,
    )
    const pairCells = (row: HTMLElement) => {
      const [brazeLink, commandersActLink] = within(row).getAllByRole('link')
      return [
        brazeLink?.getAttribute('href'),
        commandersActLink?.getAttribute('href'),
        row.querySelector('td:last-child')?.textContent,
      ]
    }
    const expectedRow = (index: number) => {
      const match = matches[index]
      if (!match) throw new Error(`no pair ${index}`)
      return [
        `/segments/braze/${match.braze.id}`,
        `/segments/commanders-act/${match.commandersAct.id}`,
        match.similarity === 1 ? 'Same name' : formatPercent(match.similarity),
      ]
    }
    expect(pairRows().map(pairCells)).toEqual(matches.slice(0, 25).map((_, index) => expectedRow(index)))
    expect(region()).toHaveTextContent(`25 of ${matches.length} shown`)

    within(region())
      .getByRole('button', { name: `Show ${matches.length - 25} more` })
      .focus()
    await user.keyboard('{Enter}')
    expect(pairRows().map(pairCells)).toEqual(matches.map((_, index) => expectedRow(index)))
    expect(within(region()).queryByRole('button', { name: /^Show/ })).not.toBeInTheDocument()
    // The button gone with the keyboard in it, the keyboard goes on to the first pair it showed, not the page's top.
    expect(within(pairRows()[25] as HTMLElement).getAllByRole('link')[0]).toHaveFocus()

    // A pair's Commanders Act side opens that segment's details.
    const last = matches.at(-1)
    const lastRow = pairRows().at(-1)
    if (!last || !lastRow) throw new Error('no last pair')
    await user.click(within(lastRow).getAllByRole('link')[1] as HTMLElement)
    expect(router.state.location.pathname).toBe(`/segments/commanders-act/${last.commandersAct.id}`)
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(last.commandersAct.name.trim())
  })
})
