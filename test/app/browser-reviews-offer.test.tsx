// @vitest-environment jsdom
// Reviews an earlier version kept in this browser's IndexedDB are offered once for the shared audit; once moved, the
// server has them (with their own reviewers and dates) and the browser keeps no copy.
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { testAuditStore } from '../msw/audit-handlers'
import { createDemoHandlers } from '../msw/demo-handlers'
import { renderApp } from '../render-app'

const demo = createDemoHandlers({ brazeCount: 20, commandersActCount: 5 })
const server = setupServer(...demo.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(async () => {
  server.resetHandlers()
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('segment-audit')
    request.onsuccess = request.onerror = resolve
  })
})
afterAll(() => server.close())

const keyOf = (index: number) => `braze:${demo.data.braze[index]?.id ?? ''}`
/** Opens the old database as the earlier version laid it out (idb-keyval: store "verdicts", out-of-line keys). */
function openLegacy(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('segment-audit')
    request.onupgradeneeded = () => request.result.createObjectStore('verdicts')
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

async function keepInBrowser(count: number) {
  const database = await openLegacy()
  const store = database.transaction('verdicts', 'readwrite').objectStore('verdicts')
  for (let index = 0; index < count; index += 1) {
    const key = keyOf(index)
    store.put(
      { key, verdict: 'archive', note: `note ${index}`, reviewer: 'Old Me', reviewedAt: '2026-01-02T03:04:05.000Z' },
      key,
    )
  }
  await new Promise((resolve) => {
    store.transaction.oncomplete = resolve
  })
  database.close()
}

async function keptInBrowser(): Promise<number> {
  const database = await openLegacy()
  const count = await new Promise<number>((resolve) => {
    const request = database.transaction('verdicts').objectStore('verdicts').count()
    request.onsuccess = () => resolve(request.result)
  })
  database.close()
  return count
}

describe('Reviews kept in this browser by an earlier version', () => {
  it('are offered once, moved to the shared audit with their reviewers and dates, then gone from the browser', async () => {
    await keepInBrowser(3)
    localStorage.setItem('segment-audit:reviewer:v1', 'Camille')
    const user = userEvent.setup()
    renderApp('/')
    await user.click(
      await screen.findByRole('button', { name: 'Move 3 reviews from this browser to the shared audit' }),
    )
    expect(await screen.findByText('3 reviews moved to the shared audit')).toBeInTheDocument()

    const onServer = (await (await testAuditStore()).listEntries()).entries
    expect(onServer).toHaveLength(3)
    expect(onServer[0]).toMatchObject({
      verdict: 'archive',
      verdictBy: 'Old Me',
      verdictAt: '2026-01-02T03:04:05.000Z',
    })
    expect(await (await testAuditStore()).history(keyOf(0))).toContainEqual(
      expect.objectContaining({ reviewer: 'Camille', source: 'browser' }),
    )
    const databases = await indexedDB.databases()
    expect(databases.some((database) => database.name === 'segment-audit')).toBe(false)
  })

  it('are not offered when the browser has none, and opening the app creates no such database', async () => {
    renderApp('/')
    await screen.findByRole('table', { name: 'Segments' })
    expect(screen.queryByRole('button', { name: /from this browser to the shared audit/ })).not.toBeInTheDocument()
    expect((await indexedDB.databases()).some((database) => database.name === 'segment-audit')).toBe(false)
  })

  it('stay in the browser when the server refuses them, with the reason', async () => {
    await keepInBrowser(1)
    localStorage.setItem('segment-audit:reviewer:v1', 'Camille')
    const user = userEvent.setup()
    const { http, HttpResponse } = await import('msw')
    server.use(
      http.post('*/api/audit/import', () =>
        HttpResponse.json({ error: 'store_error', message: 'The audit database failed' }, { status: 500 }),
      ),
    )
    renderApp('/')
    await user.click(await screen.findByRole('button', { name: 'Move 1 review from this browser to the shared audit' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Not moved: The audit database failed'))
    expect(await keptInBrowser()).toBe(1)
  })
})
