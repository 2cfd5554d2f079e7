// @vitest-environment jsdom
// The Audit page says how old the Braze answers kept on the server are, and "Refresh from Braze" asks Braze again
// for every segment, even those this browser or the server holds as fresh.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { localScanMarkerStore } from '../../../src/features/audit/scan-marker'
import { testAuditStore } from '../../msw/audit-handlers'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 12, commandersActCount: 2 })
const server = setupServer(...demo.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  localScanMarkerStore.clear()
})
afterAll(() => server.close())

/** Every details request the page sends, and whether it asked for Braze's answer now. */
function recordDetails() {
  const asked: { refresh: boolean }[] = []
  server.use(
    http.get('*/api/braze/segments/details', ({ request }) => {
      asked.push({ refresh: request.headers.get('X-Segment-Audit-Refresh') === '1' })
      return demo.forwardToBraze(request)
    }),
  )
  return asked
}

describe('Braze answers kept on the server', () => {
  it('says how many are kept and how old, and "Refresh from Braze" asks Braze again for every segment', async () => {
    const store = await testAuditStore()
    const fetched = new Date(Date.now() - 3 * 3_600_000)
    await store.answers.keepAnswer('braze /segments/details?segment_id=a', '{}', fetched)
    await store.answers.keepAnswer('braze /segments/details?segment_id=b', '{}', new Date())
    const user = userEvent.setup()
    const asked = recordDetails()
    renderApp('/audit')
    const card = await screen.findByRole('region', { name: 'Details scan' })
    const note = await within(card).findByText(/The server keeps 2 of Braze’s answers/)
    expect(note).toHaveTextContent(
      'the oldest fetched 3 hours ago; a colleague’s scan reuses each until it is 24 hours old.',
    )

    await user.click(within(card).getByRole('button', { name: 'Scan details' }))
    await waitFor(() => expect(within(card).getByRole('status')).toHaveTextContent(/Scan complete/))
    const firstScan = asked.length
    expect(firstScan).toBe(demo.data.braze.length)
    expect(asked.every((request) => !request.refresh)).toBe(true)

    // Everything is fresh now: a scan would skip it all, a refresh asks Braze for each again.
    await user.click(within(card).getByRole('button', { name: 'Refresh from Braze' }))
    await waitFor(() => expect(asked.length).toBe(2 * firstScan))
    expect(asked.slice(firstScan).every((request) => request.refresh)).toBe(true)
  })

  it.each([
    {
      language: 'en',
      said: 'The server keeps 1 Braze answer for the team, fetched just now; a colleague’s scan reuses it until it is 24 hours old.',
    },
    {
      language: 'fr',
      said:
        'Le serveur garde 1 réponse de Braze pour l’équipe, obtenue à l’instant\u202f; l’analyse d’un collègue la ' +
        'réutilise jusqu’à ce qu’elle ait 24\u00a0heures.',
    },
  ])('says an answer fetched seconds ago was fetched just now ($language)', async ({ language, said }) => {
    await i18next.changeLanguage(language)
    await (await testAuditStore()).answers.keepAnswer('braze /segments/details?segment_id=a', '{}', new Date())
    renderApp('/audit')
    const heading = await screen.findByRole('heading', { level: 2, name: i18next.t('audit:scan.heading') })
    const card = heading.closest('section') as HTMLElement
    // Its text as written: the matchers would fold the French narrow no-break space into a plain one.
    const note = await within(card).findByText(/^(The server keeps|Le serveur garde)/)
    expect(note.textContent).toContain(said)
  })

  it.each([
    { language: 'en', said: 'reuses it until it is 1 hour old.' },
    { language: 'fr', said: 'la réutilise jusqu’à ce qu’elle ait 1\u00a0heure.' },
  ])('says a lifetime of one hour in the singular ($language)', async ({ language, said }) => {
    await i18next.changeLanguage(language)
    const fetchedAt = new Date(Date.now() - 5 * 60_000).toISOString()
    server.use(
      http.get('*/api/audit/provider-cache', () =>
        HttpResponse.json({ count: 1, oldestFetchedAt: fetchedAt, ttlHours: 1 }),
      ),
    )
    renderApp('/audit')
    const note = await screen.findByText(/^(The server keeps|Le serveur garde)/)
    expect(note.textContent).toContain(said)
  })

  it('says nothing when the server keeps none', async () => {
    renderApp('/audit')
    const card = await screen.findByRole('region', { name: 'Details scan' })
    await within(card).findByRole('button', { name: 'Scan details' })
    expect(within(card).queryByRole('button', { name: 'Refresh from Braze' })).not.toBeInTheDocument()
  })
})
