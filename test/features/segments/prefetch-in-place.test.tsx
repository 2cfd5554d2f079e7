// @vitest-environment jsdom
// A segment's link loads its Braze details as the pointer or the focus reaches it, so that its page opens at once. In a
// list sorted by what the details give, a row they have not placed yet (unknown, at the end) would move away from under
// the pointer or the focus as they arrive: there its details wait until the segment is opened.
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { brazeQueries } from '../../../src/providers/braze/queries'
import { createDemoHandlers, listedSegments } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 30, commandersActCount: 3 })
const server = setupServer(...demo.handlers)
const segments = listedSegments(demo.data)
const PLACED = demo.data.braze[5]
const UNPLACED = demo.data.braze[6]

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

async function listAt(url: string) {
  const view = renderApp(url)
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(new RegExp(`\\b${segments.length}\\b`)))
  return view
}

const linkTo = (name = '') => within(screen.getByRole('table', { name: 'Segments' })).getByRole('link', { name })
const detailsAsked = (view: Awaited<ReturnType<typeof listAt>>, id = '') =>
  view.queryClient.getQueryState(brazeQueries.details(id).queryKey) !== undefined

describe('a segment link’s details', () => {
  it('load as the pointer and the focus reach it in the name order', async () => {
    const view = await listAt(`/?q=${PLACED?.id ?? ''}`)
    fireEvent.mouseEnter(linkTo(PLACED?.name))
    expect(detailsAsked(view, PLACED?.id)).toBe(true)
  })

  it('load as in the name order under a sort the list does not take (the selection’s), which it shows by name', async () => {
    const view = await listAt(`/?sort=select&q=${PLACED?.id ?? ''}`)
    fireEvent.focus(linkTo(PLACED?.name))
    expect(detailsAsked(view, PLACED?.id)).toBe(true)
  })

  it('wait for the segment to be opened where they would move its row: sorted by Last updated', async () => {
    const view = await listAt(`/?sort=-updated&q=${UNPLACED?.id ?? ''}`)
    const row = linkTo(UNPLACED?.name)
    fireEvent.mouseEnter(row)
    fireEvent.focus(row)
    expect(detailsAsked(view, UNPLACED?.id)).toBe(false)
  })
})
