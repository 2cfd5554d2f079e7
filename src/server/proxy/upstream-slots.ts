// A cap on upstream calls in flight: the excess waits in line, and leaves the line when its caller goes away.

export interface UpstreamSlots {
  /** Resolves with a release function once a slot is free; rejects with the signal's reason if it aborts first. */
  acquire(signal: AbortSignal): Promise<() => void>
}

export function createUpstreamSlots(max: number): UpstreamSlots {
  let inFlight = 0
  const waiting: (() => void)[] = []

  const release = () => {
    const nextInLine = waiting.shift()
    if (nextInLine) nextInLine()
    else inFlight -= 1
  }
  // Each slot is released once, however often its holder calls the function.
  const releaseOnce = () => {
    let released = false
    return () => {
      if (released) return
      released = true
      release()
    }
  }

  return {
    acquire(signal) {
      if (signal.aborted) return Promise.reject(signal.reason)
      if (inFlight < max) {
        inFlight += 1
        return Promise.resolve(releaseOnce())
      }
      return new Promise((resolve, reject) => {
        // The slot passes straight from the releasing call to this one, so inFlight stays as it is.
        const take = () => {
          signal.removeEventListener('abort', leave)
          resolve(releaseOnce())
        }
        const leave = () => {
          const index = waiting.indexOf(take)
          if (index !== -1) waiting.splice(index, 1)
          reject(signal.reason)
        }
        waiting.push(take)
        signal.addEventListener('abort', leave, { once: true })
      })
    },
  }
}
