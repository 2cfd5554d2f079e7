// @vitest-environment jsdom
// Visitor lookup: a tcid is checked before any request, its segments are listed by label, and failures name the provider.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { demoVisitorSegmentIds } from '../../../src/server/demo/commanders-act-fake'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 120, commandersActCount: 25 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const KNOWN = demo.data.commandersAct[0] ?? { id: '', label: '' }
const labelOf = (id: string) => demo.data.commandersAct.find((segment) => segment.id === id)?.label

const tcidField = () => screen.getByRole('textbox', { name: 'Visitor ID (tcid)' })

async function lookUp(user: ReturnType<typeof userEvent.setup>, tcid: string) {
  await user.clear(tcidField())
  await user.type(tcidField(), tcid)
  await user.click(screen.getByRole('button', { name: 'Look up' }))
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

describe('Visitor lookup', () => {
  it('refuses a tcid that is not digits, without asking Commanders Act', async () => {
    const visitor = answerVisitor([KNOWN.id])
    const user = userEvent.setup()
    const { currentSearch } = renderApp('/visitor')
    expect(await screen.findByRole('heading', { level: 1, name: 'Visitor lookup' })).toBeInTheDocument()
    await lookUp(user, '12ab')
    expect(screen.getByText(/digits only/)).toBeInTheDocument()
    expect(tcidField()).toHaveAttribute('aria-invalid', 'true')
    expect(tcidField()).toHaveAccessibleDescription(/digits only/)
    expect(currentSearch().get('tcid')).toBeNull()
    expect(screen.queryByRole('heading', { name: /^Visitor 12ab/ })).not.toBeInTheDocument()
    expect(visitor.count).toBe(0)
  })

  it('lists the visitor’s segments by label, links them, and flags an ID missing from the list', async () => {
    const visitor = answerVisitor([KNOWN.id, 'DEADBEEF'])
    const user = userEvent.setup()
    const { currentSearch } = renderApp('/visitor')
    await lookUp(user, '123')
    expect(currentSearch().get('tcid')).toBe('123')

    const result = await screen.findByRole('region', { name: 'Visitor 123' }, { timeout: 5000 })
    expect(within(result).getByRole('status')).toHaveTextContent('In 2 Commanders Act segments.')
    const link = await within(result).findByRole('link', { name: KNOWN.label }, { timeout: 5000 })
    expect(link).toHaveAttribute('href', `/segments/commanders-act/${KNOWN.id}`)
    const missing = within(result).getByText('DEADBEEF').closest('li')
    await waitFor(() => expect(missing).toHaveTextContent(/^Not in the segment list/))
    expect(within(missing as HTMLElement).queryByRole('link')).not.toBeInTheDocument()
    expect(within(result).getAllByRole('link')).toHaveLength(1)
    expect(visitor.count).toBe(1)
    expect(tcidField()).not.toHaveAttribute('aria-invalid', 'true')
  })

  it('opens a lookup straight from the URL', async () => {
    const expected = demoVisitorSegmentIds('123', demo.data.commandersAct)
    expect(expected.length).toBeGreaterThan(1)
    renderApp('/visitor?tcid=123')
    expect(tcidField()).toHaveValue('123')
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
    const user = userEvent.setup()
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
})
