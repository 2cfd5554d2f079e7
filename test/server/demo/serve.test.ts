// The demo providers over real HTTP: started on free local ports with fresh credentials, and closed cleanly.
import { describe, it, expect } from 'vitest'
import { DEFAULT_DEMO_OPTIONS } from '../../../src/server/demo/demo-options'
import { serveFetchHandler, startDemoProviders } from '../../../src/server/demo/serve'

const options = { ...DEFAULT_DEMO_OPTIONS, brazeCount: 150, commandersActCount: 30, latencyMs: 0 }

describe('startDemoProviders', () => {
  it('serves both fakes over HTTP with generated credentials, then closes', async () => {
    const demo = await startDemoProviders(options)
    try {
      expect(demo.braze.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(demo.commandersAct.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(demo.commandersAct.siteId).toMatch(/^\d+$/)
      expect(demo.commandersAct.token).toMatch(/^[a-zA-Z0-9]{32}$/)
      expect(demo.braze.apiKey.length).toBeGreaterThanOrEqual(32)

      const page = await fetch(`${demo.braze.url}/segments/list?page=1`, {
        headers: { Authorization: `Bearer ${demo.braze.apiKey}` },
      })
      expect(page.status).toBe(200)
      expect(page.headers.get('x-ratelimit-limit')).toBe('250000')
      expect(((await page.json()) as { segments: unknown[] }).segments).toHaveLength(50)

      const unauthorised = await fetch(`${demo.braze.url}/segments/list`, { headers: { Authorization: 'Bearer nope' } })
      expect(unauthorised.status).toBe(401)
      await unauthorised.arrayBuffer()

      const { siteId, token } = demo.commandersAct
      const list = await fetch(
        `${demo.commandersAct.url}/api/dms/segmentation/segments/list?site=${siteId}&token=${token}`,
      )
      expect(((await list.json()) as unknown[]).length).toBe(30)
    } finally {
      await demo.close()
    }
    await expect(fetch(`${demo.braze.url}/segments/list`)).rejects.toThrow()
    await expect(fetch(`${demo.commandersAct.url}/api/dms/segmentation/segments/list`)).rejects.toThrow()
  })

  it('closes without waiting for requests still in flight', async () => {
    const demo = await startDemoProviders({ ...options, latencyMs: 3000 })
    const pending = fetch(`${demo.braze.url}/segments/list`, {
      headers: { Authorization: `Bearer ${demo.braze.apiKey}` },
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const closing = performance.now()
    await demo.close()
    expect(performance.now() - closing).toBeLessThan(1000)
    await expect(pending).rejects.toThrow()
  })

  it('generates new credentials at every start', async () => {
    const [first, second] = await Promise.all([startDemoProviders(options), startDemoProviders(options)])
    try {
      expect(first.braze.apiKey).not.toBe(second.braze.apiKey)
      expect(first.commandersAct.token).not.toBe(second.commandersAct.token)
      expect(first.braze.url).not.toBe(second.braze.url)
    } finally {
      await Promise.all([first.close(), second.close()])
    }
  })

  it('makes only the chosen provider fail', async () => {
    const demo = await startDemoProviders({ ...options, fail: 'braze' })
    try {
      const braze = await fetch(`${demo.braze.url}/segments/list`, {
        headers: { Authorization: `Bearer ${demo.braze.apiKey}` },
      })
      expect(braze.status).toBe(500)
      const { siteId, token } = demo.commandersAct
      const list = await fetch(
        `${demo.commandersAct.url}/api/dms/segmentation/segments/list?site=${siteId}&token=${token}`,
      )
      expect(list.status).toBe(200)
    } finally {
      await demo.close()
    }
  })
})

describe('serveFetchHandler', () => {
  it('passes method, path, query, headers and body to the handler and writes its answer back', async () => {
    const server = await serveFetchHandler(async (request) => {
      const url = new URL(request.url)
      const echo = {
        method: request.method,
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        header: request.headers.get('x-demo'),
        body: await request.text(),
      }
      const headers = new Headers({ 'Content-Type': 'application/json', 'X-Answer': 'yes' })
      headers.append('Set-Cookie', 'a=1')
      headers.append('Set-Cookie', 'b=2')
      return new Response(JSON.stringify(echo), { status: 201, headers })
    })
    try {
      const response = await fetch(`${server.url}/some/path?x=1&y=é`, {
        method: 'POST',
        headers: { 'X-Demo': 'hello' },
        body: 'payload',
      })
      expect(response.status).toBe(201)
      expect(response.headers.get('x-answer')).toBe('yes')
      expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
      expect(await response.json()).toEqual({
        method: 'POST',
        origin: server.url,
        path: '/some/path?x=1&y=%C3%A9',
        header: 'hello',
        body: 'payload',
      })
    } finally {
      await server.close()
    }
  })

  it('answers 500 when the handler throws, and tolerates a second close', async () => {
    const server = await serveFetchHandler(async () => {
      throw new Error('boom')
    })
    const response = await fetch(`${server.url}/`)
    expect(response.status).toBe(500)
    expect(await response.text()).toBe('Demo provider error')
    await server.close()
    await server.close()
  })
})
