// A small record kept as JSON in the browser's localStorage or sessionStorage, checked with zod when read back. Where
// storage is disabled (or absent, as in Node) reads give nothing and writes are dropped: callers say what that means.
import type { z } from 'zod/mini'

export interface StoredRecord<T> {
  /** The record, or undefined when there is none, it does not read as one, or storage is unavailable. */
  read: () => T | undefined
  write: (value: T) => void
  clear: () => void
}

/** `storage` is a function: merely touching `localStorage` throws where the browser disables it. */
export function storedRecord<S extends z.ZodMiniType>(
  storage: () => Storage,
  key: string,
  schema: S,
): StoredRecord<z.output<S>> {
  return {
    read: () => {
      try {
        const parsed = schema.safeParse(JSON.parse(storage().getItem(key) ?? 'null'))
        return parsed.success ? parsed.data : undefined
      } catch {
        return undefined
      }
    },
    write: (value) => {
      try {
        storage().setItem(key, JSON.stringify(value))
      } catch {
        // Disabled or full: the value holds for this page only.
      }
    },
    clear: () => {
      try {
        storage().removeItem(key)
      } catch {
        // Nothing to clear where nothing can be stored.
      }
    },
  }
}
