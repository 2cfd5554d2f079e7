// @vitest-environment jsdom
// afterPaint: resolves once the next frame is painted, and never hangs where no frame comes.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { afterPaint } from '../../src/lib/after-paint'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

function settled(promise: Promise<void>): () => boolean {
  let done = false
  void promise.then(() => (done = true))
  return () => done
}

describe('afterPaint', () => {
  it('waits for the next frame, then for the task after it', async () => {
    vi.useFakeTimers()
    const frames: FrameRequestCallback[] = []
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback))
    const isDone = settled(afterPaint())

    await vi.advanceTimersByTimeAsync(20)
    expect(isDone()).toBe(false)
    expect(frames).toHaveLength(1)

    frames[0]?.(performance.now())
    await vi.advanceTimersByTimeAsync(0)
    expect(isDone()).toBe(true)
  })

  it('gives up waiting for a frame that does not come', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestAnimationFrame', () => 1)
    const isDone = settled(afterPaint())
    await vi.advanceTimersByTimeAsync(99)
    expect(isDone()).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(isDone()).toBe(true)
  })

  it('does not wait for a frame in a hidden tab', async () => {
    vi.useFakeTimers()
    const requestFrame = vi.fn(() => 1)
    vi.stubGlobal('requestAnimationFrame', requestFrame)
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    const isDone = settled(afterPaint())
    await vi.advanceTimersByTimeAsync(0)
    expect(isDone()).toBe(true)
    expect(requestFrame).not.toHaveBeenCalled()
  })
})
