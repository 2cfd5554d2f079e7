// @vitest-environment jsdom
// Moving through the list from a segment's page: position, Next, the j/k keys, and Back to the same view.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { testAuditStore } from '../../msw/audit-handlers'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'
import { held } from '../../held'
import { seedReviews } from '../../stores/audit-entries'
import { AUDIT_POLL_MS } from '../../../src/stores/audit-queries'

const demo = createDemoHandlers({ brazeCount: 120, commandersActCount: 25 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
  localStorage.clear()
  sessionStorage.clear()
})
afterAll(() => server.close())

const LIST_SEARCH = '?provider=braze&sort=name'
const TOTAL = demo.data.braze.length + demo.data.commandersAct.length

interface ListedRow {
  name: string
  href: string
}

/** The rows of the table in the order shown, once both providers have answered in full. */
async function listedRows(): Promise<ListedRow[]> {
  await waitFor(
    () => expect(screen.getByRole('status')).toHaveTextContent(`${demo.data.braze.length} segments of ${TOTAL}`),
    {
      timeout: 5000,
    },
  )
  return within(screen.getByRole('table', { name: 'Segments' }))
    .getAllByRole('link')
    .map((link) => ({ name: link.textContent ?? '', href: link.getAttribute('href') ?? '' }))
}

/** Opens the segment of a table row by its link (names may repeat, so by position). */
async function openRow(user: ReturnType<typeof userEvent.setup>, index: number) {
  const link = within(screen.getByRole('table', { name: 'Segments' })).getAllByRole('link')[index]
  if (!link) throw new Error(`the table shows no row ${index}`)
  await user.click(link)
}

function rowAt(rows: readonly ListedRow[], index: number): ListedRow {
  const row = rows[index]
  if (!row) throw new Error(`the table shows no row ${index}`)
  return row
}

async function expectOnRow(router: ReturnType<typeof renderApp>['router'], rows: readonly ListedRow[], index: number) {
  const row = rowAt(rows, index)
  await waitFor(() => expect(router.state.location.pathname).toBe(row.href))
  // A row whose list answer had no name is listed by its id; its page is titled with the name its details give.
  if (row.name !== row.href.split('/').at(-1))
    expect(await screen.findByRole('heading', { level: 1, name: row.name })).toBeInTheDocument()
  expect(screen.getByText(`${index + 1} of ${demo.data.braze.length}`)).toBeInTheDocument()
}

