// The proxy's hold of Braze's reserve, as a request meets it: a hold of a few seconds (a burst limit's reset) is waited
// out and asked again, as a 429 is; a longer one fails at once, for the caller to pause until the reset.
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod/mini'
import type { RetryPolicy } from '../../src/lib/http'
import { ProviderError } from '../../src/providers/provider-error'
import { requestProviderJson, type ProviderRequestOptions } from '../../src/providers/request'
import { reserveHold } from '../msw/reserve-hold'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const DETAILS = '/api/braze/segments/details'

/** Details that answer `holds` in turn, then Braze's answer; counts the requests. */
function detailsAnswering(...holds: number[]): { requests: number } {
  const counter = { requests: 0 }
  server.use(
    http.get(`*${DETAILS}`, () => {
      const seconds = holds[counter.requests]
      counter.requests += 1
      return seconds === undefined ? HttpResponse.json({ message: 'success' }) : reserveHold(seconds)
    }),
  )
  return counter
}

/** A request's answer, or its error. */
interface Outcome {
  body?: { message: string }
  error?: unknown
}

/** One details request; the waits it slept and the ones it announced are recorded instead of spent. */
async function askDetails(options: ProviderRequestOptions = {}) {
  const slept: number[] = []
  const announced: number[] = []
  const retry: Partial<RetryPolicy> = {
    sleep: async (ms) => {
      slept.push(ms)
    },
    random: () => 0.5,
  }
  const outcome = await requestProviderJson(
    'braze',
    DETAILS,
    { segment_id: 'abc' },
    z.object({ message: z.string() }),
    { retry, onRateLimited: (ms) => announced.push(ms), ...options },
  ).then<Outcome, Outcome>(
    (body) => ({ body }),
    (error: unknown) => ({ error }),
  )
  return { ...outcome, slept, announced }
}

describe('the reserve held by the proxy', () => {
  it('is waited out when its reset is seconds away, and the call asked again', async () => {
    const details = detailsAnswering(2)
    const { body, slept, announced } = await askDetails()
    expect(body).toEqual({ message: 'success' })
    expect(details.requests).toBe(2)
    expect(slept).toEqual([2000])
    // The caller hears of the wait, as for any 429, and can say until when.
    expect(announced).toEqual([2000])
  })

  it('fails at once when its reset is further off than a 429 is waited out', async () => {
    const details = detailsAnswering(600)
    const { error, slept } = await askDetails()
    expect(error).toBeInstanceOf(ProviderError)
    expect(error).toMatchObject({ reason: 'budget_reserve', retryAfterSeconds: 600 })
    expect(details.requests).toBe(1)
    expect(slept).toEqual([])
  })

  it('fails at once, however short, for a caller that pauses for it itself (the details scan)', async () => {
    const details = detailsAnswering(2)
    const { error } = await askDetails({ reserveWaitMs: 0 })
    expect(error).toMatchObject({ reason: 'budget_reserve', retryAfterSeconds: 2 })
    expect(details.requests).toBe(1)
  })

  it('is asked again only as often as any 429, then fails with the wait it still asks for', async () => {
    const details = detailsAnswering(2, 2, 2, 2)
    const { error } = await askDetails({ retry: { maxRateLimitRetries: 2, sleep: async () => undefined } })
    expect(error).toMatchObject({ reason: 'budget_reserve', retryAfterSeconds: 2 })
    expect(details.requests).toBe(3)
  })
})
