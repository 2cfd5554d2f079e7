// A part of the app loaded on demand while the server is briefly down: tried again until it loads, or given up on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadAgain, notLoaded } from '../../src/components/on-demand'

const serverDown = () => new TypeError('Failed to fetch dynamically imported module: /assets/bulk-bar-x.js')

/** The browser's window, for its `online` event (the logic tests run in Node, which has none). */
let browser: EventTarget

beforeEach(() => {
  vi.useFakeTimers()
  browser = new EventTarget()
  vi.stubGlobal('addEventListener', browser.addEventListener.bind(browser))
  vi.stubGlobal('removeEventListener', browser.removeEventListener.bind(browser))
})

afterEach(() => {
  vi.useRealTimers()
})

/** A loader whose first `failures` calls fail as a stopped server does. */
function failingFirst(failures: number) {
  let calls = 0
  return vi.fn(() => (calls++ < failures ? Promise.reject(serverDown()) : Promise.resolve({ BulkBar: 'the bar' })))
}

describe('loading a part of the app again', () => {
  it('loads once the server answers, after two failures', async () => {
    const load = failingFirst(2)
    const loaded = loadAgain(load)

    await vi.advanceTimersByTimeAsync(1000)
    expect(load).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(2000)

    await expect(loaded).resolves.toEqual({ BulkBar: 'the bar' })
    expect(load).toHaveBeenCalledTimes(3)
  })

  it('tries again at once when the browser is back online', async () => {
    const load = failingFirst(1)
    const loaded = loadAgain(load)
    await vi.advanceTimersByTimeAsync(0)

    browser.dispatchEvent(new Event('online'))

    await expect(loaded).resolves.toEqual({ BulkBar: 'the bar' })
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('gives up with the last error when the server stays down longer than the limit', async () => {
    let last: Error | undefined
    const load = vi.fn(() => Promise.reject((last = serverDown())))
    const loaded = loadAgain(load)
    const settled = loaded.then(
      () => 'loaded',
      (error: unknown) => error,
    )

    await vi.advanceTimersByTimeAsync(25_000)
    expect(await Promise.race([settled, 'still waiting'])).toBe('still waiting')
    await vi.advanceTimersByTimeAsync(10_000)

    const error = await settled
    expect(error).toBe(last)
    expect(load.mock.calls.length).toBeGreaterThan(3)
    expect(notLoaded.has(error as object)).toBe(true)
  })
})
