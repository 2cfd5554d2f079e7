// @vitest-environment jsdom
// Visitor lookup: a tcid is checked before any request, its segments are listed by label, and failures name the
// provider. What a person reads is checked in English and in French; text with a narrow no-break space (French
// thousands) is checked on textContent, as Testing Library's matchers fold it into a plain space.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { demoVisitorSegmentIds } from '../../../src/server/demo/commanders-act-fake'
import { appServerRestarting } from '../../msw/app-server-restart'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 120, commandersActCount: 25 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const KNOWN = demo.data.commandersAct[0] ?? { id: '', label: '' }
const labelOf = (id: string) => demo.data.commandersAct.find((segment) => segment.id === id)?.label

const LANGUAGES = [
  {
    language: 'en',
    field: 'Visitor ID (tcid)',
    lookUpButton: 'Look up',
    heading: 'Visitor lookup',
    invalid: 'A visitor ID (tcid) is made of digits only, e.g. 1234567890.',
    empty: 'Enter a visitor ID (tcid): its digits, e.g. 1234567890.',
    tooLong: 'A visitor ID (tcid) has at most 32 digits; this one has 60.',
    visitor: 'Visitor',
    inTwo: 'In 2 Commanders Act segments.',
    inOne: 'In 1 Commanders Act segment.',
    inThousands: 'In 1,234 Commanders Act segments.',
    inNone: 'This visitor is in no Commanders Act segment.',
    notListed: /^Not in the segment list/,
  },
  {
    language: 'fr',
    field: 'ID visiteur (tcid)',
    lookUpButton: 'Rechercher',
    heading: 'Recherche de visiteur',
    invalid: 'Un ID visiteur (tcid) ne contient que des chiffres, par exemple 1234567890.',
    empty: 'Saisissez un ID visiteur (tcid)\u202f: ses chiffres, par exemple 1234567890.',
    tooLong: 'Un ID visiteur (tcid) a au plus 32 chiffres\u202f; celui-ci en a 60.',
    visitor: 'Visiteur',
    inTwo: 'Dans 2 segments Commanders Act.',
    inOne: 'Dans 1 segment Commanders Act.',
    inThousands: 'Dans 1\u202f234 segments Commanders Act.',
    inNone: 'Ce visiteur n’appartient à aucun segment Commanders Act.',
    notListed: /^Absent de la liste des segments/,
  },
] as const

type Texts = (typeof LANGUAGES)[number]

const tcidField = (text: Texts) => screen.getByRole('textbox', { name: text.field })

// The user types without a pause between keys (delay: null): each pause is a turn of the event loop, which ~100 digits
// typed in a test made ~0.6 s of waiting. The field reads what was typed only when the lookup is asked for.
async function lookUp(user: ReturnType<typeof userEvent.setup>, text: Texts, tcid: string) {
  await user.clear(tcidField(text))
  await user.type(tcidField(text), tcid)
  await user.click(screen.getByRole('button', { name: text.lookUpButton }))
}

/** Answers the visitor lookup with fixed ids and counts the requests. */
function answerVisitor(segmentIds: string[]): { count: number } {
  const counter = { count: 0 }
  server.use(
    http.get('*/api/commanders-act/segments', () => {
      counter.count += 1
      return HttpResponse.json({ segmentIds })
    }),
  )
  return counter
}

