// @vitest-environment jsdom
// The Segments list's audit filters as a person uses them: "Finding" (one of the audit's findings) and "Not updated
// since" (a date), both in the URL, the naming option waiting for a pattern, and "Clear filters".
import type { QueryClient } from '@tanstack/react-query'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import i18next from 'i18next'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { computeFindings, type FindingId } from '../../../src/findings/findings'
import { fetchBrazeSegmentDetails } from '../../../src/providers/braze/client'
import { brazeQueries } from '../../../src/providers/braze/queries'
import { type BrazeSegmentDetails } from '../../../src/providers/braze/schemas'
import type { Segment } from '../../../src/providers/segment'
import { updateFindingSettings } from '../../../src/stores/finding-settings'
import { createDemoHandlers, listedSegments } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 60, commandersActCount: 40 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const LISTED: readonly Segment[] = listedSegments(demo.data)
const TOTAL = LISTED.length
const BRAZE = LISTED.filter((segment) => segment.provider === 'braze')

const status = () => screen.getByRole('status')
const findingSelect = () => screen.getByRole('combobox', { name: 'Finding' })
const dateField = () => screen.getByLabelText('Not updated since')

/** The list's status for these segments: how many, of the whole list, and per provider. */
function statusFor(keys: readonly string[]): string {
  const braze = keys.filter((key) => key.startsWith('braze:')).length
  return `${keys.length} ${keys.length === 1 ? 'segment' : 'segments'} of ${TOTAL} · Braze: ${braze} · Commanders Act: ${keys.length - braze}`
}

/** The keys of the segments with a finding, as the audit computes it on the same data. */
function keysWith(
  id: FindingId,
  details: ReadonlyMap<string, BrazeSegmentDetails> = new Map(),
  namingPattern: RegExp | null = null,
): string[] {
  const findings = computeFindings(
    { segments: LISTED, details, sizes: new Map() },
    { staleMonths: 12, namingPattern },
    new Date(),
  )
  return [...findings.bySegment].filter(([, found]) => found.includes(id)).map(([key]) => key)
}

async function loadAllBrazeDetails(queryClient: QueryClient, of = BRAZE): Promise<Map<string, BrazeSegmentDetails>> {
  const details = new Map(
    await Promise.all(of.map(async (segment) => [segment.id, await fetchBrazeSegmentDetails(segment.id)] as const)),
  )
  act(() => {
    for (const [id, loaded] of details) queryClient.setQueryData(brazeQueries.details(id).queryKey, loaded)
  })
  return details
}

async function renderList(url = '/') {
  const view = renderApp(url)
  await waitFor(() => expect(status()).toHaveTextContent(new RegExp(`(^${TOTAL} segments|(of|sur) ${TOTAL})`)), {
    timeout: 5000,
  })
  return view
}

describe('Finding filter', () => {
  it.each<{ label: string; id: FindingId }>([
    { label: 'Test or temporary', id: 'leftover' },
    { label: 'Duplicate name', id: 'duplicate-name' },
    { label: 'In both providers', id: 'cross-provider' },
    { label: 'No tags', id: 'no-tags' },
    { label: 'Analytics tracking off', id: 'tracking-off' },
  ])('narrows the list to $label, in the URL, and back to all with Any', async ({ label, id }) => {
    const keys = keysWith(id)
    expect(keys.length).toBeGreaterThan(0)
    const user = userEvent.setup()
    const { currentSearch } = await renderList()
    expect(status()).toHaveTextContent(new RegExp(`^${TOTAL} segments ·`))

    await user.selectOptions(findingSelect(), label)
    expect(currentSearch().get('finding')).toBe(id)
    await waitFor(() => expect(status()).toHaveTextContent(statusFor(keys)))
    // The rows shown (the table is virtualised: the first screenful) are segments with the finding.
    const expectedHrefs = new Set(
      LISTED.filter((segment) => keys.includes(segment.key)).map(
        (segment) => `/segments/${segment.provider}/${encodeURIComponent(segment.id)}`,
      ),
    )
    const shown = within(screen.getByRole('table', { name: 'Segments' }))
      .getAllByRole('link')
      .map((link) => link.getAttribute('href') ?? '')
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.filter((href) => !expectedHrefs.has(href))).toEqual([])

    await user.selectOptions(findingSelect(), 'Any')
    expect(currentSearch().has('finding')).toBe(false)
    await waitFor(() => expect(status()).toHaveTextContent(new RegExp(`^${TOTAL} segments ·`)))
  })

  it('opens filtered from the URL, and counts a detail-based finding on the details loaded', async () => {
    const { queryClient } = await renderList('/?finding=no-description')
    expect(findingSelect()).toHaveValue('no-description')
    // No details yet: nothing known to lack a description.
    expect(status()).toHaveTextContent(statusFor([]))

    const details = await loadAllBrazeDetails(queryClient)
    const keys = keysWith('no-description', details)
    expect(keys.length).toBeGreaterThan(0)
    await waitFor(() => expect(status()).toHaveTextContent(statusFor(keys)))
  })

  it('keeps the naming option disabled until a naming pattern is set in the settings', async () => {
    const user = userEvent.setup()
    const { currentSearch } = await renderList()
    expect(
      within(findingSelect()).getByRole('option', { name: 'Breaks the naming pattern (no pattern set)' }),
    ).toBeDisabled()

    act(() => updateFindingSettings({ namingPattern: '^[A-Z]' }))
    const option = within(findingSelect()).getByRole('option', { name: 'Breaks the naming pattern' })
    expect(option).toBeEnabled()
    await user.selectOptions(findingSelect(), option)
    expect(currentSearch().get('finding')).toBe('naming')
    const keys = keysWith('naming', new Map(), /^[A-Z]/u)
    expect(keys.length).toBeGreaterThan(0)
    await waitFor(() => expect(status()).toHaveTextContent(statusFor(keys)))
  })
})

