// @vitest-environment jsdom
// Visitor lookup in French: the page, its validation message, counts with French plurals and numbers, unknown IDs.
// Text with a narrow no-break space is checked on textContent: Testing Library's matchers fold it into a plain space.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 120, commandersActCount: 25 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  await i18next.changeLanguage('fr')
})
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const KNOWN = demo.data.commandersAct[0] ?? { id: '', label: '' }

const tcidField = () => screen.getByRole('textbox', { name: 'ID visiteur (tcid)' })

async function lookUp(user: ReturnType<typeof userEvent.setup>, tcid: string) {
  await user.clear(tcidField())
  await user.type(tcidField(), tcid)
  await user.click(screen.getByRole('button', { name: 'Rechercher' }))
}

function answerVisitor(segmentIds: string[]) {
  server.use(http.get('*/api/commanders-act/segments', () => HttpResponse.json({ segmentIds })))
}

describe('Visitor lookup in French', () => {
  it('refuses a tcid that is not digits, saying so in French', async () => {
    const user = userEvent.setup()
    renderApp('/visitor')
    expect(await screen.findByRole('heading', { level: 1, name: 'Recherche de visiteur' })).toBeInTheDocument()
    expect(document.title).toBe('Recherche de visiteur — Segment Audit')
    await lookUp(user, '12ab')
    expect(tcidField()).toHaveAttribute('aria-invalid', 'true')
    expect(tcidField()).toHaveAccessibleDescription(
      'Un ID visiteur (tcid) ne contient que des chiffres, par exemple 1234567890.',
    )
  })

  it('lists the segments under a French heading, flags an unknown ID, and counts in French', async () => {
    answerVisitor([KNOWN.id, 'DEADBEEF'])
    const user = userEvent.setup()
    renderApp('/visitor')
    await lookUp(user, '123')

    const result = await screen.findByRole('region', { name: 'Visiteur 123' }, { timeout: 5000 })
    expect(within(result).getByRole('status')).toHaveTextContent('Dans 2 segments Commanders Act.')
    expect(await within(result).findByRole('link', { name: KNOWN.label }, { timeout: 5000 })).toBeInTheDocument()
    const missing = within(result).getByText('DEADBEEF').closest('li')
    await waitFor(() => expect(missing).toHaveTextContent(/^Absent de la liste des segments/))
  })

  it('uses the singular for one segment, and French digit grouping for thousands', async () => {
    answerVisitor([KNOWN.id])
    const { unmount } = renderApp('/visitor?tcid=123')
    const one = await screen.findByRole('region', { name: 'Visiteur 123' }, { timeout: 5000 })
    expect(within(one).getByRole('status')).toHaveTextContent('Dans 1 segment Commanders Act.')
    unmount()

    answerVisitor(Array.from({ length: 1234 }, (_, index) => `ID${index}`))
    renderApp('/visitor?tcid=456')
    const many = await screen.findByRole('region', { name: 'Visiteur 456' }, { timeout: 5000 })
    expect(within(many).getByRole('status').textContent).toBe('Dans 1\u202f234 segments Commanders Act.')
  })

  it('shows nothing found in French', async () => {
    answerVisitor([])
    renderApp('/visitor?tcid=789')
    const result = await screen.findByRole('region', { name: 'Visiteur 789' }, { timeout: 5000 })
    expect(within(result).getByRole('status').textContent).toBe(
      'Ce visiteur n’appartient à aucun segment Commanders Act.',
    )
  })
})
