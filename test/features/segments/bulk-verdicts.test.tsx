// @vitest-environment jsdom
// Bulk verdicts on the Segments list, against the server's real audit routes: select rows (one by one, Shift-click for
// a range, the whole view), set one verdict and note for all, each segment getting its own history entry; segments
// another reviewer changed meanwhile are named and left as they are; the reviewer's name is asked first.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { getResponse, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { AUDIT_POLL_MS } from '../../../src/stores/audit-queries'
import { auditHandlers, testAuditStore } from '../../msw/audit-handlers'
import { createDemoHandlers, listedSegments } from '../../msw/demo-handlers'
import { seedReviews } from '../../stores/audit-entries'
import { renderApp } from '../../render-app'
import { held } from '../../held'

// Few enough rows for the virtualised table to show them all in jsdom.
const demo = createDemoHandlers({ brazeCount: 12, commandersActCount: 6 })
const server = setupServer(...demo.handlers)
const REVIEWER_KEY = 'segment-audit:reviewer:v1'

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => localStorage.setItem(REVIEWER_KEY, 'Camille'))
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

const TOTAL = demo.data.braze.length + demo.data.commandersAct.length
const table = () => screen.getByRole('table', { name: /^(Segments)$/ })
const bodyRows = () => within(table()).getAllByRole('row').slice(1)
// Each body row has one checkbox: every checkbox in the table but the header’s "select all", in order.
const rowBoxes = () => within(table()).getAllByRole('checkbox').slice(1)
const rowKey = (row: HTMLElement) => {
  const [, provider = '', id = ''] =
    /\/segments\/([^/]+)\/(.+)$/.exec(within(row).getAllByRole('link')[0]?.getAttribute('href') ?? '') ?? []
  return `${provider}:${decodeURIComponent(id)}`
}

async function listed(url = '/', count = TOTAL) {
  const view = renderApp(url)
  await waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent(new RegExp(`^${count} segments`)))
  await waitFor(() => expect(rowBoxes()).toHaveLength(count))
  return view
}

async function storedEntries() {
  return new Map((await (await testAuditStore()).listEntries()).entries.map((entry) => [entry.key, entry]))
}

