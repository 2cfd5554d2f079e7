// Reads started early and taken later by the code that needs them: handed over once, failures kept for the taker.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startRead, takeRead } from '../../src/lib/head-start'

/** Lets every pending promise settle and Node report any rejection nobody handled. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

let unhandled: unknown[] = []
const noteUnhandled = (reason: unknown) => void unhandled.push(reason)

afterEach(() => {
  process.off('unhandledRejection', noteUnhandled)
  unhandled = []
})

describe('a started read', () => {
  it('is handed over once, without reading again', async () => {
    const read = vi.fn(() => Promise.resolve({ segments: 3 }))
    startRead('cache-once', read)

    await expect(takeRead('cache-once')).resolves.toEqual({ segments: 3 })
    expect(takeRead('cache-once')).toBeUndefined()
    expect(read).toHaveBeenCalledTimes(1)
  })

  it('is nothing to take when none was started', () => {
    expect(takeRead('never-started')).toBeUndefined()
  })

  it('keeps its failure for the taker, not as an unhandled rejection meanwhile', async () => {
    process.on('unhandledRejection', noteUnhandled)
    startRead('cache-failing', () => Promise.reject(new Error('IndexedDB is unavailable')))

    await nextTask()
    expect(unhandled).toEqual([])

    await expect(takeRead('cache-failing')).rejects.toThrow('IndexedDB is unavailable')
  })

  it('keeps the first read when started twice under one key', async () => {
    const second = vi.fn(() => Promise.resolve('second'))
    startRead('status-twice', () => Promise.resolve('first'))
    startRead('status-twice', second)

    await expect(takeRead('status-twice')).resolves.toBe('first')
    expect(second).not.toHaveBeenCalled()
  })
})
