// @vitest-environment jsdom
// A Braze segment's details the audit server kept for the team rather than asked Braze for: the page says when Braze
// gave them, and Refresh from Braze asks Braze now (so a description fixed in Braze since shows).
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { onlineManager } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 40, commandersActCount: 5 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const segment = demo.data.braze.find((braze) => braze.analyticsTrackingEnabled === true)
if (!segment) throw new Error('the demo has no tracked Braze segment')
const THREE_HOURS_AGO = new Date(Date.now() - 3 * 3_600_000).toISOString()
const region = (name: string) => screen.getByRole('region', { name })

/**
 * The proxy as it answers with a kept answer (its header says when Braze gave it), or asks Braze now when the page says
 * to refresh; counts what the page asked Braze for again.
 */
function keptUntilRefreshed({
  keptAt = THREE_HOURS_AGO,
  refreshAnswer = () => undefined,
}: { keptAt?: string; refreshAnswer?: () => Response | undefined } = {}) {
  const refreshed: string[] = []
  server.use(
    http.get('*/api/braze/segments/:call', async ({ request, params }) => {
      const answer = await demo.forwardToBraze(request)
      if (request.headers.get('X-Segment-Audit-Refresh') === '1') {
        refreshed.push(String(params.call))
        const instead = refreshAnswer()
        if (instead) return instead
        if (params.call !== 'details') return answer
        return HttpResponse.json({ ...((await answer.json()) as object), text_description: 'Fixed in Braze today' })
      }
      if (params.call !== 'details') return answer
      const body = { ...((await answer.json()) as object), text_description: 'As kept yesterday' }
      return HttpResponse.json(body, { headers: { 'X-Segment-Audit-Fetched-At': keptAt } })
    }),
  )
  return refreshed
}

describe('Details kept by the audit server', () => {
  it('says when Braze gave the details shown, and Refresh from Braze shows Braze’s answer now', async () => {
    const refreshed = keptUntilRefreshed()
    const user = userEvent.setup()
    renderApp(`/segments/braze/${segment.id}`)
    await within(region('Description')).findByText('As kept yesterday', undefined, { timeout: 5000 })
    const details = region('Details')
    expect(within(details).getByRole('status')).toHaveTextContent(/^As Braze gave them 3 hours ago \(/)

    await user.click(within(details).getByRole('button', { name: 'Refresh from Braze' }))
    await within(region('Description')).findByText('Fixed in Braze today')
    expect(within(details).getByRole('status')).toHaveTextContent('As Braze gives them now.')
    // The size history is asked again with the details; the keyboard stays on the button.
    expect(refreshed.sort()).toEqual(['data_series', 'details'])
    expect(within(details).getByRole('button', { name: 'Refresh from Braze' })).toHaveFocus()
  })

  it('says nothing of keeping when the details are Braze’s answer now', async () => {
    renderApp(`/segments/braze/${segment.id}`)
    await waitFor(() => expect(region('Filters').querySelector('pre')).not.toBeNull(), { timeout: 5000 })
    expect(within(region('Details')).queryByRole('button', { name: 'Refresh from Braze' })).toBeNull()
    expect(within(region('Details')).queryByRole('status')).toBeNull()
  })

  it('says nothing of details kept a minute ago: they are as good as Braze’s answer now', async () => {
    keptUntilRefreshed({ keptAt: new Date(Date.now() - 60_000).toISOString() })
    renderApp(`/segments/braze/${segment.id}`)
    await within(region('Description')).findByText('As kept yesterday', undefined, { timeout: 5000 })
    expect(within(region('Details')).queryByRole('button', { name: 'Refresh from Braze' })).toBeNull()
  })

  it('says at once that the app’s server cannot be reached when Refresh is pressed offline, not a wait with no word', async () => {
    keptUntilRefreshed({ refreshAnswer: () => HttpResponse.error() })
    const user = userEvent.setup()
    renderApp(`/segments/braze/${segment.id}`)
    await within(region('Description')).findByText('As kept yesterday', undefined, { timeout: 5000 })
    // The laptop's Wi-Fi dropped: the browser says it is offline.
    onlineManager.setOnline(false)
    try {
      await user.click(within(region('Details')).getByRole('button', { name: 'Refresh from Braze' }))
      expect(await within(region('Details')).findByRole('alert', undefined, { timeout: 5000 })).toHaveTextContent(
        'server could not be reached',
      )
      expect(within(region('Description')).getByText('As kept yesterday')).toBeInTheDocument()
    } finally {
      onlineManager.setOnline(true)
    }
  })

  it('keeps the kept details and says why when Braze cannot be asked', async () => {
    keptUntilRefreshed({ refreshAnswer: () => HttpResponse.json({ message: 'Invalid API key' }, { status: 401 }) })
    const user = userEvent.setup()
    renderApp(`/segments/braze/${segment.id}`)
    await within(region('Description')).findByText('As kept yesterday', undefined, { timeout: 5000 })
    await user.click(within(region('Details')).getByRole('button', { name: 'Refresh from Braze' }))
    expect(await within(region('Details')).findByRole('alert')).toHaveTextContent(/Braze/)
    expect(within(region('Description')).getByText('As kept yesterday')).toBeInTheDocument()
    expect(within(region('Details')).getByRole('status')).toHaveTextContent(/^As Braze gave them 3 hours ago/)
  })
})
