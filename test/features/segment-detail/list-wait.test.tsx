// @vitest-environment jsdom
// A Braze segment's page opened while the Braze list waits out a long 429 (Braze's budget spent, say): the page says
// the list waits and until when, instead of leaving its tags, tracking and size as placeholders with no word.
import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 30, commandersActCount: 3 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const segment = demo.data.braze[0]

describe('a segment’s page while the Braze list waits', () => {
  it('says the list waits and when it asks again, and shows the details that did come', async () => {
    server.use(
      http.get('*/api/braze/segments/list', () =>
        HttpResponse.json({ message: 'Rate Limited' }, { status: 429, headers: { 'Retry-After': '1800' } }),
      ),
    )
    renderApp(`/segments/braze/${segment?.id}`)
    const note = await screen.findByText(
      /^Braze’s list is waiting \(Braze asked to wait.+\) and asks again at \d{1,2}:\d{2}:\d{2}\s[AP]M: /,
      {},
      {
        timeout: 5000,
      },
    )
    expect(note).toHaveAttribute('role', 'status')
    expect(note).toHaveTextContent('this segment’s tags, tracking and size history come once it has loaded')
    await within(screen.getByRole('region', { name: 'Filters' })).findByText(/Users who/)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
