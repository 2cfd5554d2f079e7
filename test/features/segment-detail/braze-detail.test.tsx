// @vitest-environment jsdom
// The Braze segment page as a person reads it: what Braze says, what it leaves out, and what happens when it fails; and
// the segment pages in English and French (headings, dates and ages, numbers in the size chart, verdicts). Text with a
// narrow no-break space is checked on textContent: Testing Library's matchers fold it into a plain space.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { onlineManager } from '@tanstack/react-query'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DemoBrazeSegment } from '../../../src/server/demo/data'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { appServerRestarting } from '../../msw/app-server-restart'
import { advanceWhile } from '../../fake-time'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 120, commandersActCount: 25 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

function brazeSegment(index: number): DemoBrazeSegment {
  const segment = demo.data.braze[index]
  if (!segment) throw new Error(`no demo Braze segment at index ${index}`)
  return segment
}

const ORDINARY = brazeSegment(0)
// See src/server/demo/braze-data.ts (FORCED_NAMES, FORCED_FIELDS) for these placements.
const HTML_NAMED = brazeSegment(5)
const NO_TEXT_NO_TEAMS = brazeSegment(6)
const NULL_TEXT = brazeSegment(7)
const EMPTY_TEXT = brazeSegment(9)
const TRACKING_OFF = brazeSegment(12)
const TEXT_WITH_URL = brazeSegment(15)

const pathOf = (segment: DemoBrazeSegment) => `/segments/braze/${segment.id}`
const region = (name: string) => screen.getByRole('region', { name })
const mediumDate = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(Date.parse(iso))

/** The value next to a label in the Details list. */
function fact(label: string): HTMLElement {
  const term = within(region('Details')).getByText(label, { selector: 'dt' })
  const value = term.nextElementSibling
  if (!(value instanceof HTMLElement)) throw new Error(`no value for ${label}`)
  return value
}

/** Details have arrived once the Filters section shows Braze's filter text. */
async function waitForDetails(segment: DemoBrazeSegment) {
  await waitFor(() => expect(region('Filters').querySelector('pre')).not.toBeNull(), { timeout: 5000 })
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(segment.name)
}

/** Counts the size-history requests while still answering them as the demo proxy does. */
function countDataSeriesRequests(): { count: number } {
  const counter = { count: 0 }
  server.use(
    http.get('*/api/braze/segments/data_series', ({ request }) => {
      counter.count += 1
      return demo.forwardToBraze(request)
    }),
  )
  return counter
}

/** Answers the details of one segment with a changed body; everything else goes to the demo proxy. */
function overrideDetails(id: string, change: Record<string, unknown>) {
  server.use(
    http.get('*/api/braze/segments/details', async ({ request }) => {
      const answer = await demo.forwardToBraze(request)
      if (new URL(request.url).searchParams.get('segment_id') !== id) return answer
      return HttpResponse.json({ ...((await answer.json()) as Record<string, unknown>), ...change })
    }),
  )
}

/** Details refused as the proxy says it for a key without segments.details (DEMO_FAIL=permission). */
function refuseDetails() {
  server.use(
    http.get('*/api/braze/segments/details', () =>
      HttpResponse.json(
        { error: 'permission_denied', provider: 'braze', status: 403, permission: 'segments.details' },
        { status: 403 },
      ),
    ),
  )
}

/** Braze refuses the size series (the key lacks its permission) until `heal()`. */
function sizeSeriesRefused() {
  let failing = true
  server.use(
    http.get('*/api/braze/segments/data_series', ({ request }) =>
      failing
        ? HttpResponse.json(
            { error: 'permission_denied', provider: 'braze', status: 403, permission: 'segments.data_series' },
            { status: 403 },
          )
        : demo.forwardToBraze(request),
    ),
  )
  return { heal: () => void (failing = false) }
}

