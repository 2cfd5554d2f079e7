// @vitest-environment jsdom
// The whole app after a reload in the middle of a details scan: the cache comes back from IndexedDB and the scan
// picks up the rest by itself, even on a page other than /audit.
import { QueryClient } from '@tanstack/react-query'
import { persistQueryClientSave } from '@tanstack/react-query-persist-client'
import { render, waitFor } from '@testing-library/react'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { App } from '../../src/app/app'
import { createQueryClient } from '../../src/app/query-client'
import { cachePersistOptions } from '../../src/app/query-persistence'
import { DetailsScan } from '../../src/features/audit/details-scan'
import { localScanMarkerStore, type ScanMarker } from '../../src/features/audit/scan-marker'
import { createDemoHandlers } from '../msw/demo-handlers'
import { idsOf, untilDone, watchBraze } from '../features/audit/details-scan-traffic'

const demo = createDemoHandlers({ brazeCount: 80, commandersActCount: 5 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  localScanMarkerStore.clear()
})
afterAll(() => server.close())

/** The app before the reload: a scan stopped after `count` segments, its cache saved where the app keeps it. */
async function scanInterruptedAfter(count: number): Promise<QueryClient> {
  const queryClient = createQueryClient()
  const options = cachePersistOptions(queryClient)
  let marker: ScanMarker | undefined
  const scan = new DetailsScan(queryClient, {
    marker: { read: () => marker, write: (next) => (marker = next), clear: () => (marker = undefined) },
  })
  watchBraze(server, demo, { delayMs: 3 })
  const run = scan.start()
  await untilDone(scan, count)
  // The reload: the cache as saved at this moment (dehydrated at once), the marker left behind, the page gone.
  const saving = persistQueryClientSave({ ...options, queryClient })
  if (marker) localScanMarkerStore.write(marker)
  await saving
  scan.cancel()
  await run
  server.resetHandlers()
  return queryClient
}

describe('App after a reload mid-scan', () => {
  it('restores the cache and resumes the scan on the Segments page, fetching only what was left', async () => {
    const before = await scanInterruptedAfter(30)
    const saved = await cachePersistOptions(before).persister.restoreClient()
    const savedDetails = new Set(
      saved?.clientState.queries
        .filter((query) => query.queryKey.length === 3)
        .map((query) => String(query.queryKey[2])),
    )
    expect(savedDetails.size).toBeGreaterThanOrEqual(30)
    expect(localScanMarkerStore.read()?.status).toBe('running')
    const traffic = watchBraze(server, demo)
    window.history.replaceState(null, '', '/')

    render(<App />)

    const missing = demo.data.braze.map((segment) => segment.id).filter((id) => !savedDetails.has(id))
    await waitFor(() => expect(idsOf(traffic, 'details').sort()).toEqual(missing.sort()), { timeout: 5_000 })
    // The Braze list came back from the cache: neither the page nor the scan asked for it again.
    expect(idsOf(traffic, 'list')).toEqual([])
  })
})
