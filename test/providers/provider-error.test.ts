// Failed answers, from the proxy or from a provider, become ProviderErrors that say which provider failed and why.
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { brazeListPagesHandler } from '../msw/demo-handlers'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RetryPolicy } from '../../src/lib/http'
import { fetchBrazeSegmentPages } from '../../src/providers/braze/list-stream'
import { fetchCommandersActSegments } from '../../src/providers/commanders-act/client'
import { ProviderError, providerErrorFromResponse } from '../../src/providers/provider-error'

const server = setupServer(brazeListPagesHandler)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const retry: Partial<RetryPolicy> = { sleep: async () => undefined, random: () => 0.5 }

/** Answers every list request the same way and counts them. */
function answerList(path: string, respond: () => Response) {
  const counter = { requests: 0 }
  server.use(
    http.get(path, () => {
      counter.requests += 1
      return respond()
    }),
  )
  return counter
}

describe('proxy errors', () => {
  it('a 503 not_configured names the variables to set, and is not retried', async () => {
    const counter = answerList('*/api/braze/segments/list', () =>
      HttpResponse.json({ error: 'not_configured', provider: 'braze', missing: ['BRAZE_API_KEY', 'BRAZE_REST_ENDPOINT'], invalid: [] }, { status: 503 }),
    )
    const error = await fetchBrazeSegmentPages(0, 1, { retry }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ProviderError)
    expect(error).toMatchObject({ provider: 'braze', reason: 'not_configured', status: 503, missing: ['BRAZE_API_KEY', 'BRAZE_REST_ENDPOINT'] })
    expect(String(error)).toContain('set BRAZE_API_KEY, BRAZE_REST_ENDPOINT')
    expect(counter.requests).toBe(1)
  })

  it.each([
    { body: { error: 'upstream_timeout', provider: 'commanders-act' }, status: 504, reason: 'timeout', requests: 5 },
    { body: { error: 'upstream_unreachable', provider: 'commanders-act' }, status: 502, reason: 'network', requests: 5 },
    { body: { error: 'upstream_invalid', provider: 'commanders-act', message: 'The provider answer is not JSON.' }, status: 502, reason: 'invalid_response', requests: 5 },
    { body: { error: 'bad_request', message: 'Parameter "x" is not allowed.' }, status: 400, reason: 'bad_request', requests: 1 },
    { body: { error: 'not_found', message: 'This path is not served by the proxy.' }, status: 404, reason: 'not_found', requests: 1 },
    { body: { error: 'method_not_allowed', message: 'Only GET is allowed.' }, status: 405, reason: 'bad_request', requests: 1 },
  ])('$body.error ($status) → $reason after $requests request(s)', async ({ body, status, reason, requests }) => {
    const counter = answerList('*/api/commanders-act/segments/list', () => HttpResponse.json(body, { status }))
    const error = await fetchCommandersActSegments({ retry }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ provider: 'commanders-act', reason, status })
    expect(counter.requests).toBe(requests)
  })

  it('turns a network failure into reason network, after the retries', async () => {
    const counter = answerList('*/api/commanders-act/segments/list', () => HttpResponse.error())
    await expect(fetchCommandersActSegments({ retry })).rejects.toMatchObject({ provider: 'commanders-act', reason: 'network' })
    expect(counter.requests).toBe(5)
  })
})

describe('providerErrorFromResponse', () => {
  it.each([
    { status: 400, body: { message: 'Invalid page' }, reason: 'bad_request', providerMessage: 'Invalid page' },
    { status: 401, body: { message: 'Invalid API key' }, reason: 'unauthorized', providerMessage: 'Invalid API key' },
    { status: 403, body: { message: 'Access Denied' }, reason: 'forbidden', providerMessage: 'Access Denied' },
    { status: 404, body: { message: 'Not Found' }, reason: 'not_found', providerMessage: 'Not Found' },
    { status: 429, body: { message: 'Rate limit exceeded', errors: ['x'] }, reason: 'rate_limited', providerMessage: 'Rate limit exceeded' },
    { status: 500, body: '<html>Internal error</html>', reason: 'server', providerMessage: undefined },
    { status: 503, body: '', reason: 'server', providerMessage: undefined },
  ])('$status → $reason', async ({ status, body, reason, providerMessage }) => {
    const response = typeof body === 'string' ? new Response(body, { status }) : Response.json(body, { status })
    const error = await providerErrorFromResponse('braze', response)
    expect(error).toMatchObject({ name: 'ProviderError', provider: 'braze', reason, status, providerMessage })
    expect(error.message).toMatch(/^Braze /)
  })
})
