// @vitest-environment jsdom
// What the Braze details say fills in what the list did not send, once they are in the cache, as the segment's page
// already shows it: tags (older workspaces' lists omit them) in the list's cell, the Tags filter, the no-tags finding
// and the CSV; a name in the list and its CSV, the row still marked as a malformed answer.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import Papa from 'papaparse'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { brazeQueries } from '../../../src/providers/braze/queries'
import { blobText, captureDownloads } from '../../downloads'
import { createDemoHandlers, listedSegments } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 40, commandersActCount: 4 })
const server = setupServer(...demo.handlers)
const segments = listedSegments(demo.data)

// The demo's segments whose list entry has no tags key (the details then say none) and no name (src/server/demo/
// braze-data.ts, FORCED_FIELDS); and one with tags whose list entry this test strips of them.
const UNTAGGED = demo.data.braze[3]
const NAMELESS = demo.data.braze[18]
const TAGGED = demo.data.braze.find((segment, index) => index > 20 && (segment.tags?.length ?? 0) > 0)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** Braze's list as an old workspace sends TAGGED's entry: without its tags key. */
function withTaggedListedWithoutTags() {
  server.use(
    http.get('*/api/braze/segments/list', async ({ request }) => {
      const body = (await (await demo.forwardToBraze(request)).json()) as { segments: Record<string, unknown>[] }
      for (const row of body.segments) if (row.id === TAGGED?.id) delete row.tags
      return HttpResponse.json(body)
    }),
  )
}

/**
 * The whole list at `url` once the details of `ids` are in the cache, as a scan or the segments' pages leave them. A
 * search for an id narrows it to that row: the table only draws the rows in view.
 */
async function listWithDetailsOf(ids: readonly (string | undefined)[], url = '/') {
  const view = renderApp(url)
  await Promise.all(ids.map((id) => view.queryClient.fetchQuery(brazeQueries.details(id ?? ''))))
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(new RegExp(`\\b${segments.length}\\b`)))
  return view
}

const table = () => screen.getByRole('table', { name: 'Segments' })

/** The row whose name links as `name`, and its cell under the column of that name. */
function cellOf(name: string, column: string): HTMLElement | undefined {
  const index = within(table())
    .getAllByRole('columnheader')
    .findIndex((header) => header.textContent?.startsWith(column))
  return within(table()).getByRole('link', { name }).closest('tr')?.querySelectorAll('td')[index] ?? undefined
}

/** The CSV the Export button downloads, as rows of cells by column name. */
async function exportedRows(downloads: { blob: Blob }[]): Promise<Record<string, string>[]> {
  await userEvent.setup().click(screen.getByRole('button', { name: 'Export CSV' }))
  await waitFor(() => expect(downloads).toHaveLength(1))
  return Papa.parse<Record<string, string>>((await blobText(downloads[0]?.blob)).replace(/^\uFEFF/, ''), {
    header: true,
    newline: '\r\n',
    skipEmptyLines: true,
  }).data
}

describe('what the Braze details fill in of the list', () => {
  it('shows "No tags" for a segment listed without tags whose details have none, in the list and its CSV', async () => {
    expect(UNTAGGED?.tags).toBeUndefined()
    const downloads = captureDownloads()
    await listWithDetailsOf([UNTAGGED?.id], `/?q=${UNTAGGED?.id ?? ''}`)
    expect(cellOf(UNTAGGED?.name ?? '', 'Tags')).toHaveTextContent(/^No tags$/)

    const exported = (await exportedRows(downloads)).find((row) => row.ID === UNTAGGED?.id)
    expect(exported?.Tags).toBe('')
  })

  it('counts that segment under the no-tags finding, which opens it in the list', async () => {
    await listWithDetailsOf([UNTAGGED?.id], `/?finding=no-tags&q=${UNTAGGED?.id ?? ''}`)
    await waitFor(() => expect(within(table()).getByRole('link', { name: UNTAGGED?.name })).toBeInTheDocument())
  })

  it('finds a segment listed without tags by a tag its details have, with the Tags filter', async () => {
    withTaggedListedWithoutTags()
    const tag = TAGGED?.tags?.find((name) => name !== null)
    if (!TAGGED || !tag) throw new Error('the demo has no tagged segment past the first twenty')
    const user = userEvent.setup()
    const { currentSearch } = await listWithDetailsOf([TAGGED.id])

    await user.click(screen.getByRole('button', { name: 'Tags filter' }))
    await user.click(screen.getByRole('checkbox', { name: tag }))
    expect(currentSearch().getAll('tag')).toEqual([tag])
    await waitFor(() => expect(within(table()).getByRole('link', { name: TAGGED.name })).toBeInTheDocument())
    expect(cellOf(TAGGED.name, 'Tags')).toHaveTextContent(tag)
  })

  it('exports the details’ name of a segment listed without its name; the table keeps its id, marked, and its place', async () => {
    expect(NAMELESS?.listQuirk).toBe('no-name')
    const downloads = captureDownloads()
    await listWithDetailsOf([NAMELESS?.id], `/?q=${NAMELESS?.id ?? ''}`)
    // Renamed in the table, the row would move in the name order as its details load (a focused link prefetches them).
    const link = within(table()).getByRole('link', { name: NAMELESS?.id })
    expect(within(link.closest('td') ?? link).getByText(/^Malformed answer: name$/)).toBeInTheDocument()

    const exported = (await exportedRows(downloads)).find((row) => row.ID === NAMELESS?.id)
    expect(exported?.Name).toBe(NAMELESS?.name)
  })
})
