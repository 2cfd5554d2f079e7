// @vitest-environment jsdom
// The details scan panel on the Audit page: start, progress, Pause, Resume and Cancel, how the scan ended, a scan
// resumed after a reload, a scan slowed down by Braze's rate limit, and one that waits out a server restart.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { detailsScanFor } from '../../../src/features/audit/details-scan'
import { localScanMarkerStore } from '../../../src/features/audit/scan-marker'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'
import { held } from '../../held'
import { advanceWhile } from '../../fake-time'

const demo = createDemoHandlers({ brazeCount: 20, commandersActCount: 5 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  vi.useRealTimers()
  server.resetHandlers()
  localScanMarkerStore.clear()
})
afterAll(() => server.close())

const TOTAL = demo.data.braze.length

interface HeldDetails {
  /** Lets every details request held so far, and every later one, through. */
  release: () => void
  /** details requests sent and not yet answered. */
  inFlight: () => number
}

/** Holds the details answers until released, so that the scan stays running while the test acts. */
function holdDetails({
  failId,
  rateLimitFirst = false,
}: { failId?: string; rateLimitFirst?: boolean } = {}): HeldDetails {
  const { released, release } = held()
  let inFlight = 0
  server.use(
    http.get('*/api/braze/segments/:endpoint', async ({ request, params }) => {
      if (params.endpoint !== 'details') return demo.forwardToBraze(request)
      if (rateLimitFirst) {
        rateLimitFirst = false
        return HttpResponse.json({ message: 'Rate limit exceeded' }, { status: 429, headers: { 'Retry-After': '0' } })
      }
      inFlight += 1
      try {
        await released
        if (new URL(request.url).searchParams.get('segment_id') === failId) {
          return HttpResponse.json({ message: 'Invalid segment_id' }, { status: 400 })
        }
        return await demo.forwardToBraze(request)
      } finally {
        inFlight -= 1
      }
    }),
  )
  return { release, inFlight: () => inFlight }
}

const panel = () => screen.getByRole('region', { name: 'Details scan' })
const scanStatus = () => within(panel()).getByRole('status')
const button = (name: string) => within(panel()).queryByRole('button', { name })
const buttonNames = () =>
  within(panel())
    .queryAllByRole('button')
    .map((element) => element.textContent)