describe.each(LANGUAGES)('Visitor lookup ($language)', (text) => {
  beforeEach(async () => {
    await i18next.changeLanguage(text.language)
  })

  it('refuses a tcid that is not digits, saying why, without asking Commanders Act', async () => {
    const visitor = answerVisitor([KNOWN.id])
    const user = userEvent.setup({ delay: null })
    const { currentSearch } = renderApp('/visitor')
    expect(await screen.findByRole('heading', { level: 1, name: text.heading })).toBeInTheDocument()
    expect(document.title).toBe(`${text.heading} — Segment Audit`)
    await lookUp(user, text, '12ab')
    expect(tcidField(text)).toHaveAttribute('aria-invalid', 'true')
    expect(tcidField(text)).toHaveAccessibleDescription(text.invalid)
    expect(currentSearch().get('tcid')).toBeNull()
    expect(screen.queryByRole('heading', { name: `${text.visitor} 12ab` })).not.toBeInTheDocument()
    expect(visitor.count).toBe(0)
  })

  it('refuses a tcid of digits that is too long, saying so, and looks up the longest accepted', async () => {
    const visitor = answerVisitor([KNOWN.id])
    const user = userEvent.setup({ delay: null })
    const { currentSearch } = renderApp('/visitor')
    await lookUp(user, text, '1'.repeat(60))
    expect(tcidField(text)).toHaveAttribute('aria-invalid', 'true')
    expect(tcidField(text)).toHaveAccessibleDescription(text.tooLong)
    expect(currentSearch().get('tcid')).toBeNull()
    expect(visitor.count).toBe(0)

    await lookUp(user, text, '1'.repeat(32))
    expect(await screen.findByRole('heading', { name: `${text.visitor} ${'1'.repeat(32)}` })).toBeInTheDocument()
    expect(tcidField(text)).not.toHaveAttribute('aria-invalid', 'true')
  })

  it('asks for an ID when none is given, without asking Commanders Act', async () => {
    const visitor = answerVisitor([KNOWN.id])
    const user = userEvent.setup({ delay: null })
    renderApp('/visitor')
    await screen.findByRole('heading', { level: 1, name: text.heading })
    await user.click(screen.getByRole('button', { name: text.lookUpButton }))
    expect(tcidField(text)).toHaveAttribute('aria-invalid', 'true')
    expect(tcidField(text)).toHaveAccessibleDescription(text.empty)
    expect(visitor.count).toBe(0)
  })

  it('takes the keyboard back to the field when an ID is refused, the reason said at once', async () => {
    const user = userEvent.setup({ delay: null })
    renderApp('/visitor')
    await screen.findByRole('heading', { level: 1, name: text.heading })
    await user.click(screen.getByRole('button', { name: text.lookUpButton }))
    expect(tcidField(text)).toHaveFocus()
    expect(screen.getByRole('alert').textContent).toBe(text.empty)

    await lookUp(user, text, '12ab')
    expect(tcidField(text)).toHaveFocus()
    expect(screen.getByRole('alert').textContent).toBe(text.invalid)
  })

  it('lists the visitor’s segments by label, links them, and flags an ID missing from the list', async () => {
    const visitor = answerVisitor([KNOWN.id, 'DEADBEEF'])
    const user = userEvent.setup({ delay: null })
    const { currentSearch } = renderApp('/visitor')
    await lookUp(user, text, '123')
    expect(currentSearch().get('tcid')).toBe('123')

    const result = await screen.findByRole('region', { name: `${text.visitor} 123` }, { timeout: 5000 })
    expect(within(result).getByRole('status')).toHaveTextContent(text.inTwo)
    const link = await within(result).findByRole('link', { name: KNOWN.label }, { timeout: 5000 })
    expect(link).toHaveAttribute('href', `/segments/commanders-act/${KNOWN.id}`)
    const missing = within(result).getByText('DEADBEEF').closest('li')
    await waitFor(() => expect(missing).toHaveTextContent(text.notListed))
    expect(within(missing as HTMLElement).queryByRole('link')).not.toBeInTheDocument()
    expect(within(result).getAllByRole('link')).toHaveLength(1)
    expect(visitor.count).toBe(1)
    expect(tcidField(text)).not.toHaveAttribute('aria-invalid', 'true')
  })

  it('no longer shows the last visitor’s segments once an invalid ID is submitted', async () => {
    answerVisitor([KNOWN.id])
    const user = userEvent.setup({ delay: null })
    renderApp('/visitor')
    await lookUp(user, text, '123')
    const result = await screen.findByRole('region', { name: `${text.visitor} 123` }, { timeout: 5000 })
    expect(await within(result).findByRole('link', { name: KNOWN.label })).toBeInTheDocument()

    await lookUp(user, text, '12ab')
    expect(tcidField(text)).toHaveAccessibleDescription(text.invalid)
    expect(screen.queryByRole('region', { name: `${text.visitor} 123` })).not.toBeInTheDocument()
    expect(screen.queryByRole('link', { name: KNOWN.label })).not.toBeInTheDocument()

    // A valid ID looked up again shows its answer.
    await lookUp(user, text, '123')
    expect(await screen.findByRole('region', { name: `${text.visitor} 123` })).toBeInTheDocument()
    expect(tcidField(text)).not.toHaveAttribute('aria-invalid', 'true')
  })

  it('counts one segment in the singular, thousands grouped as the language writes them, and none in words', async () => {
    answerVisitor([KNOWN.id])
    const { unmount } = renderApp('/visitor?tcid=123')
    const one = await screen.findByRole('region', { name: `${text.visitor} 123` }, { timeout: 5000 })
    expect(within(one).getByRole('status')).toHaveTextContent(text.inOne)
    unmount()

    answerVisitor(Array.from({ length: 1234 }, (_, index) => `ID${index}`))
    const many = renderApp('/visitor?tcid=456')
    const thousands = await screen.findByRole('region', { name: `${text.visitor} 456` }, { timeout: 5000 })
    expect(within(thousands).getByRole('status').textContent).toBe(text.inThousands)
    many.unmount()

    answerVisitor([])
    renderApp('/visitor?tcid=789')
    const none = await screen.findByRole('region', { name: `${text.visitor} 789` }, { timeout: 5000 })
    expect(within(none).getByRole('status').textContent).toBe(text.inNone)
  })
})

