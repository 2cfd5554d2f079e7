import { QueryClient } from '@tanstack/react-query'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { DetailsScan } from '../../../src/features/audit/details-scan'
import { brazeQueries } from '../../../src/providers/braze/queries'
import { createDemoHandlers } from '../../msw/demo-handlers'

const demo = createDemoHandlers({ brazeCount: 250, commandersActCount: 0 })
const server = setupServer(...demo.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

it('partial list', async () => {
  const requests: string[] = []
  server.use(http.get('*/api/braze/segments/:endpoint', async ({ request }) => {
    const url = new URL(request.url)
    requests.push(url.pathname + url.search)
    if (url.pathname.endsWith('list') && url.searchParams.get('page') !== '0') await new Promise((r) => setTimeout(r, 50))
    return demo.forwardToBraze(request)
  }))
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  void client.fetchQuery(brazeQueries.all())
  await vi.waitFor(() => expect(client.getQueryData(brazeQueries.all().queryKey)).toBeDefined())
  const scan = new DetailsScan(client)
  await scan.start()
  console.log(JSON.stringify(scan.getSnapshot()))
})
it('cancel data series', async () => {
  const starts: { path: string; status: string }[] = []
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const scan = new DetailsScan(client)
  server.use(http.get('*/api/braze/segments/:endpoint', async ({ request }) => {
    const url = new URL(request.url)
    starts.push({ path: url.pathname, status: scan.getSnapshot().status })
    await new Promise((r) => setTimeout(r, 5))
    return demo.forwardToBraze(request)
  }))
  const run = scan.start()
  await vi.waitFor(() => expect(scan.getSnapshot().done).toBeGreaterThan(10))
  scan.cancel()
  await run
  await new Promise((r) => setTimeout(r, 50))
  console.log(JSON.stringify(starts.filter((s) => s.status === 'cancelled')), JSON.stringify(scan.getSnapshot()))
})
