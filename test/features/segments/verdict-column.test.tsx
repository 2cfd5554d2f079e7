// @vitest-environment jsdom
// Verdicts on the Segments page: the Verdict column, the Verdict filter, sorting, the export and "Reviewed N of M".
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import Papa from 'papaparse'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { AUDIT_POLL_MS } from '../../../src/stores/audit-queries'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { blobText, captureDownloads } from '../../downloads'
import { renderApp } from '../../render-app'
import { seedReviews } from '../../stores/audit-entries'

// Few enough rows for the virtualised table to show them all in jsdom.
const demo = createDemoHandlers({ brazeCount: 12, commandersActCount: 6 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  localStorage.clear()
  vi.useRealTimers()
})
afterAll(() => server.close())

const TOTAL = demo.data.braze.length + demo.data.commandersAct.length

interface Listed {
  provider: 'braze' | 'commanders-act'
  id: string
  name: string
}

function brazeAt(index: number): Listed {
  const segment = demo.data.braze[index]
  if (!segment) throw new Error(`the demo data has no Braze segment ${index}`)
  return { provider: 'braze', id: segment.id, name: segment.name }
}

function commandersActAt(index: number): Listed {
  const segment = demo.data.commandersAct[index]
  if (!segment) throw new Error(`the demo data has no Commanders Act segment ${index}`)
  return { provider: 'commanders-act', id: segment.id, name: segment.label }
}

const KEPT = brazeAt(0)
const TO_FIX = brazeAt(1)
const ARCHIVED = brazeAt(2)
const NOTE_ONLY = brazeAt(3)
const COMMANDERS_ACT_TO_FIX = commandersActAt(0)
const REVIEWED = 4

/**
 * Four reviewed segments, one with only a note (still Unreviewed), and one for a segment the list no longer holds, as
 * colleagues left them on the server.
 */
async function seedVerdicts(): Promise<void> {
  await seedReviews(
    { key: `braze:${KEPT.id}`, verdict: 'keep' },
    { key: `braze:${TO_FIX.id}`, verdict: 'fix' },
    { key: `braze:${ARCHIVED.id}`, verdict: 'archive' },
    { key: `braze:${NOTE_ONLY.id}`, note: 'Ask the CRM team' },
    { key: `commanders-act:${COMMANDERS_ACT_TO_FIX.id}`, verdict: 'fix' },
    { key: 'braze:5c1d7a80-0b9e-4f7a-8e2c-6a4f3e2d1c0b', verdict: 'keep' },
  )
}

const status = () => screen.getByRole('status')
const table = () => screen.getByRole('table', { name: 'Segments' })
const verdictFilter = () => screen.getByRole('combobox', { name: 'Verdict' })
const reviewedCount = () => screen.getByText(/^Reviewed/)
const hrefOf = (segment: Listed) => `/segments/${segment.provider}/${segment.id}`
const listedHrefs = () =>
  within(table())
    .getAllByRole('link')
    .map((link) => link.getAttribute('href'))

async function waitForAll(total = TOTAL) {
  await waitFor(() => expect(status()).toHaveTextContent(new RegExp(`^${total} segments`)), { timeout: 5000 })
}

/** The whole list, and the seeded reviews read from the server. */
async function waitForReviewedList() {
  await waitForAll()
  await waitFor(() => expect(reviewedCount()).toHaveTextContent(`Reviewed ${REVIEWED} of ${TOTAL}`))
}

/** The text of the Verdict cell in the row of a segment. */
function verdictCell(segment: Listed): string {
  const link = within(table())
    .getAllByRole('link')
    .find((candidate) => candidate.getAttribute('href') === hrefOf(segment))
  const row = link?.closest('tr')
  if (!row) throw new Error(`no row for ${segment.name}`)
  const column = within(table())
    .getAllByRole('columnheader')
    .findIndex((header) => within(header).queryByRole('button', { name: 'Verdict' }))
  return within(row).getAllByRole('cell')[column]?.textContent ?? ''
}

/** The Verdict cells from top to bottom. */
function verdictColumn(): string[] {
  const column = within(table())
    .getAllByRole('columnheader')
    .findIndex((header) => within(header).queryByRole('button', { name: 'Verdict' }))
  return within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).queryAllByRole('cell')[column]?.textContent ?? '')
}