describe('List navigation on a segment page', () => {
  it('shows the position, and Next, j and k follow the filtered, sorted list', async () => {
    const user = userEvent.setup()
    const { router } = renderApp(`/${LIST_SEARCH}`)
    const rows = await listedRows()
    // Only Braze rows, in name order: the view the detail page must walk through.
    expect(rows.every((row) => row.href.startsWith('/segments/braze/'))).toBe(true)

    await openRow(user, 2)
    await expectOnRow(router, rows, 2)
    const nav = screen.getByRole('navigation', { name: 'Segment list' })
    expect(within(nav).getByRole('link', { name: '← Previous' })).toHaveAttribute('href', rowAt(rows, 1).href)

    await user.click(within(nav).getByRole('link', { name: 'Next →' }))
    await expectOnRow(router, rows, 3)

    await user.keyboard('j')
    await expectOnRow(router, rows, 4)
    await user.keyboard('k')
    await expectOnRow(router, rows, 3)
    await user.keyboard('k')
    await expectOnRow(router, rows, 2)
  })

  it('gives the keyboard to the heading of each segment it opens, so a screen reader says which one', async () => {
    const user = userEvent.setup()
    const { router } = renderApp(`/${LIST_SEARCH}`)
    const rows = await listedRows()
    within(screen.getByRole('table', { name: 'Segments' }))
      .getAllByRole('link')[2]
      ?.focus()
    await user.keyboard('{Enter}')
    await expectOnRow(router, rows, 2)
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: rowAt(rows, 2).name })).toHaveFocus())

    // Heard as the heading is focused anew: a focused heading whose words change is not read again.
    const focused: string[] = []
    const onFocus = (event: FocusEvent) => focused.push((event.target as HTMLElement).textContent ?? '')
    document.addEventListener('focusin', onFocus)
    await user.keyboard('j')
    await expectOnRow(router, rows, 3)
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: rowAt(rows, 3).name })).toHaveFocus())
    document.removeEventListener('focusin', onFocus)
    expect(focused).toEqual([rowAt(rows, 3).name])
    // Still the page's keys: the heading is no field to type in.
    await user.keyboard('k')
    await expectOnRow(router, rows, 2)
  })

  it('moves one segment per press in a burst of j and k, before the page has caught up', async () => {
    const user = userEvent.setup()
    const { router } = renderApp(`/${LIST_SEARCH}`)
    const rows = await listedRows()
    await openRow(user, 2)
    await expectOnRow(router, rows, 2)

    // Pressed faster than a page is drawn: each press counts from where the one before it went.
    const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
    press('j')
    press('j')
    press('j')
    await expectOnRow(router, rows, 5)
    press('k')
    press('k')
    await expectOnRow(router, rows, 3)
  })

  it('says Previous is unavailable on the first row, and Next in a view of one: links that lead nowhere', async () => {
    const user = userEvent.setup()
    const { router } = renderApp(`/${LIST_SEARCH}`)
    const rows = await listedRows()
    await openRow(user, 0)
    await expectOnRow(router, rows, 0)
    const nav = screen.getByRole('navigation', { name: 'Segment list' })
    // A screen reader says a link it cannot follow, not words alone; nothing to reach with Tab, nor to click.
    const previous = within(nav).getByRole('link', { name: '← Previous' })
    expect(previous).toHaveAttribute('aria-disabled', 'true')
    expect(previous).not.toHaveAttribute('href')
    await user.click(previous)
    await user.keyboard('k')
    expect(router.state.location.pathname).toBe(rowAt(rows, 0).href)
    expect(within(nav).getByRole('link', { name: 'Next →' })).not.toHaveAttribute('aria-disabled')

    // Opened from a view of that segment alone (searched by its id): no Next either.
    const { href } = rowAt(rows, 0)
    await router.navigate(href, { state: { listSearch: `?provider=braze&q=${href.split('/').at(-1) ?? ''}` } })
    expect(await within(nav).findByText('1 of 1')).toBeInTheDocument()
    const next = within(nav).getByRole('link', { name: 'Next →' })
    expect(next).toHaveAttribute('aria-disabled', 'true')
    expect(next).not.toHaveAttribute('href')
  })

  it('ignores j while the user types in a field', async () => {
    const user = userEvent.setup()
    const { router } = renderApp(`/${LIST_SEARCH}`)
    const rows = await listedRows()
    await openRow(user, 2)
    await expectOnRow(router, rows, 2)

    // The detail page has no text field of its own; one outside the app stands for any field the page may gain.
    const field = document.createElement('input')
    field.setAttribute('aria-label', 'Scratch field')
    document.body.append(field)
    try {
      await user.click(screen.getByRole('textbox', { name: 'Scratch field' }))
      await user.keyboard('j')
      expect(field).toHaveValue('j')
      expect(router.state.location.pathname).toBe(rowAt(rows, 2).href)
      expect(screen.getByText(`3 of ${demo.data.braze.length}`)).toBeInTheDocument()
    } finally {
      field.remove()
    }
  })

  it('goes back to the list with the same search, filters and sort', async () => {
    const user = userEvent.setup()
    const { router } = renderApp(`/${LIST_SEARCH}`)
    const rows = await listedRows()
    await openRow(user, 2)
    await expectOnRow(router, rows, 2)
    await user.keyboard('j')
    await expectOnRow(router, rows, 3)

    await user.click(screen.getByRole('link', { name: '← Back to the segments' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
    expect(router.state.location.search).toBe(LIST_SEARCH)
    expect(screen.getByRole('combobox', { name: 'Provider' })).toHaveValue('braze')
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending')
  })

  it('gives no total while the list is still loading, then the whole list’s', async () => {
    // The Commanders Act list held back: the view (both providers) holds only the Braze rows so far.
    const rest = held()
    server.use(
      http.get('*/api/commanders-act/segments/list', async ({ request }) => {
        await rest.released
        return demo.forwardToCommandersActList(request)
      }),
    )
    renderApp(`/segments/braze/${demo.data.braze[0]?.id ?? ''}`)
    const nav = await screen.findByRole('navigation', { name: 'Segment list' })
    await waitFor(() => expect(nav).toHaveTextContent(/\d+ of a list still loading/))
    expect(nav).not.toHaveTextContent(new RegExp(`of ${demo.data.braze.length}\\b`))

    rest.release()
    await waitFor(() => expect(nav).toHaveTextContent(new RegExp(`\\d+ of ${TOTAL}\\b`)))
    expect(nav).not.toHaveTextContent(/still loading/)
  })
})

describe('Review queue', () => {
  const verdicts = () => within(screen.getByRole('radiogroup', { name: 'Verdict' }))
  /** Camille opens the first segment of the Unreviewed view, its verdicts ready. */
  const onFirstUnreviewed = async () => {
    localStorage.setItem('segment-audit:reviewer:v1', 'Camille')
    const user = userEvent.setup()
    const { router } = renderApp(`/${LIST_SEARCH}&verdict=unreviewed`)
    const rows = await listedRows()
    await openRow(user, 0)
    await expectOnRow(router, rows, 0)
    await waitFor(() => expect(verdicts().getByRole('radio', { name: 'Keep' })).toBeEnabled())
    return { user, router, rows }
  }

  it('moves on to the next segment of the Unreviewed view after each of three verdicts, keeping a meaningful position', async () => {
    const { user, router, rows } = await onFirstUnreviewed()

    for (const [step, key] of ['1', '2', '3'].entries()) {
      await user.keyboard(key)
      const next = rowAt(rows, step + 1)
      await waitFor(() => expect(router.state.location.pathname).toBe(next.href))
      // The reviewed ones left the view: the one on screen is first of what is left.
      expect(await screen.findByText(`1 of ${demo.data.braze.length - step - 1}`)).toBeInTheDocument()
      await waitFor(() => expect(verdicts().getByRole('radio', { name: 'Keep' })).toBeEnabled())
    }
  })

  it('moves on past the next segment when a colleague reviewed it since the page last read the audit', async () => {
    const { user, router, rows } = await onFirstUnreviewed()
    // Bob reviews the next one now: the page's poll has not brought it yet (it asks every 2 s).
    await seedReviews({ key: `braze:${rowAt(rows, 1).href.split('/').at(-1) ?? ''}`, verdict: 'fix', reviewer: 'Bob' })

    await user.keyboard('1')
    await waitFor(() => expect(router.state.location.pathname).not.toBe(rowAt(rows, 0).href))
    expect(router.state.location.pathname).toBe(rowAt(rows, 2).href)
    expect(await screen.findByText(`1 of ${demo.data.braze.length - 2}`)).toBeInTheDocument()
  })

  it('stays on the segment when the verdict is saved while the reviewer types a note, the keys kept in the note', async () => {
    const write = held()
    server.use(
      http.post('*/api/audit/writes', async ({ request }) => {
        if (((await request.clone().json()) as { field: string }).field === 'verdict') await write.released
        return undefined
      }),
    )
    const { user, router, rows } = await onFirstUnreviewed()
    // On a slow or dropped link the verdict's answer comes seconds later, the reviewer meanwhile in the note.
    await user.keyboard('2')
    const note = within(screen.getByRole('region', { name: 'Audit' })).getByRole('textbox', { name: 'Note' })
    await user.click(note)
    await user.keyboard('needs a desc')
    write.release()
    await waitFor(() => expect(verdicts().getByRole('radio', { name: 'Fix' })).toBeChecked())
    await user.keyboard('ription 123 jk')
    await delay(100)
    expect(router.state.location.pathname).toBe(rowAt(rows, 0).href)
    expect(note).toHaveValue('needs a description 123 jk')
    expect(note).toHaveFocus()
  })

  it('stays on the segment when moving on is turned off, and says where the next one stands', async () => {
    localStorage.setItem('segment-audit:reviewer:v1', 'Camille')
    const user = userEvent.setup()
    const { router } = renderApp(`/${LIST_SEARCH}&verdict=unreviewed`)
    const rows = await listedRows()
    await openRow(user, 2)
    await expectOnRow(router, rows, 2)
    await user.click(screen.getByRole('checkbox', { name: 'Next after a verdict' }))
    await waitFor(() => expect(verdicts().getByRole('radio', { name: 'Fix' })).toBeEnabled())
    await user.keyboard('2')
    await waitFor(() => expect(verdicts().getByRole('radio', { name: 'Fix' })).toBeChecked())
    expect(router.state.location.pathname).toBe(rowAt(rows, 2).href)
    expect(await screen.findByText(`next: 3 of ${demo.data.braze.length - 1} left`)).toBeInTheDocument()
    // j and k still work from outside the view.
    await user.keyboard('j')
    await waitFor(() => expect(router.state.location.pathname).toBe(rowAt(rows, 3).href))
    expect(localStorage.getItem('segment-audit:move-on:v1')).toBe('off')
  })

  it('says none is left after the last segment of the view, rather than a place past its end', async () => {
    localStorage.setItem('segment-audit:reviewer:v1', 'Camille')
    // Two Commanders Act segments left unreviewed: the view to work through.
    const [, , ...reviewed] = demo.data.commandersAct
    await seedReviews(...reviewed.map(({ id }) => ({ key: `commanders-act:${id}`, verdict: 'keep' as const })))
    const user = userEvent.setup()
    const { router } = renderApp('/?provider=commanders-act&verdict=unreviewed')
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^2 segments of/), { timeout: 5000 })
    await openRow(user, 1)
    expect(await screen.findByText('2 of 2')).toBeInTheDocument()
    const last = router.state.location.pathname
    await waitFor(() => expect(verdicts().getByRole('radio', { name: 'Keep' })).toBeEnabled())
    await user.keyboard('1')
    expect(await screen.findByText('none after this one; 1 left before it')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe(last)
  })

  it('says none is left in the view once its only segment is reviewed', async () => {
    localStorage.setItem('segment-audit:reviewer:v1', 'Camille')
    const user = userEvent.setup()
    const only = demo.data.braze[7]?.id ?? ''
    renderApp(`/?q=${only}&verdict=unreviewed`)
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^1 segment of/), { timeout: 5000 })
    await openRow(user, 0)
    await waitFor(() => expect(verdicts().getByRole('radio', { name: 'Keep' })).toBeEnabled())
    await user.keyboard('3')
    expect(await screen.findByText('none left in this view')).toBeInTheDocument()
    expect(screen.queryByText(/of 0 left/)).not.toBeInTheDocument()
  })
})

