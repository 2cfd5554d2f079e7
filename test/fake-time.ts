// Time moved on by hand, for a page whose retries, backoffs and polls would otherwise be waited for in real time: on
// fake timers (that also follow the clock), a second at a time while the page has not got where the test waits for.
import { act } from '@testing-library/react'
import { vi } from 'vitest'

export async function advanceWhile(going: () => boolean, seconds: number): Promise<void> {
  for (let step = 0; step < seconds && going(); step++) await act(() => vi.advanceTimersByTimeAsync(1000))
}