// The date as the interface language writes it, not as the browser's language would (its own date input does).
const DATE_WORDS = [
  {
    language: 'en',
    label: 'Not updated since',
    format: 'mm/dd/yyyy',
    june1st: '06/01/2025',
    typed: '6/1/2025',
    invalid: 'Not a date: type it as mm/dd/yyyy',
    dayFirst: '31/12/2023',
    status: (keys: readonly string[]) => statusFor(keys),
  },
  {
    language: 'fr',
    label: 'Pas mis à jour depuis le',
    format: 'jj/mm/aaaa',
    june1st: '01/06/2025',
    typed: '1/6/2025',
    invalid: 'Date non reconnue\u202f: saisissez-la au format jj/mm/aaaa',
    dayFirst: '12/31/2023',
    status: (keys: readonly string[]) => new RegExp(`^${keys.length} segments? sur ${TOTAL}`),
  },
] as const

describe.each(DATE_WORDS)('Not updated since ($language)', (words) => {
  beforeEach(async () => {
    await i18next.changeLanguage(words.language)
  })
  const field = () => screen.getByLabelText(words.label)

  it('narrows the list to the Braze segments last updated before the date typed as the language writes it', async () => {
    const user = userEvent.setup()
    const { currentSearch, queryClient } = await renderList()
    const details = await loadAllBrazeDetails(queryClient)
    // Before local midnight of that day; Commanders Act has no dates and never matches.
    const before = new Date(2025, 5, 1).getTime()
    const keys = BRAZE.filter((segment) => Date.parse(details.get(segment.id)?.updatedAt ?? '') < before).map(
      (segment) => segment.key,
    )
    expect(keys.length).toBeGreaterThan(0)
    expect(keys.length).toBeLessThan(BRAZE.length)
    expect(field()).toHaveAttribute('placeholder', words.format)

    await user.type(field(), words.typed)
    expect(field()).toHaveValue(words.typed)
    expect(currentSearch().get('updatedBefore')).toBe('2025-06-01')
    await waitFor(() => expect(status()).toHaveTextContent(words.status(keys)))
  })

  it('says a date it cannot read once the field is left, and keeps the list as it was', async () => {
    const user = userEvent.setup()
    const { currentSearch } = await renderList()
    await user.type(field(), '31/31/2025')
    await user.tab()
    expect(field()).toHaveAccessibleDescription(words.invalid)
    expect(field()).toHaveAttribute('aria-invalid', 'true')
    // Said as the keyboard leaves the field: a screen reader, now elsewhere, would not hear the field's description.
    expect(screen.getByRole('alert')).toHaveTextContent(words.invalid, { normalizeWhitespace: false })
    expect(currentSearch().has('updatedBefore')).toBe(false)
  })

  it('filters by no date while the field holds one it cannot read or half a date, then by a valid one', async () => {
    const user = userEvent.setup()
    const { currentSearch, queryClient } = await renderList()
    await loadAllBrazeDetails(queryClient)
    const unfiltered = new RegExp(`^${TOTAL} segments ·`)
    await user.type(field(), '01/01/2024')
    expect(currentSearch().get('updatedBefore')).toBe('2024-01-01')
    await waitFor(() => expect(status()).not.toHaveTextContent(unfiltered))

    // Typed over the date: a month 31 (or a day 31 in month 12 as the other language reads it) is not a date.
    await user.type(field(), words.dayFirst, { initialSelectionStart: 0, initialSelectionEnd: 10 })
    await user.tab()
    expect(field()).toHaveValue(words.dayFirst)
    expect(field()).toHaveAccessibleDescription(words.invalid)
    expect(currentSearch().has('updatedBefore')).toBe(false)
    await waitFor(() => expect(status()).toHaveTextContent(unfiltered))

    await user.clear(field())
    await user.type(field(), '01/01/2024')
    await waitFor(() => expect(status()).not.toHaveTextContent(unfiltered))
    await user.type(field(), '{Backspace}')
    expect(field()).toHaveValue('01/01/202')
    expect(currentSearch().has('updatedBefore')).toBe(false)
    await waitFor(() => expect(status()).toHaveTextContent(unfiltered))
    await user.type(field(), '3')
    expect(currentSearch().get('updatedBefore')).toBe('2023-01-01')
  })

  it('opens filtered from the URL, the date written as the language does, and ignores a date that does not exist', async () => {
    const view = await renderList('/?updatedBefore=2025-06-01')
    expect(field()).toHaveValue(words.june1st)
    view.unmount()
    await renderList('/?updatedBefore=2025-02-31')
    expect(field()).toHaveValue('')
  })
})