describe('Visitor lookup with Back and Forward', () => {
  it('shows in the field the ID whose answer is shown', async () => {
    answerVisitor([KNOWN.id])
    const user = userEvent.setup({ delay: null })
    const { router } = renderApp('/visitor')
    const text = LANGUAGES[0]
    await lookUp(user, text, '123')
    await screen.findByRole('region', { name: 'Visitor 123' }, { timeout: 5000 })
    await lookUp(user, text, '456')
    await screen.findByRole('region', { name: 'Visitor 456' }, { timeout: 5000 })

    await act(async () => router.navigate(-1))
    expect(await screen.findByRole('region', { name: 'Visitor 123' })).toBeInTheDocument()
    expect(tcidField(text)).toHaveValue('123')
    // An ID refused as invalid, then Back to the empty lookup: an empty field and no error left over.
    await lookUp(user, text, '12ab')
    await act(async () => router.navigate(-1))
    await waitFor(() => expect(tcidField(text)).toHaveValue(''))
    expect(tcidField(text)).not.toHaveAttribute('aria-invalid', 'true')
    expect(screen.queryByRole('region', { name: /^Visitor/ })).not.toBeInTheDocument()

    await act(async () => router.navigate(1))
    expect(await screen.findByRole('region', { name: 'Visitor 123' })).toBeInTheDocument()
    expect(tcidField(text)).toHaveValue('123')
  })
})

