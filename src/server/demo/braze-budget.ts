// The fake Braze's shared budget, spent by every call and refilled at the top of each window, as the real one's is.

export interface BrazeBudgetOptions {
  /** Calls per window; Braze's default is 250,000 an hour. */
  limit: number
  windowSeconds: number
  now: () => Date
}

export interface BudgetReading {
  headers: Record<string, string>
  /** The budget was already spent: this call is refused with 429. */
  spent: boolean
}

/** Windows are aligned to the epoch, so the reset is "the top of the next window" (the next hour by default). */
export function createBrazeBudget(options: BrazeBudgetOptions): () => BudgetReading {
  const windowMs = options.windowSeconds * 1000
  let windowEnd = 0
  let remaining = options.limit
  return () => {
    const nowMs = options.now().getTime()
    if (nowMs >= windowEnd) {
      windowEnd = (Math.floor(nowMs / windowMs) + 1) * windowMs
      remaining = options.limit
    }
    const spent = remaining === 0
    remaining = Math.max(0, remaining - 1)
    return {
      spent,
      headers: {
        'X-RateLimit-Limit': String(options.limit),
        'X-RateLimit-Remaining': String(remaining),
        'X-RateLimit-Reset': String(Math.ceil(windowEnd / 1000)),
      },
    }
  }
}

/**
 * A short burst limit, as Braze sometimes answers well before the hourly budget is spent: the reset 1–2 s ahead
 * (the next whole second, plus one), and no Retry-After, which Braze does not document.
 */
export function burstLimitHeaders(limit: number, now: Date): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset': String(Math.floor(now.getTime() / 1000) + 2),
  }
}
