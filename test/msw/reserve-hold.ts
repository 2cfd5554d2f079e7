// The proxy's own answer while only the reserve of Braze's budget is left: a 429 with the wait in its body and in
// Retry-After, as src/server/proxy/forward.ts sends it.
import { HttpResponse } from 'msw'

export function reserveHold(seconds: number): Response {
  return HttpResponse.json(
    {
      error: 'budget_reserve',
      provider: 'braze',
      status: 429,
      retryAfterSeconds: seconds,
      resumeAt: new Date(Date.now() + seconds * 1000).toISOString(),
    },
    { status: 429, headers: { 'Retry-After': String(seconds) } },
  )
}
