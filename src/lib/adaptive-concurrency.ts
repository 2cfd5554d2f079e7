// How many requests may be in flight at once: halved each time the server says "too many" (429), raised again by one
// after a full round of successes at the current limit, never above the maximum asked for.

export class AdaptiveConcurrency {
  readonly max: number
  private current: number
  /** Bumped at each change of the limit: only requests started since then speak for the new limit. */
  private generation = 0
  private successes = 0
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(
    max: number,
    private readonly onChange: (limit: number) => void = () => {},
  ) {
    this.max = Math.max(1, Math.floor(max))
    this.current = this.max
  }

  get limit(): number {
    return this.current
  }

  /** Told of a 429 (pass it as fetchWithRetry's `onRateLimited`): half as many at once, never fewer than one. */
  readonly rateLimited = (): void => {
    this.change(Math.max(1, Math.floor(this.current / 2)))
  }

  /**
   * Runs `request` once fewer than `limit` requests run through here. When as many requests as the limit, all
   * started since the limit last changed, have succeeded, one more may run at once.
   */
  async run<T>(request: () => Promise<T>): Promise<T> {
    while (this.active >= this.current) await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.active += 1
    const generation = this.generation
    try {
      const result = await request()
      this.succeeded(generation)
      return result
    } finally {
      this.active -= 1
      this.wakeWaiting()
    }
  }

  private succeeded(generation: number): void {
    // A request started before the last 429 says nothing about whether the slower pace suits the server.
    if (generation !== this.generation || this.current >= this.max) return
    this.successes += 1
    if (this.successes >= this.current) this.change(this.current + 1)
  }

  private change(limit: number): void {
    this.current = limit
    this.generation += 1
    this.successes = 0
    this.onChange(limit)
    this.wakeWaiting()
  }

  private wakeWaiting(): void {
    for (const wake of this.waiting.splice(0)) wake()
  }
}
