// The adaptive request limit shared by the Braze list paging and the details scan: halves on 429, climbs back by one
// per round of successes started at the current limit, holds requests beyond it.
import { describe, expect, it } from 'vitest'
import { AdaptiveConcurrency } from '../../src/lib/adaptive-concurrency'
import { held } from '../held'

/** A request the test answers when it likes. */
function pendingRequest() {
  const { released, release } = held()
  return { request: () => released, answer: release }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('AdaptiveConcurrency', () => {
  it.each([
    { max: 6, rateLimits: 1, limit: 3 },
    { max: 6, rateLimits: 2, limit: 1 },
    { max: 6, rateLimits: 5, limit: 1 },
    { max: 4, rateLimits: 1, limit: 2 },
    { max: 1, rateLimits: 1, limit: 1 },
  ])('starts at $max and is $limit after $rateLimits 429s', ({ max, rateLimits, limit }) => {
    const pace = new AdaptiveConcurrency(max)
    expect(pace.limit).toBe(max)
    for (let count = 0; count < rateLimits; count += 1) pace.rateLimited()
    expect(pace.limit).toBe(limit)
  })

  it('climbs back by one after as many successes as the limit, up to the maximum and no further', async () => {
    const changes: number[] = []
    const pace = new AdaptiveConcurrency(6, (limit) => changes.push(limit))
    pace.rateLimited()
    pace.rateLimited()

    for (let request = 0; request < 30; request += 1) await pace.run(() => Promise.resolve())

    // 1 success to reach 2, then 2, 3, 4 and 5: 15 in all.
    expect(changes).toEqual([3, 1, 2, 3, 4, 5, 6])
    expect(pace.limit).toBe(6)
  })

  it('does not count successes of requests started before the last 429 towards climbing back', async () => {
    const pace = new AdaptiveConcurrency(4)
    const started = [pendingRequest(), pendingRequest(), pendingRequest(), pendingRequest()]
    const running = started.map(({ request }) => pace.run(request))
    pace.rateLimited()

    for (const { answer } of started) answer()
    await Promise.all(running)

    expect(pace.limit).toBe(2)
  })

  it('holds requests beyond the limit until one ends, and fewer after a 429', async () => {
    const pace = new AdaptiveConcurrency(3)
    const requests = Array.from({ length: 6 }, pendingRequest)
    let started = 0
    const runs = requests.map(({ request }) =>
      pace.run(() => {
        started += 1
        return request()
      }),
    )
    await settle()
    expect(started).toBe(3)

    pace.rateLimited()
    requests[0]?.answer()
    await settle()
    // Two still run and the limit is now one: nothing new starts.
    expect(started).toBe(3)

    requests[1]?.answer()
    requests[2]?.answer()
    await settle()
    expect(started).toBe(4)

    for (const { answer } of requests) answer()
    await Promise.all(runs)
    expect(started).toBe(6)
  })
})