describe('Details coverage', () => {
  const note = () => screen.getByRole('note')
  const checked = (count: number, of: number) =>
    count === 0
      ? `None of the ${of} Braze segments could be checked`
      : `Only ${count} of ${of} Braze segments could be checked`

  it('says how many Braze segments the date could be checked on, until every one could', async () => {
    const { queryClient } = await renderList('/?updatedBefore=2025-06-01')
    expect(note()).toHaveTextContent(checked(0, BRAZE.length))
    expect(within(note()).getByRole('link', { name: 'Run the details scan' })).toHaveAttribute('href', '/audit')

    await loadAllBrazeDetails(queryClient, BRAZE.slice(0, 20))
    await waitFor(() => expect(note()).toHaveTextContent(checked(20, BRAZE.length)))
    await loadAllBrazeDetails(queryClient, BRAZE.slice(20))
    await waitFor(() => expect(screen.queryByRole('note')).not.toBeInTheDocument())
  })

  it('counts a finding on the details over the segments it applies to', async () => {
    const { queryClient } = await renderList('/?finding=no-description')
    const details = await loadAllBrazeDetails(queryClient, BRAZE.slice(0, 20))
    const counts = computeFindings(
      { segments: LISTED, details, sizes: new Map() },
      { staleMonths: 12, namingPattern: null },
      new Date(),
    ).counts['no-description']
    expect(counts.checked).toBeLessThan(counts.applicable)
    await waitFor(() => expect(note()).toHaveTextContent(checked(counts.checked, counts.applicable)))
  })
})

describe('Clear filters', () => {
  it('clears the finding and the date, from the fields and the URL', async () => {
    const user = userEvent.setup()
    const { currentSearch, queryClient } = await renderList('/?finding=leftover&updatedBefore=2026-01-01')
    await loadAllBrazeDetails(queryClient)
    expect(findingSelect()).toHaveValue('leftover')
    expect(dateField()).toHaveValue('01/01/2026')
    expect(status()).not.toHaveTextContent(new RegExp(`^${TOTAL} segments ·`))

    await user.click(
      within(screen.getByRole('search', { name: 'Search and filter segments' })).getByRole('button', {
        name: 'Clear filters',
      }),
    )
    expect(currentSearch().has('finding')).toBe(false)
    expect(currentSearch().has('updatedBefore')).toBe(false)
    expect(findingSelect()).toHaveValue('')
    expect(dateField()).toHaveValue('')
    await waitFor(() => expect(status()).toHaveTextContent(new RegExp(`^${TOTAL} segments ·`)))
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument()
  })
})
