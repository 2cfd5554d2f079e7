// @vitest-environment jsdom
// The scan panel and Braze's budget, as a person reads them: the cost of a scan and the budget left before it starts,
// a pause at the reserve that says when it resumes, and a key without a permission named in plain words.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { localScanMarkerStore } from '../../../src/features/audit/scan-marker'
import { BRAZE_PAGES_PER_REQUEST } from '../../../src/providers/braze/list-stream'
import { brazeQueries } from '../../../src/providers/braze/queries'
import { SIZE_SERIES_DAYS } from '../../../src/providers/braze/cached-queries'
import { loadTeamDetails } from '../../../src/stores/team-details'
import { keptAnswerKey, testAuditStore } from '../../msw/audit-handlers'
import { idsOf, sorted, watchBraze } from './details-scan-traffic'
import { held } from '../../held'
import { createDemoHandlers, listedSegments } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'
import { reserveHold } from '../../msw/reserve-hold'

const demo = createDemoHandlers({ brazeCount: 60, commandersActCount: 5 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  localScanMarkerStore.clear()
})
afterAll(() => server.close())

const braze = listedSegments(demo.data).filter((segment) => segment.provider === 'braze')
const tracked = braze.filter((segment) => segment.analyticsTracking === true).length
const resetAt = new Date(Date.now() + 40 * 60_000)

function statusWithBudget(remaining: number, reset = resetAt) {
  server.use(
    http.get('*/api/status', () =>
      HttpResponse.json({
        mode: 'demo',
        providers: {
          braze: {
            configured: true,
            host: 'rest.demo-braze.test',
            rateLimit: {
              limit: 400,
              remaining,
              reserve: 40,
              resetAt: reset.toISOString(),
              observedAt: new Date(reset.getTime() - 20 * 60_000).toISOString(),
            },
          },
          commandersAct: { configured: true, host: 'api.demo-commanders-act.test', site: '1234' },
        },
      }),
    ),
  )
}

const scanCard = () => screen.getByRole('region', { name: /Details scan|Analyse des détails/ })

describe.each([
  {
    language: 'en',
    cost: `about ${braze.length + tracked} calls to Braze (${braze.length} for details, ${tracked} for sizes)`,
    left: '100 of 400 calls left, 40 kept in reserve',
    over: 'more than the budget allows',
  },
  {
    language: 'fr',
    cost: `environ ${braze.length + tracked} appels à Braze (${braze.length} pour les détails, ${tracked} pour les tailles)`,
    left: '100 appels restants sur 400, dont 40 gardés en réserve',
    over: 'plus que le quota ne permet',
  },
])('before a scan ($language)', ({ language, cost, left, over }) => {
  it('shows what the scan will cost in calls and the budget left, and warns when it needs more', async () => {
    await i18next.changeLanguage(language)
    statusWithBudget(100)
    renderApp('/audit')
    const card = await screen.findByRole('region', { name: /Details scan|Analyse des détails/ })
    expect(await within(card).findByText(new RegExp(cost.replace(/[()]/g, '\\$&')))).toBeInTheDocument()
    expect(await within(card).findByText(new RegExp(left))).toHaveTextContent(over)
  })
})

describe.each([
  {
    language: 'en',
    renewed:
      /Braze’s budget was renewed at \d{1,2}:\d{2}\s[AP]M: 400 calls, less any production has made since, 40 kept/,
  },
  {
    language: 'fr',
    renewed: /Le quota de Braze a été renouvelé à \d{2}:\d{2}\s: 400 appels, moins ceux que la production a faits/,
  },
])('past the reset ($language)', ({ language, renewed }) => {
  it('says the budget was renewed, not the calls left before the reset', async () => {
    await i18next.changeLanguage(language)
    // A scan stopped at the reserve before a reset 10 minutes ago: the server still has that reading.
    statusWithBudget(40, new Date(Date.now() - 10 * 60_000))
    renderApp('/audit')
    const card = await screen.findByRole('region', { name: /Details scan|Analyse des détails/ })
    const note = await within(card).findByText(renewed)
    expect(note).not.toHaveTextContent(/40 of 400 calls left|40 appels restants/)
    // What the scan costs fits the renewed budget (400 less the reserve): no wait is announced.
    expect(note).not.toHaveTextContent(/more than the budget allows|plus que le quota ne permet/)
  })
})

