// @vitest-environment jsdom
// Odd answers from Braze never empty a list or a detail: a malformed row is listed with what did read and a mark naming
// the field, the Audit page counts such rows as a finding that opens them, and an unreadable date leaves the rest shown.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 250, commandersActCount: 30 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const [nameless, stringFlag, odd] = demo.data.braze.slice(0, 3)

/** The first list page with one row missing its name and one whose tracking flag is the string "true". */
function withMalformedRows() {
  server.use(
    http.get('*/api/braze/segments/list', async ({ request }) => {
      const answer = await demo.forwardToBraze(request)
      if (new URL(request.url).searchParams.get('page') !== '0') return answer
      const body = (await answer.json()) as { segments: Record<string, unknown>[] }
      body.segments = body.segments.map((row) => {
        if (row.id === nameless?.id) return { ...row, name: undefined }
        return row.id === stringFlag?.id ? { ...row, analytics_tracking_enabled: 'true' } : row
      })
      return HttpResponse.json(body)
    }),
  )
}

describe.each([
  { language: 'en', findingsTable: 'Findings', mark: 'Malformed answer: name', finding: 'Malformed answer', unreadable: 'unreadable date', created: 'Created' },
  { language: 'fr', findingsTable: 'Constats', mark: 'Réponse mal formée\u202f: name', finding: 'Réponse mal formée', unreadable: 'date illisible', created: 'Créé' },
])('malformed answers ($language)', ({ language, findingsTable, mark, finding, unreadable, created }) => {
  it('lists every row, marks the malformed ones with the field, and counts them as a finding that opens them', async () => {
    await i18next.changeLanguage(language)
    withMalformedRows()
    const { router } = renderApp('/audit')
    const findings = await screen.findByRole('table', { name: findingsTable }, { timeout: 5000 })
    const header = await within(findings).findByRole('rowheader', { name: new RegExp(`^${finding}`) })
    expect(header.closest('tr')?.querySelector('td')).toHaveTextContent('2')
    await userEvent.setup().click(within(header).getByRole('link', { name: finding }))
    expect(router.state.location.search).toBe('?finding=malformed')
    const table = await screen.findByRole('table', { name: /Segments/ })
    await waitFor(() => expect(within(table).getAllByRole('link', { name: nameless?.id })).toHaveLength(1))
    expect(within(table).getByText(mark, { normalizer: (text) => text })).toBeInTheDocument()
    expect(within(table).getAllByText(/analytics_tracking_enabled/)).toHaveLength(1)
  })

  it('shows an unreadable date as such and the rest of the detail, with the field named', async () => {
    await i18next.changeLanguage(language)
    server.use(
      http.get('*/api/braze/segments/details', () =>
        HttpResponse.json({
          message: 'success',
          name: odd?.name,
          created_at: '2021-03-18T10:00:00+0200',
          updated_at: 'not a date',
          text_description: 'Bought twice this year',
          tags: ['crm'],
        }),
      ),
    )
    renderApp(`/segments/braze/${odd?.id ?? ''}`)
    expect(await screen.findByText('Bought twice this year')).toBeInTheDocument()
    const createdTerm = screen.getAllByRole('term').find((term) => term.textContent === created)
    expect(createdTerm?.nextElementSibling?.querySelector('time')).toHaveAttribute('dateTime', '2021-03-18T08:00:00.000Z')
    expect(screen.getByText(unreadable)).toBeInTheDocument()
    expect(screen.getByText(/updated_at/)).toBeInTheDocument()
  })
})
