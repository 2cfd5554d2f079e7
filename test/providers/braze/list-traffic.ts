// The demo Braze list behind MSW for the paging and streaming tests: which pages are asked for, and how many at once.
import { http } from 'msw'
import type { SetupServer } from 'msw/node'
import { streamAllBrazeSegments, type StreamBrazeSegmentsOptions } from '../../../src/providers/braze/list-stream'
import type { Segment } from '../../../src/providers/segment'
import { createDemoHandlers } from '../../msw/demo-handlers'

/** The proxy's single-page list route: the multi-page route asks it once per page (see test/msw/demo-handlers.ts). */
export const LIST = '*/api/braze/segments/list'

export function pageOf(request: Request): number {
  return Number(new URL(request.url).searchParams.get('page') ?? '0')
}

/** Demo handlers whose list records every page requested and the most pages in flight at once. */
export function countedBrazeList(server: SetupServer, brazeCount: number, latencyMs = 0) {
  const demo = createDemoHandlers({ brazeCount, commandersActCount: 0, latencyMs })
  const stats = { pages: [] as number[], inFlight: 0, maxInFlight: 0 }
  server.use(
    http.get(LIST, async ({ request }) => {
      stats.pages.push(pageOf(request))
      stats.inFlight += 1
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight)
      try {
        return await demo.forwardToBraze(request)
      } finally {
        stats.inFlight -= 1
      }
    }),
  )
  return { data: demo.data, stats, forward: demo.forwardToBraze }
}

/** The whole streamed list at once. */
export async function fetchAllBrazeSegments(options: StreamBrazeSegmentsOptions = {}): Promise<Segment[]> {
  const segments: Segment[] = []
  for await (const chunk of streamAllBrazeSegments(options)) segments.push(...chunk)
  return segments
}