describe('while the Braze list is still arriving', () => {
  // More than one request's pages: the first request answers, the pages after it wait for the test.
  const bigger = createDemoHandlers({ brazeCount: 650, commandersActCount: 5 })
  const whole = listedSegments(bigger.data).filter((segment) => segment.provider === 'braze')
  const wholeTracked = whole.filter((segment) => segment.analyticsTracking === true).length

  /**
   * Renders the Audit page once the list's first request is in and the rest held: the list is partial. A scan's
   * details wait too, if asked, for as long as the test (a scan then stays under way, and is cancelled).
   */
  async function partialList({ holdDetails = false } = {}) {
    const rest = held()
    const never = held()
    server.use(
      http.get('*/api/braze/segments/:endpoint', async ({ request, params }) => {
        const page = Number(new URL(request.url).searchParams.get('page') ?? '0')
        if (params.endpoint === 'list' && page >= BRAZE_PAGES_PER_REQUEST) await rest.released
        if (params.endpoint === 'details' && holdDetails) await never.released
        return bigger.forwardToBraze(request)
      }),
    )
    statusWithBudget(4000)
    const { queryClient } = renderApp('/audit')
    await waitFor(() => expect(queryClient.getQueryData(brazeQueries.all().queryKey)?.length).toBeGreaterThan(0))
    return { card: await screen.findByRole('region', { name: 'Details scan' }), release: rest.release }
  }

  it('says a scan waits for the whole list rather than costing part of it, then costs all of it', async () => {
    const { card, release } = await partialList()
    await waitFor(() => expect(card).toHaveTextContent('Waiting for the Braze list…'))
    expect(card).not.toHaveTextContent(/calls? to Braze/)

    release()
    const count = (value: number) => value.toLocaleString('en')
    const cost =
      `about ${count(whole.length + wholeTracked)} calls to Braze ` +
      `(${whole.length} for details, ${wholeTracked} for sizes)`
    expect(await within(card).findByText(new RegExp(cost.replace(/[()]/g, '\\$&')))).toBeInTheDocument()
  })

  it('scans the whole list when started on part of it, saying it waits for the rest first', async () => {
    const { card, release } = await partialList({ holdDetails: true })
    const user = userEvent.setup()
    await user.click(within(card).getByRole('button', { name: 'Scan details' }))
    await waitFor(() => expect(within(card).getByRole('status')).toHaveTextContent(/^Waiting for the Braze list…$/))

    release()
    await waitFor(() => expect(within(card).getByRole('status')).toHaveTextContent(`0 of ${whole.length} fetched`))
    await user.click(within(card).getByRole('button', { name: 'Cancel' }))
  })
})

describe('in a new browser, on a team whose server keeps most of Braze’s answers', () => {
  // A colleague's scan two hours ago kept every segment's details and size but these three's (added since, say).
  const left = braze.slice(0, 3)
  const leftTracked = left.filter((segment) => segment.analyticsTracking === true).length

  async function colleagueScanned() {
    const { answers } = await testAuditStore()
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000)
    for (const segment of braze.slice(left.length)) {
      const details = { message: 'success', name: segment.name, tags: [], updated_at: '2025-06-01T12:00:00Z' }
      const path = `/api/braze/segments/details?segment_id=${segment.id}`
      await answers.keepAnswer(keptAnswerKey(path), JSON.stringify(details), twoHoursAgo)
      if (segment.analyticsTracking !== true) continue
      const series = { message: 'success', data: [{ time: '2026-01-01', size: 1234 }] }
      const seriesPath = `/api/braze/segments/data_series?segment_id=${segment.id}&length=${SIZE_SERIES_DAYS}`
      await answers.keepAnswer(keptAnswerKey(seriesPath), JSON.stringify(series), twoHoursAgo)
    }
  }

  it('counts only the calls Braze still has to answer, and the scan makes only those', async () => {
    await colleagueScanned()
    statusWithBudget(300)
    const { queryClient } = renderApp('/audit')
    // As the app does once the list is in (src/app/after-restore.ts): the answers the team's scans kept.
    await act(() => loadTeamDetails(queryClient))
    const card = await screen.findByRole('region', { name: 'Details scan' })
    const calls = `about ${left.length + leftTracked} calls to Braze (${left.length} for details, ${leftTracked} for sizes)`
    await waitFor(() => expect(card).toHaveTextContent(calls))

    const traffic = watchBraze(server, demo)
    await userEvent.setup().click(within(card).getByRole('button', { name: 'Scan details' }))
    const done = `Scan complete: ${left.length} of ${left.length} fetched, ${braze.length - left.length} already fresh`
    await waitFor(() => expect(within(card).getByRole('status')).toHaveTextContent(done), { timeout: 5000 })
    expect(sorted(idsOf(traffic, 'details'))).toEqual(sorted(left.map((segment) => segment.id)))
  })
})

describe('after a scan', () => {
  it('says a scan now would make no call, rather than "about 0 calls"', async () => {
    statusWithBudget(300)
    renderApp('/audit')
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Scan details' }))
    expect(
      await within(scanCard()).findByText(
        /details and sizes are up to date: a scan now makes no call to Braze/,
        {},
        {
          timeout: 5000,
        },
      ),
    ).toBeInTheDocument()
    expect(scanCard()).not.toHaveTextContent(/about 0 calls/)
  })
})

