// @vitest-environment jsdom
// A colleague's new browser starts with the Braze details and size series the team's scans kept on the server: the
// list shows them without a scan and without asking Braze; newer data already in the browser stays, a kept answer
// that does not read is left out, and a server that cannot answer leaves the page as it was.
import { act, render, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { App } from '../../src/app/app'
import { SIZE_SERIES_DAYS } from '../../src/providers/braze/cached-queries'
import { brazeQueries } from '../../src/providers/braze/queries'
import type { BrazeSegmentDetails } from '../../src/providers/braze/schemas'
import { loadTeamDetails } from '../../src/stores/team-details'
import { idsOf, watchBraze } from '../features/audit/details-scan-traffic'
import { keptAnswerKey, testAuditStore } from '../msw/audit-handlers'
import { createDemoHandlers, listedSegments } from '../msw/demo-handlers'
import { renderApp } from '../render-app'

const demo = createDemoHandlers({ brazeCount: 30, commandersActCount: 3 })
const server = setupServer(...demo.handlers)
const braze = listedSegments(demo.data).filter((segment) => segment.provider === 'braze')
const loaded = `${braze.length} segments`
const [first, second] = braze.filter((segment) => segment.name !== '')
if (!first || !second) throw new Error('the demo has too few named Braze segments')

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000)

/** A Braze details answer as a scan would have kept it: last updated on that day, with a description. */
const detailsBody = (updatedAt: string) => ({
  message: 'success',
  name: 'kept',
  created_at: '2024-01-15T12:00:00Z',
  updated_at: updatedAt,
  text_description: 'Bought twice this year',
  tags: [],
})

/** What the proxy keeps after a browser's request for a segment's details (or its size series, with `days`). */
async function keep(id: string, body: unknown, fetchedAt: Date, days?: number): Promise<void> {
  const path =
    days === undefined
      ? `/api/braze/segments/details?segment_id=${id}`
      : `/api/braze/segments/data_series?segment_id=${id}&length=${days}`
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  await (await testAuditStore()).answers.keepAnswer(keptAnswerKey(path), text, fetchedAt)
}

const table = () => screen.getByRole('table', { name: 'Segments' })

/** The text of a segment's cell under the column of that name. */
function cellOf(id: string, column: RegExp): string {
  const headers = within(table()).getAllByRole('columnheader')
  const index = headers.findIndex((header) => column.test(header.textContent ?? ''))
  expect(index).toBeGreaterThanOrEqual(0)
  const row = within(table())
    .getAllByRole('row')
    .find((candidate) => within(candidate).queryByText(id) !== null)
  if (!row) throw new Error(`no row for ${id}`)
  return within(row).getAllByRole('cell')[index]?.textContent ?? ''
}

/** The list with every segment loaded, then the team's kept answers asked for, as the app does once its cache is in. */
async function listThenKeptAnswers() {
  const view = renderApp('/?provider=braze')
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(loaded))
  await act(() => loadTeamDetails(view.queryClient))
  return view
}