describe('ScanPanel', () => {
  it('starts the scan, pauses, resumes and reports the end', async () => {
    const user = userEvent.setup()
    const held = holdDetails()
    const { queryClient } = renderApp('/audit')
    await screen.findByRole('heading', { name: 'Details scan' })
    expect(within(panel()).queryByRole('progressbar')).not.toBeInTheDocument()
    expect(buttonNames()).toEqual(['Scan details'])

    await user.click(screen.getByRole('button', { name: 'Scan details' }))

    expect(within(panel()).getByRole('progressbar', { name: 'Details scan' })).toBeInTheDocument()
    await waitFor(() => expect(scanStatus()).toHaveTextContent(new RegExp(`^0 of ${TOTAL} fetched$`)))
    expect(buttonNames()).toEqual(['Pause', 'Cancel'])

    await user.click(screen.getByRole('button', { name: 'Pause' }))

    expect(scanStatus()).toHaveTextContent(new RegExp(`^Paused: 0 of ${TOTAL} fetched$`))
    expect(buttonNames()).toEqual(['Resume', 'Cancel'])

    await user.click(screen.getByRole('button', { name: 'Resume' }))

    expect(buttonNames()).toEqual(['Pause', 'Cancel'])
    held.release()
    await waitFor(() =>
      expect(scanStatus()).toHaveTextContent(new RegExp(`^Scan complete: ${TOTAL} of ${TOTAL} fetched$`)),
    )
    const progress = within(panel()).getByRole('progressbar', { name: 'Details scan' })
    expect(progress).toHaveAttribute('value', String(TOTAL))
    expect(progress).toHaveAttribute('max', String(TOTAL))
    expect(buttonNames()).toEqual(['Scan again'])
    expect(detailsScanFor(queryClient).getSnapshot()).toMatchObject({ status: 'done', done: TOTAL })
  })

  it('keeps the keyboard on its controls as each makes way for the next', async () => {
    const user = userEvent.setup()
    const held = holdDetails()
    renderApp('/audit')
    const press = async (name: string) => {
      within(panel()).getByRole('button', { name }).focus()
      await user.keyboard('{Enter}')
    }
    await screen.findByRole('heading', { name: 'Details scan' })

    await press('Scan details')
    await waitFor(() => expect(button('Pause')).toHaveFocus())
    await press('Pause')
    await waitFor(() => expect(button('Resume')).toHaveFocus())
    await press('Resume')
    await waitFor(() => expect(button('Pause')).toHaveFocus())
    await press('Cancel')
    await waitFor(() => expect(button('Scan again')).toHaveFocus())
    held.release()
  })

  it('gives the keyboard on Pause to Scan again when the scan ends by itself', async () => {
    const user = userEvent.setup()
    const held = holdDetails()
    renderApp('/audit')
    within(panel()).getByRole('button', { name: 'Scan details' }).focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(button('Pause')).toHaveFocus())
    held.release()
    await waitFor(() => expect(scanStatus()).toHaveTextContent(/^Scan complete/))
    expect(button('Pause')).not.toBeInTheDocument()
    expect(button('Scan again')).toHaveFocus()
  })

  it('says where the scan stands when that changes, not at every segment fetched while it runs', async () => {
    const user = userEvent.setup()
    const held = holdDetails()
    renderApp('/audit')
    await user.click(await screen.findByRole('button', { name: 'Scan details' }))
    await waitFor(() => expect(scanStatus()).toHaveTextContent(new RegExp(`^0 of ${TOTAL} fetched$`)))
    // Each answer changes the count, rate and time left, many times a second: read on demand, never said unasked.
    expect(scanStatus()).toHaveAttribute('aria-live', 'off')

    await user.click(screen.getByRole('button', { name: 'Pause' }))
    expect(scanStatus()).toHaveTextContent(new RegExp(`^Paused: 0 of ${TOTAL} fetched$`))
    expect(scanStatus()).not.toHaveAttribute('aria-live')

    await user.click(screen.getByRole('button', { name: 'Resume' }))
    expect(scanStatus()).toHaveAttribute('aria-live', 'off')
    held.release()
    await waitFor(() =>
      expect(scanStatus()).toHaveTextContent(new RegExp(`^Scan complete: ${TOTAL} of ${TOTAL} fetched$`)),
    )
    expect(scanStatus()).not.toHaveAttribute('aria-live')
  })

  it('cancels a running scan for good', async () => {
    const user = userEvent.setup()
    const held = holdDetails()
    const { queryClient } = renderApp('/audit')
    await user.click(await screen.findByRole('button', { name: 'Scan details' }))
    await waitFor(() => expect(button('Pause')).toBeInTheDocument())

    await user.click(screen.getByRole('button', { name: 'Cancel' }))

    expect(scanStatus()).toHaveTextContent(new RegExp(`^Scan cancelled: 0 of ${TOTAL} fetched$`))
    expect(buttonNames()).toEqual(['Scan again'])
    held.release()
    await waitFor(() => expect(held.inFlight()).toBe(0))
    expect(scanStatus()).toHaveTextContent(new RegExp(`^Scan cancelled: 0 of ${TOTAL} fetched$`))
    expect(detailsScanFor(queryClient).getSnapshot().status).toBe('cancelled')
  })

  it('counts failed segments, and a second scan says which were already fresh', async () => {
    const user = userEvent.setup()
    const failing = demo.data.braze[2]
    if (!failing) throw new Error('no demo Braze segment at index 2')
    holdDetails({ failId: failing.id }).release()
    renderApp('/audit')

    await user.click(await screen.findByRole('button', { name: 'Scan details' }))

    await waitFor(() =>
      expect(scanStatus()).toHaveTextContent(new RegExp(`^Scan complete: ${TOTAL} of ${TOTAL} fetched, 1 failed$`)),
    )

    await user.click(screen.getByRole('button', { name: 'Scan again' }))

    await waitFor(() =>
      expect(scanStatus()).toHaveTextContent(
        new RegExp(`^Scan complete: 1 of 1 fetched, ${TOTAL - 1} already fresh, 1 failed$`),
      ),
    )
  })

  it('keeps its rate and time left once the computer wakes after an hour asleep', async () => {
    // Only the clock is faked: the scan's requests run as usual, each details answer given when the test says.
    vi.useFakeTimers({ toFake: ['Date'] })
    const start = Date.parse('2026-12-07T09:00:00Z')
    vi.setSystemTime(start)
    const waiting: (() => void)[] = []
    let open = false
    const answer = (count: number) => waiting.splice(0, count).forEach((go) => go())
    server.use(
      http.get('*/api/braze/segments/:endpoint', async ({ request, params }) => {
        if (params.endpoint !== 'details') return demo.forwardToBraze(request)
        if (!open) await new Promise<void>((resolve) => waiting.push(resolve))
        return demo.forwardToBraze(request)
      }),
    )
    const user = userEvent.setup()
    renderApp('/audit')
    await user.click(await screen.findByRole('button', { name: 'Scan details' }))
    await waitFor(() => expect(waiting).toHaveLength(6))

    vi.setSystemTime(start + 10_000)
    answer(5)
    await waitFor(() =>
      expect(scanStatus().textContent).toBe(`5 of ${TOTAL} fetched · 0.5 per second · about 30 s left`),
    )
    // The computer sleeps an hour with the scan under way; the next answer comes once it wakes.
    await waitFor(() => expect(waiting).toHaveLength(6))
    vi.setSystemTime(start + 10_000 + 3_600_000)
    answer(1)

    await waitFor(() =>
      expect(scanStatus().textContent).toBe(`6 of ${TOTAL} fetched · 0.6 per second · about 24 s left`),
    )
    open = true
    answer(waiting.length)
    await waitFor(() => expect(scanStatus().textContent).toBe(`Scan complete: ${TOTAL} of ${TOTAL} fetched`))
  })

  it.each([
    { language: 'en', text: /^There is no Braze segment to scan: Braze’s list is empty\.$/, start: 'Scan details' },
    {
      language: 'fr',
      text: /^Il n’y a aucun segment Braze à analyser\s: la liste de Braze est vide\.$/,
      start: 'Analyser les détails',
    },
  ])('says there is no Braze segment to scan when Braze has none, its button disabled ($language)', async (words) => {
    await i18next.changeLanguage(words.language)
    server.use(...createDemoHandlers({ brazeCount: 0, commandersActCount: 5 }).handlers)
    renderApp('/audit')
    const card = await screen.findByRole('region', { name: i18next.t('audit:scan.heading') })

    expect(await within(card).findByText(words.text)).toBeInTheDocument()
    expect(card).not.toHaveTextContent(/up to date|à jour/)
    expect(within(card).getByRole('button', { name: words.start })).toBeDisabled()
  })

  it.each([
    {
      problem: 'not configured',
      status: 503,
      body: { error: 'not_configured', provider: 'braze', missing: ['BRAZE_API_KEY'], invalid: [] },
      // What to set is said once, in the Progress card.
      says: /^The scan needs Braze, which is not configured\.$/,
    },
    {
      problem: 'failing',
      status: 500,
      body: { error: 'upstream_error', provider: 'braze' },
      says: /^The scan needs the Braze list$/,
    },
  ])(
    'says the scan needs the Braze list, not that there is no segment, when Braze is $problem',
    async ({ status, body, says }) => {
      vi.useFakeTimers({ shouldAdvanceTime: true })
      server.use(http.get('*/api/braze/segments/:endpoint', () => HttpResponse.json(body, { status })))
      renderApp('/audit')
      const card = await screen.findByRole('region', { name: 'Details scan' })

      // A 5xx is asked again after a backoff, four times, before the list is said to fail.
      await advanceWhile(() => within(card).queryByText(says) === null, 30)
      expect(within(card).getByText(says)).toBeInTheDocument()
      expect(card).not.toHaveTextContent(/no Braze segment to scan|up to date/)
      expect(within(card).queryByRole('button', { name: 'Scan details' })).not.toBeInTheDocument()
    },
  )

  it('says when Braze’s 429s have slowed the scan down, and no longer once it is over', async () => {
    const user = userEvent.setup()
    const held = holdDetails({ rateLimitFirst: true })
    renderApp('/audit')

    await user.click(await screen.findByRole('button', { name: 'Scan details' }))

    await waitFor(() =>
      expect(scanStatus()).toHaveTextContent(
        new RegExp(`^0 of ${TOTAL} fetched · slowed down to 3 at a time: Braze asked to wait$`),
      ),
    )
    held.release()
    await waitFor(() =>
      expect(scanStatus()).toHaveTextContent(new RegExp(`^Scan complete: ${TOTAL} of ${TOTAL} fetched$`)),
    )
  })

  it.each([
    { language: 'en', waiting: 'Waiting for the Braze list…', done: `Scan complete: ${TOTAL} of ${TOTAL} fetched` },
    {
      language: 'fr',
      waiting: 'En attente de la liste Braze…',
      done: `Analyse terminée\u202f: ${TOTAL} sur ${TOTAL} récupérés`,
    },
  ])('says only that it waits for the Braze list, with no count before it is known ($language)', async (words) => {
    await i18next.changeLanguage(words.language)
    const list = held()
    server.use(
      // Held, then left to the demo's own handlers (a resolver that returns nothing passes the request on).
      http.get('*/api/braze/segments/list*', async () => {
        await list.released
      }),
    )
    const user = userEvent.setup()
    renderApp('/audit')
    const card = await screen.findByRole('region', { name: i18next.t('audit:scan.heading') })
    await user.click(await within(card).findByRole('button', { name: i18next.t('audit:scan.start') }))
    const status = () => within(card).getByRole('status')

    await waitFor(() => expect(status().textContent).toBe(words.waiting))
    list.release()
    await waitFor(() => expect(status().textContent).toBe(words.done))
  })

  it('shows a scan resumed after a reload as such', async () => {
    const held = holdDetails()
    localScanMarkerStore.write({ startedAt: Date.now() - 60_000, status: 'running' })
    const { queryClient } = renderApp('/audit')
    await screen.findByRole('heading', { name: 'Details scan' })

    const resumed = detailsScanFor(queryClient).resumeInterrupted()

    await waitFor(() =>
      expect(scanStatus()).toHaveTextContent(new RegExp(`^Resumed after reload: 0 of ${TOTAL} fetched$`)),
    )
    expect(buttonNames()).toEqual(['Pause', 'Cancel'])
    held.release()
    await resumed
    await waitFor(() =>
      expect(scanStatus()).toHaveTextContent(new RegExp(`^Scan complete: ${TOTAL} of ${TOTAL} fetched$`)),
    )
  })

  it('shows a scan paused before the reload as paused, with Resume', async () => {
    const user = userEvent.setup()
    holdDetails().release()
    localScanMarkerStore.write({ startedAt: Date.now() - 60_000, status: 'paused' })
    const { queryClient } = renderApp('/audit')
    await screen.findByRole('heading', { name: 'Details scan' })

    void detailsScanFor(queryClient).resumeInterrupted()

    await waitFor(() =>
      expect(scanStatus()).toHaveTextContent(new RegExp(`^Paused before the reload: 0 of ${TOTAL} fetched$`)),
    )
    expect(buttonNames()).toEqual(['Resume', 'Cancel'])

    await user.click(screen.getByRole('button', { name: 'Resume' }))

    await waitFor(() =>
      expect(scanStatus()).toHaveTextContent(new RegExp(`^Scan complete: ${TOTAL} of ${TOTAL} fetched$`)),
    )
    // Kept a few seconds more, while the cache saves the scan's last answers (a reload then resumes, fetching only
    // what the save missed); its going is the scan's own test's.
    expect(localScanMarkerStore.read()).toMatchObject({ status: 'running' })
  })

  it('waits for the app’s server while it cannot be reached, then carries on with no segment failed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) })
    // The server restarts once the first segments are fetched: fetch itself fails, for details and sizes alike.
    let answered = 0
    let down = false
    server.use(
      http.get('*/api/braze/segments/:endpoint', ({ request, params }) => {
        if (params.endpoint === 'list') return demo.forwardToBraze(request)
        if (down) return HttpResponse.error()
        answered += 1
        if (answered === 5) down = true
        return demo.forwardToBraze(request)
      }),
    )
    const { queryClient } = renderApp('/audit')
    await user.click(await screen.findByRole('button', { name: 'Scan details' }))
    const waiting =
      /^Waiting for the app’s server, which cannot be reached \(tried again every \d+ s\): \d+ of 20 fetched$/
    // Each request's own retries come first (a few seconds), then the scan holds.
    await advanceWhile(() => !waiting.test(scanStatus().textContent), 60)
    expect(scanStatus().textContent).toMatch(waiting)
    // Held a while longer (a restart takes seconds): still waiting, nothing counted failed, no error shown.
    await vi.advanceTimersByTimeAsync(30_000)
    expect(scanStatus().textContent).toMatch(waiting)
    expect(within(panel()).queryByRole('alert')).not.toBeInTheDocument()
    // A waiting scan can still be paused or cancelled.
    expect(buttonNames()).toEqual(['Pause', 'Cancel'])

    down = false
    const done = new RegExp(`^Scan complete: ${TOTAL} of ${TOTAL} fetched$`)
    await advanceWhile(() => !done.test(scanStatus().textContent), 60)
    expect(scanStatus().textContent).toMatch(done)
    expect(detailsScanFor(queryClient).getSnapshot()).toMatchObject({ status: 'done', done: TOTAL, failed: 0 })
  })
})
