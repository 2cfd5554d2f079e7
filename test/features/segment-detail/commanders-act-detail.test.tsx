// @vitest-environment jsdom
// The Commanders Act segment page: all this provider exposes (label, ID, site), and a plain "not found".
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { testAuditStore } from '../../msw/audit-handlers'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 120, commandersActCount: 25 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const SEGMENT = demo.data.commandersAct[0] ?? { id: '', label: '' }

/** The value next to a label in the Details list. */
function fact(label: string): HTMLElement {
  const term = within(screen.getByRole('region', { name: 'Details' })).getByText(label, { selector: 'dt' })
  const value = term.nextElementSibling
  if (!(value instanceof HTMLElement)) throw new Error(`no value for ${label}`)
  return value
}

describe('Commanders Act segment detail', () => {
  it('shows the label, the ID, the site, and says no description or tags exist', async () => {
    renderApp(`/segments/commanders-act/${SEGMENT.id}`)
    expect(await screen.findByRole('heading', { level: 1, name: SEGMENT.label }, { timeout: 5000 })).toBeInTheDocument()
    expect(document.title).toBe(`${SEGMENT.label} — Segment Audit`)
    expect(screen.getByRole('button', { name: 'Copy ID' })).toBeInTheDocument()
    expect(fact('Label')).toHaveTextContent(SEGMENT.label)
    expect(fact('ID')).toHaveTextContent(SEGMENT.id)
    await waitFor(() => expect(fact('Site')).toHaveTextContent('1234'))
    expect(screen.getByRole('region', { name: 'Details' })).toHaveTextContent(
      /Commanders Act exposes no description, tags or dates for segments/,
    )
  })

  it('says the segment is not found when the list does not hold its ID', async () => {
    const missing = 'DEADBEEF'
    expect(demo.data.commandersAct.some((segment) => segment.id === missing)).toBe(false)
    renderApp(`/segments/commanders-act/${missing}`)
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Segment not found' }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(screen.getByText(/Commanders Act has no segment with the ID/)).toHaveTextContent(missing)
    expect(screen.getByRole('link', { name: 'Back to the segments' })).toHaveAttribute('href', '/')
  })

  it('keeps the review of a segment gone from the list readable, and changeable, on its page', async () => {
    // Reviewed, then deleted in Commanders Act: the report still lists its review, and its page shows it.
    const gone = 'DEADBEEF'
    const store = await testAuditStore()
    const at = new Date('2026-03-01T10:00:00Z')
    await store.write(
      { key: `commanders-act:${gone}`, field: 'verdict', value: 'archive', baseVersion: 0 },
      'Dominique',
      at,
    )
    await store.write(
      { key: `commanders-act:${gone}`, field: 'note', value: 'Old campaign', baseVersion: 0 },
      'Dominique',
      at,
    )
    localStorage.setItem('segment-audit:reviewer:v1', 'Camille')
    const user = userEvent.setup()
    renderApp(`/segments/commanders-act/${gone}`)
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Segment not found' }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(
      await screen.findByRole('region', { name: 'No longer listed by Commanders Act' }, { timeout: 5000 }),
    ).toHaveTextContent('The team’s review of it stays: its verdict and note can still be changed here.')
    const panel = screen.getByRole('region', { name: 'Audit' })
    const verdicts = within(panel).getByRole('radiogroup', { name: 'Verdict' })
    await waitFor(() => expect(within(verdicts).getByRole('radio', { name: 'Archive' })).toBeChecked())
    expect(within(panel).getByRole('textbox', { name: 'Note' })).toHaveValue('Old campaign')
    await user.click(within(verdicts).getByRole('radio', { name: 'Unreviewed' }))
    await waitFor(async () =>
      expect((await store.listEntries()).entries.find((entry) => entry.key === `commanders-act:${gone}`)?.verdict).toBe(
        'unreviewed',
      ),
    )
  })

  it('says nothing of a review where the audit holds none', async () => {
    renderApp('/segments/commanders-act/DEADBEEF')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Segment not found' }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Audit' })).not.toBeInTheDocument()
  })

  it('keeps the keyboard when Retry brings the list: it goes on to the segment’s details', async () => {
    let failing = true
    server.use(
      http.get('*/api/commanders-act/segments/list', ({ request }) =>
        failing
          ? HttpResponse.json({ error: 'unauthorized', provider: 'commanders-act', status: 401 }, { status: 401 })
          : demo.forwardToCommandersActList(request),
      ),
    )
    const user = userEvent.setup()
    renderApp(`/segments/commanders-act/${SEGMENT.id}`)
    const retry = await screen.findByRole('button', { name: 'Retry the segment list' }, { timeout: 5000 })
    failing = false
    await user.click(retry)
    expect(await screen.findByRole('heading', { level: 1, name: SEGMENT.label }, { timeout: 5000 })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2, name: 'Details' })).toHaveFocus()
  })
})
