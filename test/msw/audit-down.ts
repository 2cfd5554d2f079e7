// The audit server stopped: every call to /api/audit fails as a network error would, until the test's handlers are
// reset. `writes()` counts the writes the page sent to it meanwhile.
import { http, HttpResponse } from 'msw'
import type { SetupServer } from 'msw/node'

export function auditServerDown(server: SetupServer): { writes: () => number } {
  let writes = 0
  server.use(
    http.all('*/api/audit/*', ({ request }) => {
      if (request.method === 'POST') writes += 1
      return HttpResponse.error()
    }),
  )
  return { writes: () => writes }
}
