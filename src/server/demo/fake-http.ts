// Small pieces both fake providers answer with: simulated latency and JSON responses.

export function delay(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve()
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Plain `application/json`: JSON is UTF-8 by definition, and consumers may compare the type exactly. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, 'Content-Type': 'application/json' },
  })
}

/** A digits-only parameter as a safe integer; anything else (empty, sign, decimals, huge) is null. */
export function parseWholeNumber(value: string | null): number | null {
  if (value === null || !/^\d{1,15}$/.test(value)) return null
  return Number(value)
}