describe('Moving on while a verdict is on its way', () => {
  const audit = () => screen.getByRole('region', { name: 'Audit' })
  const verdicts = () => within(screen.getByRole('radiogroup', { name: 'Verdict' }))

  /** A segment's page opened from the list, ready for a verdict. */
  async function openReady(user: ReturnType<typeof userEvent.setup>) {
    localStorage.setItem('segment-audit:reviewer:v1', 'Camille')
    const { router } = renderApp(`/${LIST_SEARCH}`)
    const rows = await listedRows()
    await openRow(user, 2)
    await expectOnRow(router, rows, 2)
    await waitFor(() => expect(verdicts().getByRole('radio', { name: 'Fix' })).toBeEnabled())
    return { router, rows }
  }

  it('stays on the segment and says why when the verdict pressed just before j is not saved', async () => {
    const user = userEvent.setup()
    server.use(
      http.post('*/api/audit/writes', async () => {
        await delay(150)
        return HttpResponse.json({ error: 'store_error', message: 'The audit database failed' }, { status: 500 })
      }),
    )
    const { router, rows } = await openReady(user)
    await user.keyboard('2')
    await user.keyboard('j')
    await waitFor(() =>
      expect(within(audit()).getByRole('status')).toHaveTextContent('Verdict not saved: The audit database failed'),
    )
    expect(router.state.location.pathname).toBe(rowAt(rows, 2).href)
    expect(verdicts().getByRole('radio', { name: 'Unreviewed' })).toBeChecked()

    // Seen, the reviewer may still leave it as it is.
    await user.keyboard('j')
    await expectOnRow(router, rows, 3)
  })

  it('moves on with j once the verdict pressed just before is saved, one segment only', async () => {
    const user = userEvent.setup()
    const write = held()
    server.use(
      http.post('*/api/audit/writes', async () => {
        await write.released
        return undefined
      }),
    )
    const { router, rows } = await openReady(user)
    await user.keyboard('2')
    await user.keyboard('j')
    await delay(100)
    expect(router.state.location.pathname).toBe(rowAt(rows, 2).href)

    write.release()
    await expectOnRow(router, rows, 3)
    // The review queue moving on after the verdict and the j asked for the same move: it is made once.
    await delay(100)
    expect(router.state.location.pathname).toBe(rowAt(rows, 3).href)
    const key = `braze:${rowAt(rows, 2).href.split('/').at(-1) ?? ''}`
    const saved = (await (await testAuditStore()).listEntries()).entries.find((entry) => entry.key === key)
    expect(saved).toMatchObject({ verdict: 'fix', verdictBy: 'Camille' })
  })

  it('leaves with j a verdict waiting for the server, not saying it saved, and sends it on coming back', async () => {
    // Fake timers skip the wait for the page's next poll rather than sleep through it.
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) })
    const { router, rows } = await openReady(user)
    let writes = 0
    server.use(
      http.all('*/api/audit/*', ({ request }) => {
        if (request.method === 'POST') writes += 1
        return HttpResponse.error()
      }),
    )
    await user.keyboard('2')
    await waitFor(() => expect(within(audit()).getByRole('status')).toHaveTextContent('Your Fix is not saved yet'))
    // Not saved: the review queue does not move on from it.
    await delay(100)
    expect(router.state.location.pathname).toBe(rowAt(rows, 2).href)

    await user.keyboard('j')
    await expectOnRow(router, rows, 3)
    // The write on leaving got no answer either, nor does the one this visit sends again on coming back.
    await waitFor(() => expect(writes).toBe(2))
    await user.keyboard('k')
    await expectOnRow(router, rows, 2)
    await waitFor(() => expect(writes).toBe(3))
    await waitFor(() => expect(within(audit()).getByRole('status')).toHaveTextContent('Your Fix is not saved yet'))

    server.resetHandlers()
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    await waitFor(() => expect(within(audit()).getByRole('status')).toHaveTextContent(/^Saved$/))
    expect(verdicts().getByRole('radio', { name: 'Fix' })).toBeChecked()
    // Sent by this visit, not chosen on it: the reviewer who came back to it is not moved on.
    await delay(100)
    expect(router.state.location.pathname).toBe(rowAt(rows, 2).href)
    const key = `braze:${rowAt(rows, 2).href.split('/').at(-1) ?? ''}`
    const saved = (await (await testAuditStore()).listEntries()).entries.find((entry) => entry.key === key)
    expect(saved).toMatchObject({ verdict: 'fix', verdictBy: 'Camille' })
  })

  it('stays on the segment when Next is clicked while a verdict on its way meets a colleague’s', async () => {
    const user = userEvent.setup()
    server.use(http.post('*/api/audit/writes', () => delay(150)))
    const { router, rows } = await openReady(user)
    const key = `braze:${rowAt(rows, 2).href.split('/').at(-1) ?? ''}`
    const store = await testAuditStore()
    expect(
      (await store.write({ key, field: 'verdict', value: 'keep', baseVersion: 0 }, 'Dominique', new Date())).ok,
    ).toBe(true)
    await user.keyboard('2')
    await user.click(
      within(screen.getByRole('navigation', { name: 'Segment list' })).getByRole('link', { name: 'Next →' }),
    )
    expect(await within(audit()).findByRole('alert')).toHaveTextContent('so your Fix was not saved')
    expect(router.state.location.pathname).toBe(rowAt(rows, 2).href)
  })
})