describe('during a scan', () => {
  it.each([
    // A reset 40 minutes away: the minute says when.
    { wait: 'long', seconds: 2_400, time: /\d{1,2}:\d{2}\s[AP]M/ },
    // A reset seconds away (a window of a minute, say): its seconds too.
    { wait: 'short', seconds: 30, time: /\d{1,2}:\d{2}:\d{2}\s[AP]M/ },
  ])(
    'says the budget left is down to the reserve and when it resumes ($wait wait), without counting a failure',
    async ({ seconds, time }) => {
      server.use(http.get('*/api/braze/segments/details', () => reserveHold(seconds)))
      renderApp('/audit')
      const user = userEvent.setup()
      await user.click(await screen.findByRole('button', { name: 'Scan details' }))
      const status = await within(scanCard()).findByText(
        /^Waiting until .* \(Braze’s budget left is down to the reserve kept for production\)/,
      )
      expect(status).toHaveAttribute('role', 'status')
      expect(status.textContent).toMatch(new RegExp(`^Waiting until ${time.source} \\(`))
      expect(status).not.toHaveTextContent(/hourly/i)
      expect(status).not.toHaveTextContent('failed')
      expect(within(scanCard()).queryByRole('alert')).not.toBeInTheDocument()
      await user.click(within(scanCard()).getByRole('button', { name: 'Cancel' }))
    },
  )

  it('still offers Pause and Cancel while it waits for the reset, Pause keeping the keyboard as the wait begins', async () => {
    // The scan runs, its first answers on their way, when the proxy starts holding the reserve.
    const { released, release } = held()
    server.use(
      http.get('*/api/braze/segments/details', async () => {
        await released
        return reserveHold(600)
      }),
    )
    renderApp('/audit')
    const user = userEvent.setup()
    await user.click(await within(scanCard()).findByRole('button', { name: 'Scan details' }))
    const pause = await within(scanCard()).findByRole('button', { name: 'Pause' })
    pause.focus()

    release()
    await within(scanCard()).findByText(/^Waiting until /)
    expect(within(scanCard()).getByRole('button', { name: 'Cancel' })).toBeEnabled()
    expect(within(scanCard()).getByRole('button', { name: 'Pause' })).toHaveFocus()

    // Paused while it waits: it stays paused past the reset, until Resume.
    await user.keyboard('{Enter}')
    expect(within(scanCard()).getByRole('status')).toHaveTextContent(/^Paused: /)
    await waitFor(() => expect(within(scanCard()).getByRole('button', { name: 'Resume' })).toHaveFocus())
    await user.click(within(scanCard()).getByRole('button', { name: 'Cancel' }))
  })

  it('stops at a permission the key lacks and names it', async () => {
    server.use(
      http.get('*/api/braze/segments/details', () =>
        HttpResponse.json(
          {
            error: 'permission_denied',
            provider: 'braze',
            status: 403,
            message: 'Access Denied',
            permission: 'segments.details',
          },
          { status: 403 },
        ),
      ),
    )
    renderApp('/audit')
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Scan details' }))
    const alert = await within(scanCard()).findByRole('alert')
    expect(within(alert).getByText('Scan stopped')).toBeInTheDocument()
    expect(alert).toHaveTextContent(
      'Braze’s API key lacks a permission. Give the key the segments.details permission in Braze',
    )
    expect(alert).not.toHaveTextContent('HTTP')
  })

  // French puts no capital after a colon: the scan's state and the error are whole sentences of their own, not one
  // glued to the other ("Analyse arrêtée : Il manque…").
  it('says in French sentences that read, then and after a reload, that the scan stopped', async () => {
    server.use(
      http.get('*/api/braze/segments/details', () =>
        HttpResponse.json(
          { error: 'permission_denied', provider: 'braze', status: 403, permission: 'segments.details' },
          { status: 403 },
        ),
      ),
    )
    await i18next.changeLanguage('fr')
    const view = renderApp('/audit')
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Analyser les détails' }))
    const alert = await within(scanCard()).findByRole('alert')
    expect(within(alert).getByText('Analyse arrêtée')).toBeInTheDocument()
    expect(alert).toHaveTextContent(
      'Il manque un droit à la clé d’API Braze. Donnez à la clé le droit segments.details',
    )
    expect(alert).not.toHaveTextContent(/:\s*Il manque/)
    view.unmount()

    renderApp('/audit')
    expect(
      await within(scanCard()).findByText(
        /^Dernière analyse \(gardée dans ce navigateur\) arrêtée par une erreur le .*2\d{3}.*\. Il manque un droit à la clé d’API Braze\. Donnez/,
      ),
    ).toBeInTheDocument()
  })

  it('says in French that the scan needs the Braze list, and why, in sentences that read', async () => {
    server.use(
      http.get('*/api/braze/segments/list', () =>
        HttpResponse.json(
          { error: 'permission_denied', provider: 'braze', status: 403, permission: 'segments.list' },
          { status: 403 },
        ),
      ),
    )
    await i18next.changeLanguage('fr')
    renderApp('/audit')
    const note = await within(scanCard()).findByRole('note', {}, { timeout: 5000 })
    expect(within(note).getByText('L’analyse a besoin de la liste Braze')).toBeInTheDocument()
    expect(note).toHaveTextContent('Il manque un droit à la clé d’API Braze. Donnez à la clé le droit segments.list')
    expect(note).not.toHaveTextContent(/:\s*Il manque/)
  })
})