describe('Braze segment detail', () => {
  it('shows the name, ID, descriptions, tags, teams, dates, tracking and size of a complete segment', async () => {
    const user = userEvent.setup()
    const series = countDataSeriesRequests()
    renderApp(pathOf(ORDINARY))
    await waitForDetails(ORDINARY)

    expect(screen.getByRole('heading', { level: 1, name: ORDINARY.name })).toBeInTheDocument()
    expect(document.title).toBe(`${ORDINARY.name} — Segment Audit`)
    expect(screen.getByText(ORDINARY.id, { selector: 'code' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Copy ID' }))
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument()
    await expect(navigator.clipboard.readText()).resolves.toBe(ORDINARY.id)

    expect(region('Description')).toHaveTextContent(ORDINARY.textDescription ?? '')
    expect(within(region('Description')).queryByText('No description')).not.toBeInTheDocument()
    // Braze's filter text keeps its line breaks.
    const filters = region('Filters').querySelector('pre')
    expect(filters?.textContent).toBe(ORDINARY.description)
    expect(ORDINARY.description).toContain('\n')

    expect(
      within(fact('Tags'))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(ORDINARY.tags)
    expect(
      within(fact('Teams'))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(ORDINARY.teams)
    for (const [label, iso] of [
      ['Created', ORDINARY.createdAt],
      ['Last updated', ORDINARY.updatedAt],
    ] as const) {
      const time = within(fact(label)).getByText(mediumDate(iso), { exact: false })
      expect(time).toHaveAttribute('datetime', iso)
      expect(time).toHaveTextContent(/\((\d+ \w+ ago|last \w+|yesterday)\)$/)
    }
    await waitFor(() => expect(fact('Analytics tracking')).toHaveTextContent('On'))

    const chart = await within(region('Size, last 30 days')).findByRole(
      'img',
      { name: /^Estimated size from/ },
      { timeout: 5000 },
    )
    expect(chart).toBeInTheDocument()
    expect(series.count).toBe(1)
  })

  it.each([
    ['omitted', NO_TEXT_NO_TEAMS],
    ['null', NULL_TEXT],
    ['empty', EMPTY_TEXT],
  ])('flags "No description" when the text description is %s', async (_, segment) => {
    renderApp(pathOf(segment))
    await waitForDetails(segment)
    expect(within(region('Description')).getByText('No description')).toBeInTheDocument()
  })

  it('says teams are not given when the workspace omits them', async () => {
    renderApp(pathOf(NO_TEXT_NO_TEAMS))
    await waitForDetails(NO_TEXT_NO_TEAMS)
    expect(fact('Teams')).toHaveTextContent('Not given by this workspace')
    expect(within(fact('Teams')).queryByRole('listitem')).not.toBeInTheDocument()
  })

  it('says tracking is off and asks Braze for no size history', async () => {
    const series = countDataSeriesRequests()
    renderApp(pathOf(TRACKING_OFF))
    await waitForDetails(TRACKING_OFF)
    await waitFor(() => expect(fact('Analytics tracking')).toHaveTextContent('Off'))
    expect(region('Size, last 30 days')).toHaveTextContent('Analytics tracking is off')
    expect(within(region('Size, last 30 days')).queryByRole('img')).not.toBeInTheDocument()
    expect(series.count).toBe(0)
  })

  it('says so when the segment does not exist, with a way back', async () => {
    renderApp('/segments/braze/00000000-0000-4000-8000-000000000000')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Segment not found' }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(screen.getByText('00000000-0000-4000-8000-000000000000')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to the segments' })).toHaveAttribute('href', '/')
    expect(document.title).toBe('Segment not found — Segment Audit')
  })

  it('shows an alert with Retry when Braze keeps failing, and Retry asks again', async () => {
    // The client retries 5xx with backoff; fake timers let the test skip the waits.
    vi.useFakeTimers({ shouldAdvanceTime: true })
    let failing = true
    let requests = 0
    server.use(
      http.get('*/api/braze/segments/details', ({ request }) => {
        requests += 1
        return failing ? HttpResponse.json({ message: 'boom' }, { status: 500 }) : demo.forwardToBraze(request)
      }),
    )
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    renderApp(pathOf(ORDINARY))
    await advanceWhile(() => !screen.queryByRole('alert'), 30)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Braze had a server error')
    expect(region('Description')).not.toHaveTextContent(ORDINARY.textDescription ?? '')

    const before = requests
    failing = false
    await user.click(within(alert).getByRole('button', { name: 'Retry the details' }))
    await waitFor(() => expect(region('Description')).toHaveTextContent(ORDINARY.textDescription ?? ''))
    expect(requests).toBe(before + 1)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    // The alert and its button went away: the keyboard goes on to what came instead, not to the page's top.
    expect(screen.getByRole('heading', { level: 2, name: 'Description' })).toHaveFocus()
  })

  it('keeps the keyboard when Retry brings the size history: it goes on to the size section', async () => {
    const series = sizeSeriesRefused()
    const user = userEvent.setup()
    renderApp(pathOf(ORDINARY))
    const size = region('Size, last 30 days')
    const retry = await within(size).findByRole('button', { name: 'Retry the size history' }, { timeout: 5000 })
    series.heal()
    retry.focus()
    await user.keyboard('{Enter}')
    expect(
      await within(size).findByRole('img', { name: /^Estimated size from/ }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(within(size).getByRole('heading', { level: 2 })).toHaveFocus()
  })

  it('leaves the keyboard where it is when a failure clears while it was elsewhere', async () => {
    const series = sizeSeriesRefused()
    const user = userEvent.setup()
    renderApp(pathOf(ORDINARY))
    const size = region('Size, last 30 days')
    await user.click(await within(size).findByRole('button', { name: 'Retry the size history' }, { timeout: 5000 }))
    // Still failing: the button stays, and the keyboard with it.
    await waitFor(() => expect(within(size).getByRole('button', { name: 'Retry the size history' })).toHaveFocus())
    const copy = screen.getByRole('button', { name: 'Copy ID' })
    copy.focus()
    series.heal()
    await user.click(within(size).getByRole('button', { name: 'Retry the size history' }))
    copy.focus()
    expect(
      await within(size).findByRole('img', { name: /^Estimated size from/ }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(copy).toHaveFocus()
  })

  it('says the app’s own server did not answer, not Braze, when the page cannot reach it (a restart)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    server.use(http.get('*/api/braze/segments/details', () => HttpResponse.error()))
    renderApp(pathOf(ORDINARY))
    await advanceWhile(() => !screen.queryByRole('alert'), 30)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('The app’s server could not be reached')
    expect(alert).toHaveTextContent('It may be restarting, or this computer is offline: retry in a moment.')
    expect(alert).not.toHaveTextContent(/Braze|endpoint/)
  })

  it('says the app’s server could not be reached while the browser is offline, not a page loading for ever', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    // The laptop's Wi-Fi dropped: the browser says it is offline, and no request reaches the server.
    onlineManager.setOnline(false)
    try {
      server.use(http.all('*/api/*', () => HttpResponse.error()))
      renderApp(pathOf(ORDINARY))
      await advanceWhile(() => !screen.queryByRole('alert'), 30)
      const alert = screen.getByRole('alert')
      expect(alert).toHaveTextContent('The app’s server could not be reached')
      expect(alert).toHaveTextContent('It may be restarting, or this computer is offline: retry in a moment.')
    } finally {
      onlineManager.setOnline(true)
    }
  })

  it('shows the details by itself once the app’s server answers again, without Retry pressed', async () => {
    const restart = appServerRestarting(server, '*/api/braze/segments/details')
    renderApp(pathOf(ORDINARY))
    expect(await restart.alert()).toHaveTextContent('The app’s server could not be reached')
    await restart.back()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    await waitFor(() => expect(region('Description')).toHaveTextContent(ORDINARY.textDescription ?? ''))
  })

  it('asks again at the audit’s next answer a failure shown once the server already answers again', async () => {
    // The failure's alert can only show once the server is back (its code loads on demand): the poll never failed
    // in the page's sight.
    vi.useFakeTimers({ shouldAdvanceTime: true })
    let failing = true
    server.use(
      http.get('*/api/braze/segments/details', ({ request }) =>
        failing ? HttpResponse.error() : demo.forwardToBraze(request),
      ),
    )
    renderApp(pathOf(ORDINARY))
    await advanceWhile(() => !screen.queryByRole('alert'), 30)
    expect(screen.getByRole('alert')).toHaveTextContent('The app’s server could not be reached')

    failing = false
    await vi.advanceTimersByTimeAsync(3000)
    await waitFor(() => expect(region('Description')).toHaveTextContent(ORDINARY.textDescription ?? ''))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('says Braze could not be reached when the app’s server answers that it could not reach Braze', async () => {
    server.use(
      http.get('*/api/braze/segments/details', () =>
        HttpResponse.json({ error: 'upstream_unreachable' }, { status: 502 }),
      ),
    )
    renderApp(pathOf(ORDINARY))
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent('Braze could not be reached')
    expect(alert).toHaveTextContent(
      'On the server, check its network access and BRAZE_REST_ENDPOINT (in .env.local or the environment), then restart.',
    )
  })

  it('says once what to set when Braze is not configured, with no Retry that could not help', async () => {
    // Every call to Braze, as the proxy answers it on a server without Braze's variables (a Commanders Act-only team).
    server.use(
      http.get('*/api/braze/*', () =>
        HttpResponse.json(
          {
            error: 'not_configured',
            provider: 'braze',
            missing: ['BRAZE_REST_ENDPOINT', 'BRAZE_API_KEY'],
            invalid: [],
          },
          { status: 503 },
        ),
      ),
    )
    renderApp(pathOf(ORDINARY))
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent('Braze is not configured')
    expect(alert).toHaveTextContent(
      'On the server, set BRAZE_REST_ENDPOINT and BRAZE_API_KEY (in .env.local or the environment), then restart.',
    )
    const size = region('Size, last 30 days')
    await waitFor(() => expect(size).toHaveTextContent('Not available: Braze is not configured.'))
    expect(screen.getAllByRole('alert')).toEqual([alert])
    expect(screen.queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument()
  })

  it('claims nothing about the description when the details could not be loaded', async () => {
    server.use(
      http.get('*/api/braze/segments/details', () =>
        HttpResponse.json({ message: 'Invalid API key' }, { status: 401 }),
      ),
    )
    renderApp(pathOf(ORDINARY))
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent('Braze rejected the credentials')
    expect(within(region('Description')).getByText(/could not be loaded/)).toBeInTheDocument()
    expect(screen.queryByText('No description')).not.toBeInTheDocument()
    expect(screen.queryByText(/gave no filter description/)).not.toBeInTheDocument()
  })

  it('says the teams and dates are not available once the details were refused, instead of loading forever', async () => {
    refuseDetails()
    renderApp(pathOf(ORDINARY))
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(/permission/)
    // The list still gives the tags.
    await waitFor(() => expect(within(fact('Tags')).getAllByRole('listitem')).toHaveLength(ORDINARY.tags?.length ?? 0))
    for (const label of ['Teams', 'Created', 'Last updated']) expect(fact(label)).toHaveTextContent('Not available')
  })

  it('says the tags are not available when neither the details nor the list give them', async () => {
    refuseDetails()
    renderApp(pathOf({ ...ORDINARY, id: '0f0f0f0f-aaaa-4bbb-8ccc-0123456789ab' }))
    await waitFor(() => expect(fact('Analytics tracking')).toHaveTextContent('Unknown'), { timeout: 5000 })
    expect(fact('Tags')).toHaveTextContent('Not available')
  })

  it('says tracking is unknown for a segment the list does not hold (archived), instead of loading forever', async () => {
    const archived = { ...ORDINARY, id: '0f0f0f0f-aaaa-4bbb-8ccc-0123456789ab' }
    server.use(
      http.get('*/api/braze/segments/details', ({ request }) =>
        new URL(request.url).searchParams.get('segment_id') === archived.id
          ? HttpResponse.json({
              message: 'success',
              name: 'Archived winter promo',
              description: 'Users who: -',
              tags: [],
            })
          : demo.forwardToBraze(request),
      ),
    )
    renderApp(pathOf(archived))
    await waitFor(
      () => expect(within(region('Size, last 30 days')).getByText(/does not include this segment/)).toBeInTheDocument(),
      { timeout: 5000 },
    )
    expect(fact('Analytics tracking')).toHaveTextContent('Unknown')
  })

  it('offers Retry in the size section when the Braze list failed', async () => {
    server.use(
      http.get('*/api/braze/segments/list', () => HttpResponse.json({ message: 'Invalid API key' }, { status: 401 })),
    )
    renderApp(pathOf(ORDINARY))
    const section = region('Size, last 30 days')
    await waitFor(
      () => expect(within(section).getByRole('alert')).toHaveTextContent('Braze rejected the credentials'),
      { timeout: 5000 },
    )
    expect(within(section).getByRole('button', { name: 'Retry the segment list' })).toBeInTheDocument()
  })

  it('renders a name that looks like HTML as text, creating no image', async () => {
    renderApp(pathOf(HTML_NAMED))
    await waitForDetails(HTML_NAMED)
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('<img src=x onerror=alert(1)>')
    expect(document.title).toBe('<img src=x onerror=alert(1)> — Segment Audit')
    expect(screen.getByRole('main').querySelector('img')).toBeNull()
  })

  it('turns an https URL in the description into a link', async () => {
    renderApp(pathOf(TEXT_WITH_URL))
    await waitForDetails(TEXT_WITH_URL)
    const link = within(region('Description')).getByRole('link', { name: 'https://wiki.example.com/crm/briefs/1234' })
    expect(link).toHaveAttribute('href', 'https://wiki.example.com/crm/briefs/1234')
    expect(region('Description')).toHaveTextContent(TEXT_WITH_URL.textDescription ?? '')
  })

  it('never turns javascript: text into a link', async () => {
    const text = 'Click javascript:alert(document.cookie) or JavaScript:void(0), see https://docs.example.com/a.'
    overrideDetails(ORDINARY.id, { text_description: text })
    renderApp(pathOf(ORDINARY))
    await waitForDetails(ORDINARY)
    const description = region('Description')
    expect(description).toHaveTextContent(text)
    const links = within(description).getAllByRole('link')
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://docs.example.com/a'])
    expect(document.querySelector('a[href^="javascript" i]')).toBeNull()
  })
})

const LANGUAGES = [
  {
    language: 'en',
    details: 'Details',
    filters: 'Filters',
    copyId: 'Copy ID',
    filtersIntro: 'Braze’s own description of the segment’s filters.',
    noDescription: 'No description',
    created: ['Created', 'Mar 12, 2024 (3 years ago)'],
    updated: ['Last updated', 'Aug 1, 2026 (3 months ago)', 'Aug 1, 2026'],
    tracking: ['Analytics tracking', 'On'],
    size: 'Size, last 30 days',
    chart: 'Estimated size from 12,345 on Oct 2, 2026 to 23,456 on Oct 31, 2026',
    latest: '23,456',
    change: 'users on Oct 31, 2026 · +11,111 (+90%) over 30 days',
    verdicts: ['Keep', 'Fix', 'Archive', 'Unreviewed'],
    hint: 'Reviewing as Camille. Keys 1, 2, 3 set Keep, Fix, Archive, 0 sets it back; j and k',
    saved: 'Saved',
    byline: [/^Archive — by Camille,/, 'Nov 1, 2026'],
    askName: [
      'To change the verdict or the note, give your name: it is recorded with each change.',
      'Your name',
      'Start reviewing',
    ],
    label: 'Label',
    commandersActGivesLess: 'Commanders Act exposes no description, tags or dates for segments:',
    notFound: ['Segment not found', /^Commanders Act has no segment with the ID/, 'Back to the segments'],
    nameUnavailable: 'Name not available',
    refused: 'Braze rejected the credentials',
    retry: { details: 'Retry the details', size: 'Retry the size history', list: 'Retry the segment list' },
  },
  {
    language: 'fr',
    details: 'Détails',
    filters: 'Filtres',
    copyId: 'Copier l’ID',
    filtersIntro: 'La description que Braze donne des filtres du segment.',
    noDescription: 'Aucune description',
    created: ['Créé', '12 mars 2024 (il y a 3 ans)'],
    updated: ['Mis à jour', '1 août 2026 (il y a 3 mois)', '1 août 2026'],
    tracking: ['Suivi analytique', 'Activé'],
    size: 'Taille sur les 30 derniers jours',
    chart: 'Taille estimée de 12\u202f345 le 2 oct. 2026 à 23\u202f456 le 31 oct. 2026',
    latest: '23\u202f456',
    // Intl writes a no-break space before the percent sign, a narrow one between thousands.
    change: 'utilisateurs le 31 oct. 2026 · +11\u202f111 (+90\u00a0%) sur 30 jours',
    verdicts: ['Garder', 'Corriger', 'Archiver', 'Non revu'],
    hint: 'Revue au nom de Camille. Les touches 1, 2, 3 choisissent Garder, Corriger, Archiver, 0 remet en Non revu\u202f; j et k',
    saved: 'Enregistré',
    byline: [/^Archiver — par Camille,/, '1 nov. 2026'],
    askName: [
      'Pour modifier le verdict ou la note, indiquez votre nom\u202f: il est enregistré avec chaque modification.',
      'Votre nom',
      'Commencer la revue',
    ],
    label: 'Libellé',
    commandersActGivesLess: 'Commanders Act ne fournit ni description, ni tags, ni dates pour les segments\u202f:',
    notFound: ['Segment introuvable', /^Commanders Act n’a aucun segment avec l’ID/, 'Retour aux segments'],
    nameUnavailable: 'Nom indisponible',
    refused: 'Braze a refusé les identifiants',
    retry: {
      details: 'Réessayer les détails',
      size: 'Réessayer l’historique de taille',
      list: 'Réessayer la liste des segments',
    },
  },
] as const

describe.each(LANGUAGES)('Segment pages ($language)', (text) => {
  const REVIEWER_KEY = 'segment-audit:reviewer:v1'
  const COMMANDERS_ACT_SEGMENT = demo.data.commandersAct[0] ?? { id: '', label: '' }

  beforeEach(async () => {
    // Only Date is faked: "now" is fixed for the ages, while timers, IndexedDB and MSW run as usual.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-01T12:00:00.000Z') })
    await i18next.changeLanguage(text.language)
    overrideDetails(ORDINARY.id, { created_at: '2024-03-12T12:00:00.000Z', updated_at: '2026-08-01T12:00:00.000Z' })
    server.use(
      http.get('*/api/braze/segments/data_series', () =>
        HttpResponse.json({
          message: 'success',
          data: [
            { time: '2026-10-02', size: 12345 },
            { time: '2026-10-15', size: 18000 },
            { time: '2026-10-31', size: 23456 },
          ],
        }),
      ),
    )
  })

  /** The value next to a label in the details list. */
  function factOf(label: string): HTMLElement {
    const value = within(region(text.details)).getByText(label, { selector: 'dt' }).nextElementSibling
    if (!(value instanceof HTMLElement)) throw new Error(`no value for ${label}`)
    return value
  }

  it('shows a Braze segment with its headings, dates, ages, numbers and verdicts', async () => {
    localStorage.setItem(REVIEWER_KEY, 'Camille')
    const user = userEvent.setup()
    renderApp(pathOf(ORDINARY))
    await waitFor(() => expect(region(text.filters).querySelector('pre')).not.toBeNull(), { timeout: 5000 })

    expect(screen.getByRole('heading', { level: 1, name: ORDINARY.name })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: text.copyId })).toBeInTheDocument()
    expect(within(region(text.filters)).getByText(text.filtersIntro)).toBeInTheDocument()
    expect(screen.queryByText(text.noDescription)).not.toBeInTheDocument()

    expect(factOf(text.created[0])).toHaveTextContent(text.created[1])
    expect(factOf(text.updated[0])).toHaveTextContent(text.updated[1])
    expect(within(factOf(text.updated[0])).getByText(text.updated[2], { exact: false })).toHaveAttribute(
      'datetime',
      '2026-08-01T12:00:00.000Z',
    )
    await waitFor(() => expect(factOf(text.tracking[0])).toHaveTextContent(text.tracking[1]))

    const size = region(text.size)
    expect(await within(size).findByRole('img', { name: text.chart }, { timeout: 5000 })).toBeInTheDocument()
    expect(size.querySelector('.size-latest')?.textContent).toBe(text.latest)
    expect(size.textContent).toContain(text.change)

    const verdicts = within(region('Audit')).getByRole('radiogroup', { name: 'Verdict' })
    expect(
      within(verdicts)
        .getAllByRole('radio')
        .map((radio) => radio.closest('label')?.textContent?.replace(/\d$/, '')),
    ).toEqual(text.verdicts)
    expect(within(verdicts).getByRole('radio', { name: text.verdicts[3] })).toBeChecked()
    expect(region('Audit').textContent).toContain(text.hint)

    await user.click(within(verdicts).getByRole('radio', { name: text.verdicts[2] }))
    await waitFor(() => expect(within(region('Audit')).getByRole('status')).toHaveTextContent(text.saved))
    expect(within(region('Audit')).getByText(text.byline[0])).toHaveTextContent(text.byline[1])
    expect(within(region('Audit')).getByRole('textbox', { name: 'Note' })).toBeInTheDocument()
  })

  it('asks who is reviewing', async () => {
    renderApp(pathOf(ORDINARY))
    const form = await screen.findByRole('form', { name: text.askName[0] }, { timeout: 5000 })
    expect(region('Audit')).toContainElement(form)
    expect(within(form).getByRole('textbox', { name: text.askName[1] })).toBeInTheDocument()
    expect(within(form).getByRole('button', { name: text.askName[2] })).toBeDisabled()
  })

  it('says that Commanders Act exposes no description or tags', async () => {
    renderApp(`/segments/commanders-act/${COMMANDERS_ACT_SEGMENT.id}`)
    expect(
      await screen.findByRole('heading', { level: 1, name: COMMANDERS_ACT_SEGMENT.label }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(factOf(text.label)).toHaveTextContent(COMMANDERS_ACT_SEGMENT.label)
    expect(region(text.details).textContent).toContain(text.commandersActGivesLess)
  })

  it('says the name is not available once the Braze list and the details both failed, beside the error', async () => {
    const refused = () => HttpResponse.json({ message: 'Invalid API key' }, { status: 401 })
    server.use(http.get('*/api/braze/segments/list', refused), http.get('*/api/braze/segments/details', refused))
    renderApp(pathOf(ORDINARY))
    expect(
      await screen.findByRole('heading', { level: 1, name: text.nameUnavailable }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(screen.getAllByRole('alert')[0]).toHaveTextContent(text.refused)
    // The tab is told apart by the segment's id.
    expect(document.title).toBe(`${ORDINARY.id} — Segment Audit`)
    // Two Retry buttons, each naming what it asks again: the details, and the list the size section needs.
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2))
    expect(screen.getByRole('button', { name: text.retry.details })).toBeVisible()
    expect(within(region(text.size)).getByRole('button', { name: text.retry.list })).toBeVisible()
  })

  it('says the name is not available when the Braze list gave none for the segment and its details failed', async () => {
    // Its list row came without a name (a malformed answer), and its details are refused.
    server.use(
      http.get('*/api/braze/segments/list', async ({ request }) => {
        const answer = await demo.forwardToBraze(request)
        const body = (await answer.json()) as { segments: Record<string, unknown>[] }
        body.segments = body.segments.map((row) => (row.id === ORDINARY.id ? { ...row, name: undefined } : row))
        return HttpResponse.json(body)
      }),
      http.get('*/api/braze/segments/details', () =>
        HttpResponse.json(
          { error: 'permission_denied', provider: 'braze', status: 403, permission: 'segments.details' },
          { status: 403 },
        ),
      ),
    )
    renderApp(pathOf(ORDINARY))
    expect(
      await screen.findByRole('heading', { level: 1, name: text.nameUnavailable }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(document.title).toBe(`${ORDINARY.id} — Segment Audit`)
  })

  it('names what each Retry asks again when the details and the size history both failed', async () => {
    const denied = (permission: string) => () =>
      HttpResponse.json({ error: 'permission_denied', provider: 'braze', status: 403, permission }, { status: 403 })
    server.use(
      http.get('*/api/braze/segments/details', denied('segments.details')),
      http.get('*/api/braze/segments/data_series', denied('segments.data_series')),
    )
    renderApp(pathOf(ORDINARY))
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2), { timeout: 5000 })
    const [pageAlert, sizeAlert] = screen.getAllByRole('alert')
    if (!pageAlert || !sizeAlert) throw new Error('no alerts')
    // One button each, told apart by what it retries (a screen reader heard "Retry, button" twice).
    expect(within(pageAlert).getByRole('button', { name: text.retry.details })).toBeVisible()
    expect(within(sizeAlert).getByRole('button', { name: text.retry.size })).toBeVisible()
    expect(region(text.size)).toContainElement(sizeAlert)
  })

  it('says the name is not available once the Commanders Act list failed', async () => {
    server.use(
      http.get('*/api/commanders-act/segments/list', () => HttpResponse.json({ message: 'boom' }, { status: 401 })),
    )
    renderApp(`/segments/commanders-act/${COMMANDERS_ACT_SEGMENT.id}`)
    expect(
      await screen.findByRole('heading', { level: 1, name: text.nameUnavailable }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(screen.getByRole('alert')).toBeInTheDocument()
  })

  it('says that a segment is not found, with a way back', async () => {
    renderApp('/segments/commanders-act/DEADBEEF')
    expect(await screen.findByRole('heading', { name: text.notFound[0] }, { timeout: 5000 })).toBeInTheDocument()
    expect(screen.getByText(text.notFound[1])).toHaveTextContent('DEADBEEF')
    expect(screen.getByRole('link', { name: text.notFound[2] })).toHaveAttribute('href', '/')
    expect(document.title).toBe(`${text.notFound[0]} — Segment Audit`)
  })
})
