// @vitest-environment jsdom
// A review a segment's page could not save before the reviewer left it, which a colleague changed since, is named on
// every page the tab shows: the reviewer can open the segment to compare and choose, or discard theirs. It no longer
// waits silently for a visit that may never come, to go with the tab.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { testAuditStore } from '../msw/audit-handlers'
import { createDemoHandlers } from '../msw/demo-handlers'
import { renderApp } from '../render-app'

const demo = createDemoHandlers({ brazeCount: 30, commandersActCount: 10 })
const server = setupServer(...demo.handlers)
const SEGMENT = demo.data.braze[2] ?? { id: '', name: '' }
const SEGMENT_KEY = `braze:${SEGMENT.id}`
const VERDICT_DRAFT = `segment-audit:verdict-draft:${SEGMENT_KEY}`
const NOTE_DRAFT = `segment-audit:note-draft:${SEGMENT_KEY}`

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => localStorage.setItem('segment-audit:reviewer:v1', 'Camille'))
afterEach(() => {
  server.resetHandlers()
  sessionStorage.clear()
})
afterAll(() => server.close())

/** Dominique's Keep and note, written after the tab's drafts were based on version 0. */
async function colleagueChangedIt() {
  const store = await testAuditStore()
  const at = new Date()
  await store.write({ key: SEGMENT_KEY, field: 'verdict', value: 'keep', baseVersion: 0 }, 'Dominique', at)
  await store.write({ key: SEGMENT_KEY, field: 'note', value: 'Owned by CRM', baseVersion: 0 }, 'Dominique', at)
}

describe('reviews of this tab held back for a colleague’s change', () => {
  it('are named on the list, each with what the colleague did, and open the segment to choose', async () => {
    await colleagueChangedIt()
    sessionStorage.setItem(VERDICT_DRAFT, JSON.stringify({ value: 'archive', baseVersion: 0 }))
    sessionStorage.setItem(NOTE_DRAFT, JSON.stringify({ value: 'Merge with B', baseVersion: 0 }))
    const { router } = renderApp('/')
    const title = await screen.findByText('2 reviews of yours are not saved', {}, { timeout: 5000 })
    const box = title.closest('[role="note"]') as HTMLElement
    // Announced as it appears: it comes inside a live region.
    expect(box.closest('[aria-live="polite"]')).not.toBeNull()
    const items = within(box).getAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining(`${SEGMENT.name} your verdict Archive: Dominique has since set Keep`),
      expect.stringContaining(`${SEGMENT.name} your note: Dominique has since changed the note`),
    ])
    // Nothing was written over Dominique's review.
    expect((await (await testAuditStore()).listEntries()).entries[0]).toMatchObject({ verdict: 'keep' })

    const user = userEvent.setup()
    await user.click(within(items[0] as HTMLElement).getByRole('link', { name: SEGMENT.name }))
    expect(router.state.location.pathname).toBe(`/segments/braze/${SEGMENT.id}`)
    // Its page shows the conflict itself: the notice no longer names it there.
    await screen.findByRole('region', { name: 'Audit' }, { timeout: 5000 })
    expect(screen.queryByText('2 reviews of yours are not saved')).not.toBeInTheDocument()
  })

  it('go when the reviewer discards theirs, the colleague’s review staying as it is', async () => {
    await colleagueChangedIt()
    sessionStorage.setItem(VERDICT_DRAFT, JSON.stringify({ value: 'archive', baseVersion: 0 }))
    renderApp('/')
    await screen.findByText('1 review of yours is not saved', {}, { timeout: 5000 })
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: `Discard mine (your verdict on ${SEGMENT.name})` }))
    await waitFor(() => expect(screen.queryByText('1 review of yours is not saved')).not.toBeInTheDocument())
    expect(sessionStorage.getItem(VERDICT_DRAFT)).toBeNull()
    expect((await (await testAuditStore()).listEntries()).entries[0]).toMatchObject({ verdict: 'keep' })
  })
})
