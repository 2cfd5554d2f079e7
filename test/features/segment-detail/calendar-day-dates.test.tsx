// A date Braze sends without a time names a calendar day: west of UTC, where that day's UTC midnight is the evening
// before (the tests run there: vitest.config.ts), the detail page, the list and the "Not updated since" filter all go
// by the day Braze named.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 40, commandersActCount: 4 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

// The demo's segment whose details dates come as bare days (src/server/demo/braze-data.ts, FORCED_FIELDS).
const DATE_ONLY = demo.data.braze[24]
if (!DATE_ONLY) throw new Error('no demo Braze segment at index 24')
/** The day the demo sends: its date's UTC day, as `detailDate` writes it. */
const dayOf = (iso: string) => new Date(iso).toISOString().slice(0, 10)
const CREATED = dayOf(DATE_ONLY.createdAt)
const UPDATED = dayOf(DATE_ONLY.updatedAt)

/** A YYYY-MM-DD day as the page writes it, worked out in UTC so that no time zone can move it. */
const shown = (day: string, dateStyle: 'medium' | 'long') =>
  new Intl.DateTimeFormat('en', { dateStyle, timeZone: 'UTC' }).format(Date.parse(day))

const nextDay = (day: string) => new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10)

function fact(label: string): HTMLElement {
  const term = within(screen.getByRole('region', { name: 'Details' })).getByText(label, { selector: 'dt' })
  if (!(term.nextElementSibling instanceof HTMLElement)) throw new Error(`no value for ${label}`)
  return term.nextElementSibling
}

describe('a date without a time, west of UTC', () => {
  it('shows the day Braze named on the detail page, in the list and to the "Not updated since" filter', async () => {
    expect(new Date(Date.parse(UPDATED)).getDate()).not.toBe(Number(UPDATED.slice(8)))
    const { router } = renderApp(`/segments/braze/${DATE_ONLY.id}`)
    await waitFor(() => expect(fact('Last updated').querySelector('time')).not.toBeNull())
    for (const [label, day] of [
      ['Created', CREATED],
      ['Last updated', UPDATED],
    ] as const) {
      const time = fact(label).querySelector('time')
      expect(time?.textContent, label).toMatch(new RegExp(`^${shown(day, 'medium')} \\(`))
      // No made-up midnight on hover: the day alone.
      expect(time, label).toHaveAttribute('title', shown(day, 'long'))
    }

    // The details are cached: the list shows the same day.
    await act(async () => router.navigate(`/?q=${DATE_ONLY.id}`))
    const table = await screen.findByRole('table', { name: 'Segments' })
    const headers = within(table).getAllByRole('columnheader')
    const column = headers.findIndex((header) => /^Last updated/.test(header.textContent ?? ''))
    await waitFor(() => {
      const [, row] = within(table).getAllByRole('row')
      expect(row && within(row).getAllByRole('cell')[column]).toHaveTextContent(shown(UPDATED, 'medium'))
    })

    // Updated on the day itself is not "before" it; before the next day, it is. Typed as a reviewer types it.
    const rows = () => within(screen.getByRole('table', { name: 'Segments' })).queryAllByRole('link', { name: /./ })
    const user = userEvent.setup()
    const field = screen.getByRole('textbox', { name: 'Not updated since' })
    const typed = (day: string) => `${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(0, 4)}`
    await user.type(field, typed(UPDATED))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^0 segments/))
    // The filter says how many segments it could check: only this one's details are loaded.
    expect(await screen.findByText('Only 1 of 40 Braze segments could be checked')).toBeInTheDocument()
    await user.clear(field)
    await user.type(field, typed(nextDay(UPDATED)))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^1 segment /))
    expect(rows().some((link) => link.textContent === DATE_ONLY.name)).toBe(true)
  })
})
