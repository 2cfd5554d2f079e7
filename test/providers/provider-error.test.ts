// Failed answers, from the proxy or from a provider, become ProviderErrors that say which provider failed and why.
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { brazeListPagesHandler } from '../msw/demo-handlers'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RetryPolicy } from '../../src/lib/http'
import { fetchBrazeSegmentPages } from '../../src/providers/braze/list-pages'
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
    // The proxy answers this itself, before calling Braze: the whole request fails.
    const counter = answerList('*/api/braze/segments/list/pages', () =>
      HttpResponse.json(
        { error: 'not_configured', provider: 'braze', missing: ['BRAZE_API_KEY', 'BRAZE_REST_ENDPOINT'], invalid: [] },
        { status: 503 },
      ),
    )
    const error = await fetchBrazeSegmentPages(0, 1, { retry }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ProviderError)
    expect(error).toMatchObject({
      provider: 'braze',
      reason: 'not_configured',
      status: 503,
      missing: ['BRAZE_API_KEY', 'BRAZE_REST_ENDPOINT'],
    })
    expect(String(error)).toContain('set BRAZE_API_KEY, BRAZE_REST_ENDPOINT')
    expect(counter.requests).toBe(1)
  })

  it.each([
    // A provider that slow would keep the page waiting minutes: said at once rather than asked again.
    { body: { error: 'upstream_timeout', provider: 'commanders-act' }, status: 504, reason: 'timeout', requests: 1 },
    {
      body: { error: 'upstream_unreachable', provider: 'commanders-act' },
      status: 502,
      reason: 'network',
      requests: 5,
    },
    {
      body: { error: 'upstream_invalid', provider: 'commanders-act', message: 'The provider answer is not JSON.' },
      status: 502,
      reason: 'invalid_response',
      requests: 5,
    },
    {
      body: { error: 'bad_request', message: 'Parameter "x" is not allowed.' },
      status: 400,
      reason: 'bad_request',
      requests: 1,
    },
    {
      body: { error: 'not_found', message: 'This path is not served by the proxy.' },
      status: 404,
      reason: 'not_found',
      requests: 1,
    },
    {
      body: { error: 'method_not_allowed', message: 'Only GET is allowed.' },
      status: 405,
      reason: 'bad_request',
      requests: 1,
    },
  ])('$body.error ($status) → $reason after $requests request(s)', async ({ body, status, reason, requests }) => {
    const counter = answerList('*/api/commanders-act/segments/list', () => HttpResponse.json(body, { status }))
    const error = await fetchCommandersActSegments({ retry }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ provider: 'commanders-act', reason, status })
    expect(counter.requests).toBe(requests)
  })

  it('turns a network failure into reason network, after the retries', async () => {
    const counter = answerList('*/api/commanders-act/segments/list', () => HttpResponse.error())
    await expect(fetchCommandersActSegments({ retry })).rejects.toMatchObject({
      provider: 'commanders-act',
      reason: 'network',
    })
    expect(counter.requests).toBe(5)
  })
})

describe('providerErrorFromResponse', () => {
  it.each([
    { status: 400, body: { message: 'Invalid page' }, reason: 'bad_request', providerMessage: 'Invalid page' },
    { status: 401, body: { message: 'Invalid API key' }, reason: 'unauthorized', providerMessage: 'Invalid API key' },
    { status: 403, body: { message: 'Forbidden' }, reason: 'forbidden', providerMessage: 'Forbidden' },
    { status: 404, body: { error: 'not_found' }, reason: 'not_found', providerMessage: undefined },
    {
      status: 429,
      body: { message: 'Rate limit exceeded', errors: ['x'] },
      reason: 'rate_limited',
      providerMessage: 'Rate limit exceeded',
    },
    { status: 500, body: '<html>Internal error</html>', reason: 'server', providerMessage: undefined },
    { status: 503, body: '', reason: 'server', providerMessage: undefined },
  ])('$status → $reason', async ({ status, body, reason, providerMessage }) => {
    const response = typeof body === 'string' ? new Response(body, { status }) : Response.json(body, { status })
    const error = await providerErrorFromResponse('braze', response)
    expect(error).toMatchObject({ name: 'ProviderError', provider: 'braze', reason, status, providerMessage })
    expect(error.message).toMatch(/^Braze /)
  })
})

describe("the proxy's error objects", () => {
  it.each([
    {
      body: {
        error: 'permission_denied',
        provider: 'braze',
        status: 403,
        message: 'Access Denied',
        permission: 'segments.details',
      },
      status: 403,
      expected: { reason: 'permission_denied', permission: 'segments.details' },
    },
    {
      body: { error: 'wrong_endpoint', provider: 'braze', status: 404, message: 'Invalid URL' },
      status: 404,
      expected: { reason: 'wrong_endpoint' },
    },
    {
      body: { error: 'rate_limited', provider: 'braze', status: 429, retryAfterSeconds: 7 },
      status: 429,
      expected: { reason: 'rate_limited', retryAfterSeconds: 7 },
    },
    {
      body: {
        error: 'budget_reserve',
        provider: 'braze',
        status: 429,
        retryAfterSeconds: 60,
        resumeAt: '2026-12-06T03:00:00Z',
      },
      status: 429,
      expected: { reason: 'budget_reserve', resumeAt: Date.UTC(2026, 11, 6, 3) },
    },
    { body: { error: 'upstream_error', provider: 'braze', status: 503 }, status: 503, expected: { reason: 'server' } },
    { body: { error: 'upstream_too_large', provider: 'braze' }, status: 502, expected: { reason: 'invalid_response' } },
    {
      body: { error: 'unauthorized', provider: 'braze', status: 401 },
      status: 401,
      expected: { reason: 'unauthorized' },
    },
  ])('$body.error → $expected.reason', async ({ body, status, expected }) => {
    expect(await providerErrorFromResponse('braze', Response.json(body, { status }))).toMatchObject({
      provider: 'braze',
      status,
      ...expected,
    })
  })

  it.each(['constructor', 'toString', 'no_such_reason'])(
    'reads "error": "%s", which names no reason, by the status',
    async (name) => {
      const error = await providerErrorFromResponse('braze', Response.json({ error: name }, { status: 503 }))
      expect(error.reason).toBe('server')
      expect(error.message).toBe('Braze had a server error (HTTP 503)')
    },
  )

  it('ignores a permission the proxy does not name', async () => {
    const error = await providerErrorFromResponse(
      'braze',
      Response.json({ error: 'permission_denied', permission: 'campaigns.list' }, { status: 403 }),
    )
    expect(error.permission).toBeUndefined()
  })
})
