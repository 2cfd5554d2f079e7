// The Braze list's length as the proxy last saw it, told in /api/status so that a page can ask for every page at once.
import { afterEach, describe, expect, it } from 'vitest'
import { rawRequest, startPluginServer, startRecordingUpstream } from './start-proxy'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.()
})

/** A Braze list of `braze.segments` segments, 100 a page; while `braze.failing`, every call answers 503. */
async function brazeList() {
  const braze = { segments: 1_234, failing: false }
  const upstream = await startRecordingUpstream(async (request) => {
    if (braze.failing) return Response.json({ message: 'Service Unavailable' }, { status: 503 })
    const page = Number(new URL(request.url).searchParams.get('page') ?? '0')
    const length = Math.max(0, Math.min(100, braze.segments - page * 100))
    const segments = Array.from({ length }, (_, index) => ({ segment_id: `s${page * 100 + index}`, name: 'A' }))
    return Response.json({ message: 'success', segments })
  })
  cleanups.push(upstream.close)
  const proxy = await startPluginServer({ BRAZE_REST_ENDPOINT: upstream.url, BRAZE_API_KEY: 'k1' })
  cleanups.push(proxy.close)
  const listPages = async (first: number, count: number) =>
    (await rawRequest(proxy.base, `/api/braze/segments/list/pages?page=${first}&pages=${count}`)).status
  const known = async (): Promise<unknown> =>
    JSON.parse((await rawRequest(proxy.base, '/api/status')).text).providers.braze.listPages
  return { braze, listPages, known }
}

describe("the Braze list's length in /api/status", () => {
  it('is not known before the proxy has seen the end of the list', async () => {
    const { listPages, known } = await brazeList()
    expect(await known()).toBeNull()
    await listPages(0, 5)
    expect(await known()).toBeNull()
  })

  it('is the pages up to the first short one, whatever order the requests came back in and however far past it', async () => {
    const { listPages, known } = await brazeList()
    await listPages(15, 5)
    await listPages(10, 5)
    await listPages(5, 5)
    // 1,234 segments: pages 0 to 12, the last one short.
    expect(await known()).toBe(13)
  })

  it('counts the empty page that ends a list of whole pages', async () => {
    const { braze, listPages, known } = await brazeList()
    braze.segments = 500
    await listPages(5, 1)
    expect(await known()).toBe(6)
  })

  it('follows a list that grew or shrank', async () => {
    const { braze, listPages, known } = await brazeList()
    await listPages(10, 5)
    braze.segments = 1_634
    await listPages(10, 5)
    expect(await known()).toBeNull()
    await listPages(15, 5)
    expect(await known()).toBe(17)
    braze.segments = 250
    await listPages(0, 5)
    expect(await known()).toBe(3)
  })

  it('is forgotten as soon as a list page fails, so that the next page load tries Braze with one request first', async () => {
    const { braze, listPages, known } = await brazeList()
    await listPages(10, 5)
    expect(await known()).toBe(13)
    braze.failing = true
    expect(await listPages(0, 5)).toBe(200)
    expect(await known()).toBeNull()
  })
})
