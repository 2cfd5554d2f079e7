// Reads started before the code that needs them has even been evaluated (see src/app/early-reads.ts): that code takes
// the read under the same key, once; afterwards, or when nothing was started, it reads for itself.

const started = new Map<string, Promise<unknown>>()

export function startRead(key: string, read: () => Promise<unknown>): void {
  if (started.has(key)) return
  const promise = read()
  // A failure surfaces where the read is taken; until then it must not count as unhandled.
  promise.catch(() => {})
  started.set(key, promise)
}

/** The read started under `key`, handed over once; undefined when none was started or it was already taken. */
export function takeRead<T>(key: string): Promise<T> | undefined {
  const promise = started.get(key)
  started.delete(key)
  return promise as Promise<T> | undefined
}