describe('the details the team’s scans kept', () => {
  it('show in a new browser’s list as it opens: last update, description and size, without asking Braze', async () => {
    await keep(first.id, detailsBody('2025-06-01T12:00:00Z'), hoursAgo(2))
    await keep(first.id, { message: 'success', data: [{ time: '2026-01-01', size: 1234 }] }, hoursAgo(2), 30)
    await keep(second.id, detailsBody('2024-03-05T12:00:00Z'), hoursAgo(3))
    const traffic = watchBraze(server, demo)
    window.history.replaceState(null, '', '/?provider=braze')

    render(<App />)

    await waitFor(() => expect(cellOf(first.id, /^Last updated/)).toBe('Jun 1, 2025'))
    expect(cellOf(first.id, /^Description/)).toBe('Present')
    expect(cellOf(first.id, /^Size/)).toBe('1,234')
    expect(cellOf(second.id, /^Last updated/)).toBe('Mar 5, 2024')
    expect(idsOf(traffic, 'details')).toEqual([])
    expect(idsOf(traffic, 'data_series')).toEqual([])
  })

  it('say when Braze gave them, for a segment’s page to say they are not Braze’s answer now', async () => {
    const fetchedAt = hoursAgo(2)
    await keep(first.id, detailsBody('2025-06-01T12:00:00Z'), fetchedAt)
    const view = await listThenKeptAnswers()
    const details = view.queryClient.getQueryData<BrazeSegmentDetails>(brazeQueries.details(first.id).queryKey)
    expect(details).toMatchObject({ textDescription: 'Bought twice this year', keptAt: fetchedAt.toISOString() })
  })

  it('are not asked for when the server keeps none: the app loads nothing more for them', async () => {
    let asked = 0
    server.use(
      http.get('*/api/audit/kept-answers', () => {
        asked += 1
        return undefined
      }),
    )
    window.history.replaceState(null, '', '/?provider=braze')

    render(<App />)

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(loaded))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(asked).toBe(0)
  })

  it('leave newer details already in the browser as they are, and replace older ones', async () => {
    await keep(first.id, detailsBody('2025-06-01T12:00:00Z'), hoursAgo(2))
    await keep(second.id, detailsBody('2025-06-01T12:00:00Z'), hoursAgo(2))
    const view = renderApp('/?provider=braze')
    const cached = (id: string): BrazeSegmentDetails => ({ id, tags: [], updatedAt: '2026-02-02T12:00:00Z' })
    view.queryClient.setQueryData(brazeQueries.details(first.id).queryKey, cached(first.id), {
      updatedAt: hoursAgo(1).getTime(),
    })
    view.queryClient.setQueryData(brazeQueries.details(second.id).queryKey, cached(second.id), {
      updatedAt: hoursAgo(3).getTime(),
    })
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(loaded))

    await act(() => loadTeamDetails(view.queryClient))

    expect(cellOf(first.id, /^Last updated/)).toBe('Feb 2, 2026')
    await waitFor(() => expect(cellOf(second.id, /^Last updated/)).toBe('Jun 1, 2025'))
  })

  it('leave out a kept answer that does not read as Braze’s and load the rest', async () => {
    await keep(first.id, { message: 'Invalid segment_id' }, hoursAgo(1))
    await keep(first.id, { message: 'success', data: [{ time: '2026-01-01', size: -5 }] }, hoursAgo(1), 30)
    await keep(second.id, detailsBody('2025-06-01T12:00:00Z'), hoursAgo(1))
    await keep(second.id, { message: 'success', data: [{ time: '2026-01-01', size: 77 }] }, hoursAgo(1), 30)

    const { queryClient } = await listThenKeptAnswers()

    await waitFor(() => expect(cellOf(second.id, /^Last updated/)).toBe('Jun 1, 2025'))
    expect(cellOf(second.id, /^Size/)).toBe('77')
    expect(cellOf(first.id, /^Last updated/)).toBe('not loaded')
    expect(cellOf(first.id, /^Size/)).toBe('not scanned')
    expect(queryClient.getQueryData(brazeQueries.dataSeries(first.id, SIZE_SERIES_DAYS).queryKey)).toBeUndefined()
  })

  it('are not asked for by a browser that already holds every listed segment’s details', async () => {
    await keep(first.id, detailsBody('2025-06-01T12:00:00Z'), hoursAgo(1))
    let asked = 0
    server.use(
      http.get('*/api/audit/kept-answers', () => {
        asked += 1
        return undefined
      }),
    )
    const view = renderApp('/?provider=braze')
    for (const { id } of braze)
      view.queryClient.setQueryData(brazeQueries.details(id).queryKey, {
        id,
        tags: [],
        updatedAt: '2026-02-02T12:00:00Z',
      })
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(loaded))

    await act(() => loadTeamDetails(view.queryClient))

    expect(asked).toBe(0)
    expect(cellOf(first.id, /^Last updated/)).toBe('Feb 2, 2026')
  })

  it.each([
    ['fails', () => HttpResponse.json({ error: 'store_error' }, { status: 500 })],
    ['cannot be reached', () => HttpResponse.error()],
    ['answers something else', () => HttpResponse.text('<html>gateway</html>')],
  ])('leave the page as it was when the server %s', async (_case, answer) => {
    await keep(first.id, detailsBody('2025-06-01T12:00:00Z'), hoursAgo(1))
    server.use(http.get('*/api/audit/kept-answers', answer))

    await listThenKeptAnswers()

    expect(cellOf(first.id, /^Last updated/)).toBe('not loaded')
    expect(screen.getByRole('status')).toHaveTextContent(loaded)
  })
})