describe('Visitor lookup', () => {
  it('opens a lookup straight from the URL', async () => {
    const expected = demoVisitorSegmentIds('123', demo.data.commandersAct)
    expect(expected.length).toBeGreaterThan(1)
    renderApp('/visitor?tcid=123')
    expect(tcidField(LANGUAGES[0])).toHaveValue('123')
    const result = await screen.findByRole('region', { name: 'Visitor 123' }, { timeout: 5000 })
    await waitFor(() => expect(within(result).getAllByRole('link')).toHaveLength(expected.length))
    expect(
      within(result)
        .getAllByRole('link')
        .map((link) => [link.textContent, link.getAttribute('href')]),
    ).toEqual(expected.map((id) => [labelOf(id), `/segments/commanders-act/${id}`]))
  })

  it('names Commanders Act when it refuses the lookup, and Retry asks again', async () => {
    let failing = true
    let requests = 0
    server.use(
      http.get('*/api/commanders-act/segments', () => {
        requests += 1
        return failing
          ? HttpResponse.json({ error: 'invalid token' }, { status: 401 })
          : HttpResponse.json({ segmentIds: [KNOWN.id] })
      }),
    )
    const user = userEvent.setup({ delay: null })
    renderApp('/visitor?tcid=123')
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent('Commanders Act rejected the credentials')
    expect(requests).toBe(1)

    failing = false
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    const result = await screen.findByRole('region', { name: 'Visitor 123' }, { timeout: 5000 })
    expect(await within(result).findByRole('link', { name: KNOWN.label })).toBeInTheDocument()
    expect(requests).toBe(2)
  })

  it('looks up again by itself once the app’s server answers after a restart, without Retry pressed', async () => {
    const restart = appServerRestarting(server, '*/api/commanders-act/segments')
    try {
      renderApp('/visitor?tcid=123')
      expect(await restart.alert()).toHaveTextContent('The app’s server could not be reached')

      await restart.back(http.get('*/api/commanders-act/segments', () => HttpResponse.json({ segmentIds: [KNOWN.id] })))
      const result = await screen.findByRole('region', { name: 'Visitor 123' })
      expect(await within(result).findByRole('link', { name: KNOWN.label })).toBeInTheDocument()
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('Visitor lookup with Commanders Act not configured', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en')
  })
  /** What /api/status says on a server with Braze's variables only (a team that uses Braze alone). */
  const brazeOnly = (commandersAct: { missing: string[]; invalid: string[] }) =>
    server.use(
      http.get('*/api/status', () =>
        HttpResponse.json({
          mode: 'real',
          providers: {
            braze: { configured: true, host: 'rest.fra-02.braze.eu' },
            commandersAct: { configured: false, ...commandersAct },
          },
        }),
      ),
    )
  /** Every call to Commanders Act, as the proxy answers it then. */
  const answerNotConfigured = (): { count: number } => {
    const counter = { count: 0 }
    server.use(
      http.get('*/api/commanders-act/*', () => {
        counter.count += 1
        return HttpResponse.json(
          { error: 'not_configured', provider: 'commanders-act', missing: ['COMMANDERS_ACT_TOKEN'], invalid: [] },
          { status: 503 },
        )
      }),
    )
    return counter
  }

  it.each([
    {
      language: 'en',
      title: 'Commanders Act is not configured',
      advice:
        'On the server, set COMMANDERS_ACT_SITE_ID and COMMANDERS_ACT_TOKEN (in .env.local or the environment), then restart.',
      lookUp: 'Look up',
    },
    {
      language: 'fr',
      title: 'Commanders Act n’est pas configuré',
      advice:
        'Sur le serveur, définissez COMMANDERS_ACT_SITE_ID et COMMANDERS_ACT_TOKEN (dans .env.local ou l’environnement), puis redémarrez.',
      lookUp: 'Rechercher',
    },
  ])('says so as the page opens, with what to set, before any lookup ($language)', async (words) => {
    await i18next.changeLanguage(words.language)
    brazeOnly({ missing: ['COMMANDERS_ACT_SITE_ID', 'COMMANDERS_ACT_TOKEN'], invalid: [] })
    answerNotConfigured()
    renderApp('/visitor')
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent(words.title)
    expect(alert).toHaveTextContent(words.advice)
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument()
    // A lookup could only fail the same way.
    expect(screen.getByRole('button', { name: words.lookUp })).toBeDisabled()
  })

  it('asks Commanders Act nothing for a visitor in the URL', async () => {
    brazeOnly({ missing: ['COMMANDERS_ACT_TOKEN'], invalid: ['COMMANDERS_ACT_SITE_ID'] })
    let lookups = 0
    server.use(
      http.get('*/api/commanders-act/segments', () => {
        lookups += 1
        return HttpResponse.json({ segmentIds: [KNOWN.id] })
      }),
    )
    renderApp('/visitor?tcid=123')
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent(
      'On the server, set COMMANDERS_ACT_TOKEN and fix COMMANDERS_ACT_SITE_ID, whose value is not valid (in .env.local or the environment), then restart.',
    )
    expect(screen.queryByRole('region', { name: 'Visitor 123' })).not.toBeInTheDocument()
    expect(lookups).toBe(0)
  })

  it('offers no Retry when a lookup is answered that it is not configured', async () => {
    // The status did not say (an older server, or its answer lost): the lookup's answer says it.
    server.use(http.get('*/api/status', () => HttpResponse.json({ error: 'unavailable' }, { status: 500 })))
    const lookups = answerNotConfigured()
    renderApp('/visitor?tcid=123')
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent('Commanders Act is not configured')
    expect(alert).toHaveTextContent('set COMMANDERS_ACT_TOKEN')
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument()
    expect(lookups.count).toBeGreaterThan(0)
  })
})