describe.each([
  {
    language: 'en',
    selectAll: 'Select all in this view',
    bar: 'Selected segments',
    selected: (count: number) => `${count} selected`,
    verdicts: 'Verdict for the selected segments',
    fix: 'Fix',
    note: 'Note to add to each (optional)',
    saved: (count: number) => `Saved: Fix on ${count} segments.`,
    name: /^Name/,
    partlySaved:
      'Saved: Fix on 2,500 segments. 6 segments not saved: The audit database failed; nothing was changed. ' +
      'They are still selected; try again.',
    // No answer from the audit server itself: the request may have been written.
    unreachable:
      'Not known whether 2 segments were saved: The audit server could not be reached (network or server down). ' +
      'They are still selected; trying again does not write twice what was already saved.',
    gatewayFailed:
      'Not known whether 2 segments were saved: The audit server answered HTTP 502. ' +
      'They are still selected; trying again does not write twice what was already saved.',
    // Offline, the browser fails the request without sending it: nothing can have been written.
    offline:
      '2 segments not saved: this computer is offline, so nothing was sent. ' +
      'They are still selected; try again once it is back online.',
  },
  {
    language: 'fr',
    selectAll: 'Tout sélectionner dans cette vue',
    bar: 'Segments sélectionnés',
    selected: (count: number) => `${count} sélectionné${count > 1 ? 's' : ''}`,
    verdicts: 'Verdict pour les segments sélectionnés',
    fix: 'Corriger',
    note: 'Note à ajouter à chacun (facultative)',
    saved: (count: number) => `Enregistré\u202f: Corriger pour ${count} segments.`,
    name: /^Nom/,
    partlySaved:
      'Enregistré\u202f: Corriger pour 2\u202f500 segments. 6 segments non enregistrés\u202f: la base de l’audit a ' +
      'échoué\u202f; rien n’a été modifié. Ils restent sélectionnés\u202f; réessayez.',
    unreachable:
      'On ne sait pas si 2 segments ont été enregistrés\u202f: le serveur d’audit est injoignable (réseau coupé ou ' +
      'serveur arrêté). Ils restent sélectionnés\u202f; réessayer n’enregistre pas deux fois ce qui l’a déjà été.',
    gatewayFailed:
      'On ne sait pas si 2 segments ont été enregistrés\u202f: le serveur d’audit a répondu HTTP 502. ' +
      'Ils restent sélectionnés\u202f; réessayer n’enregistre pas deux fois ce qui l’a déjà été.',
    offline:
      '2 segments non enregistrés\u202f: cet ordinateur est hors ligne, rien n’a été envoyé. ' +
      'Ils restent sélectionnés\u202f; réessayez une fois la connexion revenue.',
  },
])('Bulk verdicts ($language)', (words) => {
  beforeEach(async () => {
    await i18next.changeLanguage(words.language)
  })

  it('sets one verdict and note on a Shift-click range, each segment with its own history, then clears the selection', async () => {
    const user = userEvent.setup()
    await listed()
    const first = bodyRows()[2]
    const last = bodyRows()[6]
    if (!first || !last) throw new Error('the table shows too few rows')
    await user.click(within(first).getByRole('checkbox'))
    await user.keyboard('{Shift>}')
    await user.click(within(last).getByRole('checkbox'))
    await user.keyboard('{/Shift}')
    const bar = await screen.findByRole('region', { name: words.bar })
    expect(within(bar).getByText(words.selected(5))).toBeInTheDocument()
    expect(rowBoxes().map((box) => (box as HTMLInputElement).checked)).toEqual(
      rowBoxes().map((_, index) => index >= 2 && index <= 6),
    )
    const keys = bodyRows().slice(2, 7).map(rowKey)

    await user.type(within(bar).getByRole('textbox', { name: words.note }), 'Merge into one')
    await user.click(
      within(within(bar).getByRole('group', { name: words.verdicts })).getByRole('button', { name: words.fix }),
    )

    // French spaces before a colon are narrow no-break ones: compared as they are, not as spaces.
    expect(await within(bar).findByText(words.saved(5), { normalizer: (text) => text })).toBeInTheDocument()
    const entries = await storedEntries()
    for (const key of keys) {
      expect(entries.get(key)).toMatchObject({ verdict: 'fix', note: 'Merge into one', verdictBy: 'Camille' })
      const history = await (await testAuditStore()).history(key)
      expect(history.map((item) => item.field).sort()).toEqual(['note', 'verdict'])
    }
    expect(entries.size).toBe(5)
    expect(rowBoxes().every((box) => !(box as HTMLInputElement).checked)).toBe(true)
    for (const row of bodyRows().slice(2, 7)) expect(within(row).getByText(words.fix)).toBeInTheDocument()

    // A new selection starts afresh: the last result is no longer shown.
    await user.click(rowBoxes()[0] as HTMLElement)
    expect(within(bar).getByText(words.selected(1))).toBeInTheDocument()
    expect(within(bar).queryByText(words.saved(5), { normalizer: (text) => text })).not.toBeInTheDocument()
  })

  it('when a later request fails, says what was saved and what was not, and a second press writes only the rest', async () => {
    // More segments than one request carries, so that the bar writes them in two.
    const large = createDemoHandlers({ brazeCount: 2_500, commandersActCount: 6 })
    const sent: string[][] = []
    server.use(
      http.post('*/api/audit/bulk', async ({ request }) => {
        const { writes } = (await request.clone().json()) as { writes: { key: string }[] }
        sent.push([...new Set(writes.map((write) => write.key))])
        if (sent.length !== 2) return undefined
        return HttpResponse.json(
          { error: 'store_error', message: 'The audit database failed; nothing was changed.' },
          { status: 500 },
        )
      }),
      ...large.handlers,
    )
    const user = userEvent.setup()
    const count = large.data.braze.length + large.data.commandersAct.length
    renderApp()
    await waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent(/^2[,\s]506 segments/))
    await user.click(within(table()).getByRole('checkbox', { name: words.selectAll }))
    const bar = await screen.findByRole('region', { name: words.bar })
    await user.type(within(bar).getByRole('textbox', { name: words.note }), 'Merge into one')
    await user.click(
      within(within(bar).getByRole('group', { name: words.verdicts })).getByRole('button', { name: words.fix }),
    )

    expect(await within(bar).findByText(words.partlySaved, { normalizer: (text) => text })).toBeInTheDocument()
    expect(within(bar).getByText(words.selected(6))).toBeInTheDocument()
    const [first = [], failed = []] = sent
    const saved = await storedEntries()
    expect([...saved.keys()].sort()).toEqual([...first].sort())
    expect(failed.length + first.length).toBe(count)
    expect(failed.filter((key) => saved.has(key))).toEqual([])

    // The view's last rows went in the failed request: the other way round, they come first, ticked; no other row is.
    await user.click(within(table()).getByRole('button', { name: words.name }))
    await waitFor(() =>
      expect(within(table()).getByRole('columnheader', { name: words.name })).toHaveAttribute(
        'aria-sort',
        'descending',
      ),
    )
    const ticks = bodyRows().map((row) => ({
      key: rowKey(row),
      ticked: (within(row).getByRole('checkbox') as HTMLInputElement).checked,
    }))
    expect(ticks.filter(({ ticked }) => ticked).length).toBeGreaterThan(1)
    expect(ticks).toEqual(ticks.map(({ key }) => ({ key, ticked: failed.includes(key) })))

    // The note typed is still there, for the second press.
    expect(within(bar).getByRole('textbox', { name: words.note })).toHaveValue('Merge into one')
    await user.click(
      within(within(bar).getByRole('group', { name: words.verdicts })).getByRole('button', { name: words.fix }),
    )
    expect(await within(bar).findByText(words.saved(6), { normalizer: (text) => text })).toBeInTheDocument()
    expect(sent).toHaveLength(3)
    expect([...(sent[2] ?? [])].sort()).toEqual([...failed].sort())
    const entries = await storedEntries()
    expect(entries.size).toBe(count)
    for (const key of failed) expect(entries.get(key)).toMatchObject({ verdict: 'fix', note: 'Merge into one' })
  })

  it.each([
    { failure: 'the audit server cannot be reached', answer: () => HttpResponse.error(), said: 'unreachable' as const },
    {
      // A gateway in front of the server answers with its own page: no reason to say but its status.
      failure: 'a gateway answers with an error page',
      answer: () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
      said: 'gatewayFailed' as const,
    },
  ])('when $failure, says so in plain words and keeps the selection', async ({ answer, said }) => {
    server.use(http.post('*/api/audit/bulk', answer))
    const user = userEvent.setup()
    await listed()
    await user.click(rowBoxes()[0] as HTMLElement)
    await user.click(rowBoxes()[1] as HTMLElement)
    const bar = await screen.findByRole('region', { name: words.bar })
    await user.click(
      within(within(bar).getByRole('group', { name: words.verdicts })).getByRole('button', { name: words.fix }),
    )
    expect(await within(bar).findByText(words[said], { normalizer: (text) => text })).toBeInTheDocument()
    expect(within(bar).getByText(words.selected(2))).toBeInTheDocument()
    expect(await storedEntries()).toEqual(new Map())
  })

  it('offline, says nothing was sent (not that it may have been saved) and keeps the selection', async () => {
    await listed()
    // The Wi-Fi goes down: the browser fails the request at once, sending nothing.
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    server.use(http.post('*/api/audit/bulk', () => HttpResponse.error()))
    const user = userEvent.setup()
    await user.click(rowBoxes()[0] as HTMLElement)
    await user.click(rowBoxes()[1] as HTMLElement)
    const bar = await screen.findByRole('region', { name: words.bar })
    await user.click(
      within(within(bar).getByRole('group', { name: words.verdicts })).getByRole('button', { name: words.fix }),
    )
    expect(await within(bar).findByText(words.offline, { normalizer: (text) => text })).toBeInTheDocument()
    expect(within(bar).getByText(words.selected(2))).toBeInTheDocument()
    expect(await storedEntries()).toEqual(new Map())
  })

  it('selects the whole view from the header, which shows a mixed state when only some rows are', async () => {
    const user = userEvent.setup()
    await listed()
    const all = within(table()).getByRole('checkbox', { name: words.selectAll })
    expect(all).not.toBeChecked()
    await user.click(rowBoxes()[0] as HTMLElement)
    expect(all).toBePartiallyChecked()
    await user.click(all)
    expect(all).toBeChecked()
    expect(
      within(await screen.findByRole('region', { name: words.bar })).getByText(words.selected(TOTAL)),
    ).toBeInTheDocument()
    await user.click(all)
    expect(rowBoxes().every((box) => !(box as HTMLInputElement).checked)).toBe(true)
  })
})

