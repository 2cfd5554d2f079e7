// The app's own server restarting, for a page's test: `route` and the audit's poll get no answer until `back()`. Fake
// timers (advancing with real time too) carry the page's retries and polls along, a second at a time; the test's file
// puts real timers back after each test.
import { screen } from '@testing-library/react'
import { http, HttpResponse, type RequestHandler } from 'msw'
import type { SetupServer } from 'msw/node'
import { vi } from 'vitest'
import { advanceWhile } from '../fake-time'

export function appServerRestarting(server: SetupServer, route: string) {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  server.use(
    http.get(route, () => HttpResponse.error()),
    http.get('*/api/audit/entries', () => HttpResponse.error()),
  )
  return {
    /** The page's alert, once its request has failed (its retries included). */
    alert: async (): Promise<HTMLElement> => {
      await advanceWhile(() => !screen.queryByRole('alert'), 30)
      return screen.getByRole('alert')
    },
    /**
     * The server answers again (the test's handlers dropped, `answers` put in their place); a few seconds pass while
     * the page has its alert.
     */
    back: async (...answers: RequestHandler[]): Promise<void> => {
      server.resetHandlers(...answers)
      await advanceWhile(() => screen.queryByRole('alert') !== null, 10)
    },
  }
}
