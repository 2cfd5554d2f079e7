// A part of the app loaded on demand while the server is down: tried again until it loads, however long that takes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadAgain } from '../../src/components/on-demand'

const serverDown = () => new TypeError('Failed to fetch dynamically imported module: /assets/bulk-bar-x.js')

/** The browser's window, for its `online` event (the logic tests run in Node, which has none). */
let browser: EventTarget
/** The `online` listeners the window holds now. */
let listening: Set<unknown>

beforeEach(() => {
  vi.useFakeTimers()
  browser = new EventTarget()
  listening = new Set()
  vi.stubGlobal('addEventListener', (type: string, listener: EventListener, options?: AddEventListenerOptions) => {
    listening.add(listener)
    browser.addEventListener(type, listener, options)
  })
  vi.stubGlobal('removeEventListener', (type: string, listener: EventListener) => {
    listening.delete(listener)
    browser.removeEventListener(type, listener)
  })
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

  it('keeps asking through an outage of several minutes, every 5 s at most, and loads once the server answers', async () => {
    let down = true
    const load = vi.fn(() => (down ? Promise.reject(serverDown()) : Promise.resolve({ BulkBar: 'the bar' })))
    const loaded = loadAgain(load)
    const settled = loaded.then(
      (module) => module,
      (error: unknown) => error,
    )

    await vi.advanceTimersByTimeAsync(5 * 60_000)
    expect(await Promise.race([settled, 'still waiting'])).toBe('still waiting')
    const asked = load.mock.calls.length
    expect(asked).toBeGreaterThan((5 * 60) / 5)

    down = false
    await vi.advanceTimersByTimeAsync(5000)
    await expect(settled).resolves.toEqual({ BulkBar: 'the bar' })
    expect(load).toHaveBeenCalledTimes(asked + 1)
  })
})
