// `npm start` with DEMO_FAIL: the demo providers fail as real ones do, and the proxy reports it as it would for real.
import { afterEach, describe, expect, it } from 'vitest'
import { NO_CREDENTIALS, rawRequest, startProjectServer } from './start-proxy'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.()
})

async function startDemo(env: Record<string, string>) {
  const proxy = await startProjectServer({
    ...NO_CREDENTIALS,
    DEMO_LATENCY_MS: '0',
    DEMO_BRAZE_SEGMENTS: '150',
    DEMO_CA_SEGMENTS: '5',
    ...env,
  })
  cleanups.push(proxy.close)
  return proxy.base
}

async function firstBrazeId(base: string): Promise<string> {
  return (
    (JSON.parse((await rawRequest(base, '/api/braze/segments/list')).text) as { segments: { id: string }[] })
      .segments[0]?.id ?? ''
  )
}

describe('demo failures through the proxy', () => {
  it('DEMO_FAIL=permission: details and series name the permission the key lacks', async () => {
    const base = await startDemo({ DEMO_FAIL: 'permission' })
    const id = await firstBrazeId(base)
    const details = await rawRequest(base, `/api/braze/segments/details?segment_id=${id}`)
    expect(details.status).toBe(403)
    expect(JSON.parse(details.text)).toEqual({
      error: 'permission_denied',
      provider: 'braze',
      status: 403,
      message: 'Access Denied',
      permission: 'segments.details',
    })
    const series = await rawRequest(base, `/api/braze/segments/data_series?segment_id=${id}&length=30`)
    expect(JSON.parse(series.text)).toMatchObject({ error: 'permission_denied', permission: 'segments.data_series' })
  })

  it('DEMO_FAIL=rate-limit: every 5th Braze call is rate limited, with a wait of a second or two', async () => {
    const base = await startDemo({ DEMO_FAIL: 'rate-limit' })
    const res = await rawRequest(base, '/api/braze/segments/list/pages?page=0&pages=5')
    const pages = (
      JSON.parse(res.text) as { pages: { status: number; error?: { error: string; retryAfterSeconds: number } }[] }
    ).pages
    const limited = pages.filter((page) => page.status === 429)
    expect(limited).toHaveLength(1)
    expect(limited[0]?.error?.error).toBe('rate_limited')
    expect(limited[0]?.error?.retryAfterSeconds).toBeGreaterThanOrEqual(1)
    expect(limited[0]?.error?.retryAfterSeconds).toBeLessThanOrEqual(2)
    expect(pages.filter((page) => page.status === 200)).toHaveLength(4)
  })

  it('DEMO_BRAZE_RATE_LIMIT: a spent demo budget shows in /api/status and holds details at the reserve', async () => {
    const base = await startDemo({ DEMO_BRAZE_RATE_LIMIT: '20' })
    const id = await firstBrazeId(base)
    for (let call = 0; call < 17; call++) await rawRequest(base, '/api/braze/segments/list')
    const status = JSON.parse((await rawRequest(base, '/api/status')).text).providers.braze.rateLimit
    expect(status).toMatchObject({ limit: 20, remaining: 2, reserve: 2 })
    const held = await rawRequest(base, `/api/braze/segments/details?segment_id=${id}`)
    expect(held.status).toBe(429)
    expect(JSON.parse(held.text).error).toBe('budget_reserve')
  })
})
