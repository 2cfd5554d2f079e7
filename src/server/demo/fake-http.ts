// Small pieces both fake providers answer with: simulated latency and JSON responses.

/**
 * Simulated latency. It ends early when the caller has gone, so a closed demo server leaves no timers behind;
 * it resolves rather than rejects then, as a thrown error would be reported by MSW as a handler failure.
 */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', finish)
      resolve()
    }
    const timer = setTimeout(finish, ms)
    signal?.addEventListener('abort', finish, { once: true })
  })
}

/** Real latency varies: ±25 % around the mean, so answers to requests sent together arrive out of order. */
export function jitter(meanMs: number, random: () => number = Math.random): number {
  return meanMs <= 0 ? 0 : Math.round(meanMs * (0.75 + random() * 0.5))
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