describe('Bulk verdicts: the selection', () => {
  it('survives sorting and filtering of the list, and says how many are outside the view', async () => {
    const user = userEvent.setup()
    await listed('/?provider=braze', demo.data.braze.length)
    const picked = bodyRows().slice(0, 2)
    const keys = picked.map(rowKey)
    for (const row of picked) await user.click(within(row).getByRole('checkbox'))

    await user.click(within(table()).getByRole('button', { name: /^Name/ }))
    await user.click(within(table()).getByRole('button', { name: /^Name/ }))
    const checkedKeys = () =>
      bodyRows()
        .filter((row) => (within(row).getByRole('checkbox') as HTMLInputElement).checked)
        .map(rowKey)
    await waitFor(() => expect(checkedKeys().sort()).toEqual([...keys].sort()))

    const name = within(picked[0] as HTMLElement).getAllByRole('link')[0]?.textContent ?? ''
    await user.click(screen.getByRole('searchbox', { name: 'Search segments' }))
    await user.paste(name)
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    await waitFor(() =>
      expect(within(bar).getAllByRole('status')[0]).toHaveTextContent(/^2 selected \(\d of them not in this view\)$/),
    )
  })

  it('takes the keyboard from a ticked row to the bar’s first verdict with b, and back to the row with Escape', async () => {
    const user = userEvent.setup()
    await listed()
    await user.keyboard('/{ArrowDown} ')
    const row = within(bodyRows()[0] as HTMLElement).getAllByRole('link')[0] as HTMLElement
    expect(row).toHaveFocus()
    expect(rowBoxes()[0]).toBeChecked()
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    const keep = within(bar).getByRole('button', { name: 'Keep' })
    await waitFor(() => expect(keep).toBeEnabled())
    // The bar says which key brings the keyboard to it.
    expect(within(bar).getByText('b', { selector: 'kbd' })).toBeVisible()
    expect(within(bar).getByText('b', { selector: 'kbd' }).parentElement).toHaveTextContent(
      'Press b in the list to come back to this bar',
    )
    await user.keyboard('b')
    expect(keep).toHaveFocus()
    // Not from a text field: there, b is a letter of the note.
    await user.type(within(bar).getByRole('textbox', { name: 'Note to add to each (optional)' }), 'b')
    expect(within(bar).getByRole('textbox', { name: 'Note to add to each (optional)' })).toHaveValue('b')
    await user.keyboard('{Escape}')
    expect(row).toHaveFocus()
    expect(rowBoxes()[0]).toBeChecked()
  })

  it('takes the keyboard to the bar’s name field with b when a name is asked', async () => {
    localStorage.removeItem(REVIEWER_KEY)
    const user = userEvent.setup()
    await listed()
    await user.keyboard('/{ArrowDown} ')
    const name = await screen.findByRole('textbox', { name: 'Your name' })
    await user.keyboard('b')
    expect(name).toHaveFocus()
    expect(name).toHaveValue('')
    // The name given, the form makes way for the verdicts, and the keyboard goes on to the first of them.
    await user.keyboard('Camille{Enter}')
    const bar = screen.getByRole('region', { name: 'Selected segments' })
    await waitFor(() => expect(within(bar).getByRole('button', { name: 'Keep' })).toHaveFocus())
  })

  it('a verdict given from the keyboard in the Unreviewed view gives the keyboard back to the next row still there', async () => {
    const user = userEvent.setup()
    await listed('/?verdict=unreviewed')
    await user.keyboard('/{ArrowDown}{ArrowDown} {ArrowDown} ')
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    await waitFor(() => expect(within(bar).getByRole('button', { name: 'Archive' })).toBeEnabled())
    const next = within(bodyRows()[3] as HTMLElement).getAllByRole('link')[0]?.textContent ?? ''
    await user.keyboard('b{Tab}{Tab}{Enter}')
    await waitFor(() => expect(within(bar).getByText('Saved: Archive on 2 segments.')).toBeVisible())
    // The two rows left the view: the keyboard is on the next one still there, not lost at the page's top.
    await waitFor(() => expect(bodyRows()).toHaveLength(TOTAL - 2))
    await waitFor(() => expect(within(bodyRows()[1] as HTMLElement).getAllByRole('link')[0]).toHaveFocus())
    expect(document.activeElement).toHaveTextContent(next)
  })

  it('Space on a focused row ticks its checkbox; Clear selection empties it', async () => {
    const user = userEvent.setup()
    await listed()
    const link = within(bodyRows()[3] as HTMLElement).getAllByRole('link')[0] as HTMLElement
    link.focus()
    await user.keyboard(' ')
    expect(rowBoxes()[3]).toBeChecked()
    expect(link).toHaveFocus()
    await user.click(await screen.findByRole('button', { name: 'Clear selection' }))
    expect(rowBoxes()[3]).not.toBeChecked()
    expect(screen.queryByRole('region', { name: 'Selected segments' })).not.toBeInTheDocument()
  })

  it('Clear selection gives the keyboard back to the row b came from, or to the first row it unticked', async () => {
    const user = userEvent.setup()
    await listed()
    const link = within(bodyRows()[3] as HTMLElement).getAllByRole('link')[0] as HTMLElement
    link.focus()
    await user.keyboard(' b')
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    await waitFor(() => expect(within(bar).getByRole('button', { name: 'Keep' })).toHaveFocus())
    await user.keyboard('{Shift>}{Tab}{/Shift}')
    expect(within(bar).getByRole('button', { name: 'Clear selection' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('region', { name: 'Selected segments' })).not.toBeInTheDocument()
    expect(link).toHaveFocus()

    // Ticked with the pointer, not come to by b: the first row it unticks.
    await user.click(rowBoxes()[5] as HTMLElement)
    await user.click(rowBoxes()[2] as HTMLElement)
    await user.click(await screen.findByRole('button', { name: 'Clear selection' }))
    expect(rowBoxes()[2]).not.toBeChecked()
    expect(within(bodyRows()[2] as HTMLElement).getAllByRole('link')[0]).toHaveFocus()
  })
})

describe('Bulk verdicts with the team', () => {
  it('Escape in the bar goes to the next row still in the view when a colleague’s verdict took its row out', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) })
    await listed('/?verdict=unreviewed')
    await user.keyboard('/{ArrowDown}{ArrowDown} ')
    const key = rowKey(bodyRows()[1] as HTMLElement)
    const next = within(bodyRows()[2] as HTMLElement).getAllByRole('link')[0]?.textContent ?? ''
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    const keep = within(bar).getByRole('button', { name: 'Keep' })
    await waitFor(() => expect(keep).toBeEnabled())
    await user.keyboard('b')
    expect(keep).toHaveFocus()

    await seedReviews({ key, verdict: 'keep', reviewer: 'Bob' })
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    await waitFor(() => expect(bodyRows()).toHaveLength(TOTAL - 1))
    await user.keyboard('{Escape}')
    expect(within(bodyRows()[1] as HTMLElement).getAllByRole('link')[0]).toHaveFocus()
    expect(document.activeElement).toHaveTextContent(next)
  })

  it('Escape in the bar goes to the search when b was pressed with nothing focused', async () => {
    const user = userEvent.setup()
    await listed()
    await user.click(rowBoxes()[2] as HTMLElement)
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    const keep = within(bar).getByRole('button', { name: 'Keep' })
    await waitFor(() => expect(keep).toBeEnabled())
    ;(document.activeElement as HTMLElement).blur()
    await user.keyboard('b')
    expect(keep).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.getByRole('searchbox', { name: 'Search segments' })).toHaveFocus()
  })

  it('when the answer is lost after the server wrote, a second press writes nothing twice and says saved', async () => {
    // The page polls: fake timers skip the wait for its next poll rather than sleep through it.
    vi.useFakeTimers({ shouldAdvanceTime: true })
    // The server writes the first request, but its answer never comes back (a proxy timeout, a connection reset).
    server.use(
      http.post(
        '*/api/audit/bulk',
        async ({ request }) => {
          await getResponse(auditHandlers, request)
          return HttpResponse.error()
        },
        { once: true },
      ),
    )
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) })
    await listed()
    const rows = bodyRows().slice(0, 3)
    const keys = rows.map(rowKey)
    for (const row of rows) await user.click(within(row).getByRole('checkbox'))
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    await user.type(within(bar).getByRole('textbox', { name: 'Note to add to each (optional)' }), 'bulk lost1')
    await user.click(within(bar).getByRole('button', { name: 'Archive' }))
    expect(
      await within(bar).findByText(
        'Not known whether 3 segments were saved: The audit server could not be reached (network or server down). ' +
          'They are still selected; trying again does not write twice what was already saved.',
      ),
    ).toBeInTheDocument()

    // The page's next poll brings what the server wrote.
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    await waitFor(() => {
      for (const row of rows) expect(within(row).getByText('Archive')).toBeInTheDocument()
    })
    expect(within(bar).getByText('3 selected')).toBeInTheDocument()
    await user.click(within(bar).getByRole('button', { name: 'Archive' }))

    expect(await within(bar).findByText('Saved: Archive on 3 segments.')).toBeInTheDocument()
    expect(within(bar).queryByRole('alert')).not.toBeInTheDocument()
    const entries = await storedEntries()
    for (const key of keys) {
      expect(entries.get(key)).toMatchObject({ verdict: 'archive', note: 'bulk lost1', verdictBy: 'Camille' })
      const history = await (await testAuditStore()).history(key)
      expect(history.map((item) => item.field).sort()).toEqual(['note', 'verdict'])
    }
  })

  it('when a request’s answer is lost, says not known of its segments alone: those after it were not sent', async () => {
    const large = createDemoHandlers({ brazeCount: 2_500, commandersActCount: 6 })
    server.use(
      http.post('*/api/audit/bulk', () => HttpResponse.error(), { once: true }),
      ...large.handlers,
    )
    const user = userEvent.setup()
    renderApp()
    await waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent(/^2,506 segments/))
    await user.click(within(table()).getByRole('checkbox', { name: 'Select all in this view' }))
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    await user.click(within(bar).getByRole('button', { name: 'Fix' }))
    expect(
      await within(bar).findByText(
        'Not known whether 2,500 segments were saved: The audit server could not be reached (network or server ' +
          'down). They are still selected; trying again does not write twice what was already saved. 6 more were ' +
          'not sent and are still selected.',
      ),
    ).toBeInTheDocument()
    expect(within(bar).getByText('2,506 selected')).toBeInTheDocument()
  })

  it('a second press after a failed one leaves as they are the segments a colleague set in between', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    // The first request fails before it reaches the store.
    server.use(
      http.post(
        '*/api/audit/bulk',
        () =>
          HttpResponse.json(
            { error: 'store_error', message: 'The audit database failed; nothing was changed.' },
            { status: 500 },
          ),
        { once: true },
      ),
    )
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) })
    await listed()
    const rows = bodyRows().slice(0, 5)
    const keys = rows.map(rowKey)
    for (const row of rows) await user.click(within(row).getByRole('checkbox'))
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    await user.type(within(bar).getByRole('textbox', { name: 'Note to add to each (optional)' }), 'Merge into one')
    await user.click(within(bar).getByRole('button', { name: 'Fix' }))
    expect(
      await within(bar).findByText(
        '5 segments not saved: The audit database failed; nothing was changed. They are still selected; try again.',
      ),
    ).toBeInTheDocument()

    // Bob sets Keep on two of them, and the page's next poll shows it, before the reviewer presses again.
    const bobs = [keys[1] ?? '', keys[3] ?? '']
    await seedReviews(...bobs.map((key) => ({ key, verdict: 'keep' as const, reviewer: 'Bob' })))
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    await waitFor(() => expect(within(rows[1] as HTMLElement).getByText('Keep')).toBeInTheDocument())
    await user.click(within(bar).getByRole('button', { name: 'Fix' }))

    const alert = await within(bar).findByRole('alert')
    expect(alert).toHaveTextContent('2 were changed by Bob meanwhile — not overwritten, still selected:')
    expect(within(bar).getByText('Saved: Fix on 3 segments.')).toBeInTheDocument()
    const entries = await storedEntries()
    expect(keys.map((key) => [entries.get(key)?.verdict, entries.get(key)?.note])).toEqual([
      ['fix', 'Merge into one'],
      ['keep', ''],
      ['fix', 'Merge into one'],
      ['keep', ''],
      ['fix', 'Merge into one'],
    ])
    for (const key of bobs)
      expect((await (await testAuditStore()).history(key)).map((item) => item.reviewer)).toEqual(['Bob'])
    expect(within(bar).getByText('2 selected')).toBeInTheDocument()
  })

  it('names the segments another reviewer changed meanwhile, leaves them as they are, and saves the rest', async () => {
    const user = userEvent.setup()
    // The page never hears of Marie's verdicts (as if she saved them just after its last poll).
    server.use(http.get('*/api/audit/entries', () => HttpResponse.json({ revision: 0, entries: [] })))
    await listed()
    const keys = bodyRows().slice(0, 4).map(rowKey)
    const store = await testAuditStore()
    for (const key of keys.slice(0, 2)) {
      const outcome = await store.write({ key, field: 'verdict', value: 'keep', baseVersion: 0 }, 'Marie', new Date())
      expect(outcome.ok).toBe(true)
    }
    for (const box of rowBoxes().slice(0, 4)) await user.click(box)
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    await user.click(within(bar).getByRole('button', { name: 'Archive' }))

    const alert = await within(bar).findByRole('alert')
    expect(alert).toHaveTextContent('2 were changed by Marie meanwhile — not overwritten')
    const names = bodyRows()
      .slice(0, 2)
      .map((row) => within(row).getAllByRole('link')[0]?.textContent ?? '')
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(names)
    expect(within(bar).getByText('Saved: Archive on 2 segments.')).toBeInTheDocument()
    const entries = await storedEntries()
    expect(keys.map((key) => entries.get(key)?.verdict)).toEqual(['keep', 'keep', 'archive', 'archive'])
    // The two refused stay selected, to be chosen again.
    expect(within(bar).getByText('2 selected')).toBeInTheDocument()
  })

  it('names who set the verdict that stopped the bulk verdict, not someone who edited the note after', async () => {
    const user = userEvent.setup()
    // The page never hears of Marie's verdict nor of Alice's later note (as if saved just after its last poll).
    server.use(http.get('*/api/audit/entries', () => HttpResponse.json({ revision: 0, entries: [] })))
    await listed()
    const key = rowKey(bodyRows()[0] as HTMLElement)
    await seedReviews(
      { key, verdict: 'keep', reviewer: 'Marie', reviewedAt: '2026-03-02T09:00:00.000Z' },
      { key, note: 'Used by the spring campaign', reviewer: 'Alice', reviewedAt: '2026-03-04T15:30:00.000Z' },
    )
    await user.click(rowBoxes()[0] as HTMLElement)
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    await user.click(within(bar).getByRole('button', { name: 'Archive' }))

    const alert = await within(bar).findByRole('alert')
    expect(alert).toHaveTextContent('1 was changed by Marie meanwhile — not overwritten')
    expect(alert).not.toHaveTextContent('Alice')
    expect((await storedEntries()).get(key)).toMatchObject({ verdict: 'keep', verdictBy: 'Marie', noteBy: 'Alice' })
  })

  it('leaves a segment whose verdict someone changed meanwhile without the bulk note as well', async () => {
    const user = userEvent.setup()
    // The page never hears of Bob's verdict (as if he saved it just after its last poll).
    server.use(http.get('*/api/audit/entries', () => HttpResponse.json({ revision: 0, entries: [] })))
    await listed()
    const keys = bodyRows().slice(0, 4).map(rowKey)
    const bobs = keys[2] ?? ''
    await seedReviews({ key: bobs, verdict: 'keep', reviewer: 'Bob' })
    for (const box of rowBoxes().slice(0, 4)) await user.click(box)
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    await user.type(within(bar).getByRole('textbox', { name: 'Note to add to each (optional)' }), 'Merge into one')
    await user.click(within(bar).getByRole('button', { name: 'Fix' }))

    expect(await within(bar).findByRole('alert')).toHaveTextContent(
      '1 was changed by Bob meanwhile — not overwritten, still selected:',
    )
    expect(within(bar).getByText('Saved: Fix on 3 segments.')).toBeInTheDocument()
    const entries = await storedEntries()
    expect(keys.map((key) => [entries.get(key)?.verdict, entries.get(key)?.note])).toEqual([
      ['fix', 'Merge into one'],
      ['fix', 'Merge into one'],
      ['keep', ''],
      ['fix', 'Merge into one'],
    ])
    expect((await (await testAuditStore()).history(bobs)).map((item) => item.reviewer)).toEqual(['Bob'])
    expect(within(bar).getByText('1 selected')).toBeInTheDocument()
  })

  it('adds the note to each segment’s own, and leaves a segment whose note changed meanwhile as it is', async () => {
    const [alices, bobs, empty] = listedSegments(demo.data).map((segment) => segment.key)
    if (!alices || !bobs || !empty) throw new Error('the demo has too few segments')
    await seedReviews(
      { key: alices, verdict: 'keep', note: 'Alice says keep for Q1', reviewer: 'Alice' },
      { key: bobs, verdict: 'keep', note: 'Bob note: check the size first', reviewer: 'Bob' },
    )
    const user = userEvent.setup()
    await listed()
    const rowOf = (key: string) => bodyRows().find((row) => rowKey(row) === key) as HTMLElement
    // The page has read both reviews (their verdicts show) before Bob changes his note again, unheard by the page.
    await waitFor(() => expect(within(rowOf(bobs)).getByText('Keep')).toBeInTheDocument())
    server.use(http.get('*/api/audit/entries', () => HttpResponse.json({ revision: 0, entries: [] })))
    const bobsNow = (await storedEntries()).get(bobs)
    await (
      await testAuditStore()
    ).write(
      { key: bobs, field: 'note', value: 'Bob’s newer note', baseVersion: bobsNow?.noteVersion ?? 0 },
      'Bob',
      new Date(),
    )

    for (const key of [alices, bobs, empty]) await user.click(within(rowOf(key)).getByRole('checkbox'))
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    await user.type(
      within(bar).getByRole('textbox', { name: 'Note to add to each (optional)' }),
      'Bulk: merge into one segment',
    )
    await user.click(within(bar).getByRole('button', { name: 'Fix' }))

    expect(await within(bar).findByRole('alert')).toHaveTextContent(
      '1 was changed by Bob meanwhile — not overwritten, still selected:',
    )
    expect(within(bar).getByText('Saved: Fix on 2 segments.')).toBeInTheDocument()
    const entries = await storedEntries()
    expect(entries.get(alices)).toMatchObject({
      verdict: 'fix',
      note: 'Alice says keep for Q1\n\nBulk: merge into one segment',
    })
    expect(entries.get(empty)).toMatchObject({ verdict: 'fix', note: 'Bulk: merge into one segment' })
    // Bob's segment is left as he made it: neither the verdict nor the note of the bulk write.
    expect(entries.get(bobs)).toMatchObject({ verdict: 'keep', verdictBy: 'Bob', note: 'Bob’s newer note' })
    expect(within(bar).getByText('1 selected')).toBeInTheDocument()
    expect(within(rowOf(bobs)).getByRole('checkbox')).toBeChecked()
  })

  it('leaves out, and keeps selected, a segment whose note with the added one would be too long', async () => {
    const [long, plain] = listedSegments(demo.data).map((segment) => segment.key)
    if (!long || !plain) throw new Error('the demo has too few segments')
    await seedReviews({ key: long, verdict: 'keep', note: 'x'.repeat(9_990), reviewer: 'Alice' })
    const user = userEvent.setup()
    await listed()
    const rowOf = (key: string) => bodyRows().find((row) => rowKey(row) === key) as HTMLElement
    await waitFor(() => expect(within(rowOf(long)).getByText('Keep')).toBeInTheDocument())
    for (const key of [long, plain]) await user.click(within(rowOf(key)).getByRole('checkbox'))
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    await user.type(within(bar).getByRole('textbox', { name: 'Note to add to each (optional)' }), 'Merge into Q4')
    await user.click(within(bar).getByRole('button', { name: 'Fix' }))

    const left = await within(bar).findByRole('alert')
    expect(left).toHaveTextContent(/^1 segment not saved: its note with yours would pass 10,000 characters/)
    const longName = listedSegments(demo.data).find((segment) => segment.key === long)?.name ?? ''
    expect(within(left).getByRole('listitem')).toHaveTextContent(longName)
    // What was saved is said as saved, apart from what was left out.
    expect(within(bar).getByText('Saved: Fix on 1 segment.')).not.toHaveClass('save-failed')
    const entries = await storedEntries()
    expect(entries.get(plain)).toMatchObject({ verdict: 'fix', note: 'Merge into Q4' })
    expect(entries.get(long)).toMatchObject({ verdict: 'keep', note: 'x'.repeat(9_990) })
    expect(within(rowOf(long)).getByRole('checkbox')).toBeChecked()
    expect(within(bar).getByText('1 selected')).toBeInTheDocument()
  })

  it('counts a note as the server does, in characters: an emoji is one, though JavaScript counts it two', async () => {
    const [key] = listedSegments(demo.data).map((segment) => segment.key)
    if (!key) throw new Error('the demo has no segment')
    // 6,502 characters together, 10,502 UTF-16 units: the server takes it.
    const own = '🎉'.repeat(4_000)
    const added = 'y'.repeat(2_500)
    await seedReviews({ key, verdict: 'keep', note: own, reviewer: 'Alice' })
    const user = userEvent.setup()
    await listed()
    const row = () => bodyRows().find((each) => rowKey(each) === key) as HTMLElement
    await waitFor(() => expect(within(row()).getByText('Keep')).toBeInTheDocument())
    await user.click(within(row()).getByRole('checkbox'))
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    await user.click(within(bar).getByRole('textbox', { name: 'Note to add to each (optional)' }))
    await user.paste(added)
    await user.click(within(bar).getByRole('button', { name: 'Fix' }))

    expect(await within(bar).findByText('Saved: Fix on 1 segment.')).toBeInTheDocument()
    expect(within(bar).queryByRole('alert')).not.toBeInTheDocument()
    expect((await storedEntries()).get(key)).toMatchObject({ verdict: 'fix', note: `${own}\n\n${added}` })
  })

  it('when a later request fails after conflicts, names the conflicts apart and keeps them and the unsaved selected', async () => {
    const large = createDemoHandlers({ brazeCount: 2_500, commandersActCount: 6 })
    let requests = 0
    server.use(
      http.get('*/api/audit/entries', () => HttpResponse.json({ revision: 0, entries: [] })),
      http.post('*/api/audit/bulk', () => {
        requests += 1
        if (requests !== 2) return undefined
        return HttpResponse.json(
          { error: 'store_error', message: 'The audit database failed; nothing was changed.' },
          { status: 500 },
        )
      }),
      ...large.handlers,
    )
    const user = userEvent.setup()
    renderApp()
    await waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent(/^2,506 segments/))
    // Marie set the first two rows (sent in the first request) just after the page's last poll.
    const changed = bodyRows().slice(0, 2)
    await seedReviews(...changed.map((row) => ({ key: rowKey(row), verdict: 'keep' as const, reviewer: 'Marie' })))
    await user.click(within(table()).getByRole('checkbox', { name: 'Select all in this view' }))
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    await user.click(within(bar).getByRole('button', { name: 'Fix' }))

    const alert = await within(bar).findByRole('alert')
    expect(alert).toHaveTextContent('2 were changed by Marie meanwhile — not overwritten, still selected:')
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(changed.map((row) => within(row).getAllByRole('link')[0]?.textContent ?? ''))
    expect(
      within(bar).getByText(
        'Saved: Fix on 2,498 segments. 6 segments not saved: The audit database failed; nothing was changed. ' +
          'They are still selected; try again.',
      ),
    ).toBeInTheDocument()
    // The two refused and the six unsaved: the conflicts are still ticked, the saved row after them no longer.
    expect(within(bar).getByText('8 selected')).toBeInTheDocument()
    expect(
      rowBoxes()
        .slice(0, 3)
        .map((box) => (box as HTMLInputElement).checked),
    ).toEqual([true, true, false])
  })

  it('asks for the reviewer’s name first, with the same form as a segment’s page', async () => {
    localStorage.removeItem(REVIEWER_KEY)
    // The server takes its time to say whether it knows who reviews.
    const answer = held()
    server.use(
      http.get('*/api/audit/reviewer', async () => {
        await answer.released
        return HttpResponse.json({ reviewer: null })
      }),
    )
    const user = userEvent.setup()
    await listed()
    await user.click(rowBoxes()[0] as HTMLElement)
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    // Meanwhile: neither verdicts (nothing could be written under a name) nor a form the server may make needless.
    expect(within(bar).getByText('1 selected')).toBeInTheDocument()
    expect(within(bar).queryByRole('button', { name: 'Keep' })).not.toBeInTheDocument()
    expect(within(bar).queryByRole('textbox', { name: 'Your name' })).not.toBeInTheDocument()
    answer.release()
    const name = await within(bar).findByRole('textbox', { name: 'Your name' })
    // Named by its question, not headed "Audit" as if it were a segment's Audit card.
    const form = within(bar).getByRole('form', { name: 'Who is reviewing? Your name is recorded with each verdict.' })
    expect(form).toContainElement(name)
    expect(within(bar).queryByRole('heading')).not.toBeInTheDocument()
    expect(within(bar).queryByRole('button', { name: 'Keep' })).not.toBeInTheDocument()
    await user.type(name, 'Léa')
    await user.click(within(bar).getByRole('button', { name: 'Start reviewing' }))
    await user.click(within(bar).getByRole('button', { name: 'Keep' }))
    expect(await within(bar).findByText('Saved: Keep on 1 segment.')).toBeInTheDocument()
    expect([...(await storedEntries()).values()][0]).toMatchObject({ verdict: 'keep', verdictBy: 'Léa' })
  })

  it('says "Saving…" until the server answers, and keeps the selection when the write fails', async () => {
    const user = userEvent.setup()
    const answer = held()
    server.use(
      http.post('*/api/audit/bulk', async () => {
        await answer.released
        return HttpResponse.json(
          { error: 'store_error', message: 'The audit database failed; nothing was changed.' },
          { status: 500 },
        )
      }),
    )
    await listed()
    await user.click(rowBoxes()[0] as HTMLElement)
    await user.click(rowBoxes()[1] as HTMLElement)
    const bar = await screen.findByRole('region', { name: 'Selected segments' })
    await user.click(within(bar).getByRole('button', { name: 'Keep' }))
    expect(within(bar).getByText('Saving 2 segments…')).toBeInTheDocument()
    expect(within(bar).getByRole('button', { name: 'Fix' })).toBeDisabled()
    answer.release()
    expect(
      await within(bar).findByText(
        '2 segments not saved: The audit database failed; nothing was changed. They are still selected; try again.',
      ),
    ).toBeInTheDocument()
    expect(within(bar).getByText('2 selected')).toBeInTheDocument()
  })
})