describe('Verdicts on the Segments page', () => {
  it('shows each segment’s verdict in the Verdict column, Unreviewed when none is set', async () => {
    await seedVerdicts()
    renderApp('/')
    await waitForReviewedList()
    expect(within(table()).getByRole('columnheader', { name: 'Verdict' })).toBeInTheDocument()
    expect(verdictCell(KEPT)).toBe('Keep')
    expect(verdictCell(TO_FIX)).toBe('Fix')
    expect(verdictCell(ARCHIVED)).toBe('Archive')
    expect(verdictCell(COMMANDERS_ACT_TO_FIX)).toBe('Fix')
    expect(verdictCell(NOTE_ONLY)).toBe('Unreviewed')
    expect(verdictCell(brazeAt(4))).toBe('Unreviewed')
    expect(verdictCell(commandersActAt(1))).toBe('Unreviewed')
  })

  it('says how many listed segments are reviewed, and follows a verdict saved meanwhile', async () => {
    // The page polls: fake timers skip the wait for its next poll rather than sleep through it.
    vi.useFakeTimers({ shouldAdvanceTime: true })
    await seedVerdicts()
    renderApp('/')
    // A note alone is not a review, and a verdict on a segment no longer listed is not counted.
    await waitForReviewedList()

    // Another reviewer sets a verdict: the page hears of it at its next poll, without a reload.
    await seedReviews({ key: `braze:${NOTE_ONLY.id}`, verdict: 'keep', reviewer: 'Léa' })
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    await waitFor(() => expect(reviewedCount()).toHaveTextContent(`Reviewed ${REVIEWED + 1} of ${TOTAL}`))
    expect(verdictCell(NOTE_ONLY)).toBe('Keep')
  })

  it('says "Reviewed 0" when nothing is reviewed yet', async () => {
    renderApp('/')
    await waitForAll()
    expect(reviewedCount()).toHaveTextContent(`Reviewed 0 of ${TOTAL}`)
  })

  it('narrows the rows and the count with the Verdict filter, kept in the URL', async () => {
    await seedVerdicts()
    const user = userEvent.setup()
    const { currentSearch } = renderApp('/')
    await waitForReviewedList()
    expect(verdictFilter()).toHaveValue('')

    await user.selectOptions(verdictFilter(), 'fix')
    await waitFor(() => expect(status()).toHaveTextContent(`2 segments of ${TOTAL}`))
    expect(status()).toHaveTextContent('Braze: 1')
    expect(status()).toHaveTextContent('Commanders Act: 1')
    expect(listedHrefs().sort()).toEqual([hrefOf(TO_FIX), hrefOf(COMMANDERS_ACT_TO_FIX)].sort())
    expect(currentSearch().get('verdict')).toBe('fix')
    // The reviewed count is of the whole list, not of the view.
    expect(reviewedCount()).toHaveTextContent(`Reviewed ${REVIEWED} of ${TOTAL}`)

    await user.selectOptions(verdictFilter(), 'keep')
    await waitFor(() => expect(status()).toHaveTextContent(`1 segment of ${TOTAL}`))
    expect(listedHrefs()).toEqual([hrefOf(KEPT)])

    await user.selectOptions(verdictFilter(), 'unreviewed')
    await waitFor(() => expect(status()).toHaveTextContent(`${TOTAL - REVIEWED} segments of ${TOTAL}`))
    expect(listedHrefs()).toContain(hrefOf(NOTE_ONLY))
    expect(listedHrefs()).not.toContain(hrefOf(KEPT))
    expect(new Set(verdictColumn())).toEqual(new Set(['Unreviewed']))
    expect(currentSearch().get('verdict')).toBe('unreviewed')

    await user.selectOptions(verdictFilter(), '')
    await waitForAll()
    expect(currentSearch().has('verdict')).toBe(false)
  })

  it('opens with the Verdict filter from the URL, and clears it with the other filters', async () => {
    await seedVerdicts()
    const user = userEvent.setup()
    const { currentSearch } = renderApp('/?verdict=archive')
    await waitFor(() => expect(status()).toHaveTextContent(`1 segment of ${TOTAL}`), { timeout: 5000 })
    expect(verdictFilter()).toHaveValue('archive')
    expect(listedHrefs()).toEqual([hrefOf(ARCHIVED)])

    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    await waitForAll()
    expect(verdictFilter()).toHaveValue('')
    expect(currentSearch().has('verdict')).toBe(false)
  })

  it('sorts by verdict from the header: Keep, Fix, Archive, and Unreviewed last both ways', async () => {
    await seedVerdicts()
    const user = userEvent.setup()
    const { currentSearch } = renderApp('/')
    await waitForReviewedList()
    const unreviewed = Array<string>(TOTAL - REVIEWED).fill('Unreviewed')

    await user.click(within(table()).getByRole('button', { name: 'Verdict' }))
    expect(currentSearch().get('sort')).toBe('verdict')
    expect(verdictColumn()).toEqual(['Keep', 'Fix', 'Fix', 'Archive', ...unreviewed])

    await user.click(within(table()).getByRole('button', { name: 'Verdict' }))
    expect(currentSearch().get('sort')).toBe('-verdict')
    expect(screen.getByRole('columnheader', { name: 'Verdict' })).toHaveAttribute('aria-sort', 'descending')
    expect(verdictColumn()).toEqual(['Archive', 'Fix', 'Fix', 'Keep', ...unreviewed])
  })

  it('exports the verdict of each row in the current view', async () => {
    await seedVerdicts()
    const user = userEvent.setup()
    const downloads = captureDownloads()
    renderApp('/?verdict=fix&sort=provider')
    await waitFor(() => expect(status()).toHaveTextContent(`2 segments of ${TOTAL}`), { timeout: 5000 })

    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    // The CSV's code loads with the first export: the file follows a moment after the click.
    await waitFor(() => expect(downloads).toHaveLength(1))
    const csv = await blobText(downloads[0]?.blob)
    const [header = [], ...body] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), {
      delimiter: ',',
      newline: '\r\n',
      skipEmptyLines: true,
    }).data
    const id = header.indexOf('ID')
    const verdict = header.indexOf('Verdict')
    expect(verdict).toBeGreaterThanOrEqual(0)
    expect(body.map((cells) => [cells[id], cells[verdict]])).toEqual([
      [TO_FIX.id, 'Fix'],
      [COMMANDERS_ACT_TO_FIX.id, 'Fix'],
    ])
  })
})
