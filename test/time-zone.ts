// Runs a test file's cases in another time zone than the machine's, for dates that a time zone could move.
import { afterAll, beforeAll } from 'vitest'

/**
 * Sets the process's time zone for the file's tests and puts it back after. Only the node project can: Node applies a
 * change of `TZ` on the main thread only, and the dom project runs its files in worker threads. An Intl formatter made
 * before keeps the zone it was made in.
 */
export function inTimeZone(zone: string): void {
  let before: string | undefined
  beforeAll(() => {
    before = process.env.TZ
    process.env.TZ = zone
  })
  afterAll(() => {
    if (before === undefined) delete process.env.TZ
    else process.env.TZ = before
  })
}
