// How the demo providers behave, from the environment; a wrong value stops start-up with a message naming the variable.

/** A provider answering 500 to everything, a 429 every Nth Braze call, or a Braze key without details permissions. */
export type DemoFailure = 'braze' | 'commanders-act' | 'rate-limit' | 'permission'

export interface DemoOptions {
  brazeCount: number
  commandersActCount: number
  latencyMs: number
  fail: DemoFailure | undefined
  /** With `rate-limit`: every how many Braze calls a 429 comes. */
  failEvery: number
  /** The fake Braze's budget: calls per window, and the window in seconds. */
  brazeRateLimit: number
  brazeRateWindowSeconds: number
}

export const DEFAULT_DEMO_OPTIONS: DemoOptions = {
  brazeCount: 3000,
  commandersActCount: 400,
  latencyMs: 120,
  fail: undefined,
  failEvery: 5,
  brazeRateLimit: 250_000,
  brazeRateWindowSeconds: 3600,
}

const FAILURES: readonly DemoFailure[] = ['braze', 'commanders-act', 'rate-limit', 'permission']
// Bounds keep a typo (an extra zero or three) from stalling the dev server.
const MAX_SEGMENTS = 100_000
const MAX_LATENCY_MS = 60_000

export function readDemoOptions(env: Record<string, string | undefined>): DemoOptions {
  const defaults = DEFAULT_DEMO_OPTIONS
  return {
    brazeCount: readWholeNumber(env, 'DEMO_BRAZE_SEGMENTS', defaults.brazeCount, 0, MAX_SEGMENTS),
    commandersActCount: readWholeNumber(env, 'DEMO_CA_SEGMENTS', defaults.commandersActCount, 0, MAX_SEGMENTS),
    latencyMs: readWholeNumber(env, 'DEMO_LATENCY_MS', defaults.latencyMs, 0, MAX_LATENCY_MS),
    fail: readFailure(env),
    failEvery: readWholeNumber(env, 'DEMO_FAIL_EVERY', defaults.failEvery, 1, 1_000_000),
    brazeRateLimit: readWholeNumber(env, 'DEMO_BRAZE_RATE_LIMIT', defaults.brazeRateLimit, 1, 100_000_000),
    brazeRateWindowSeconds: readWholeNumber(
      env,
      'DEMO_BRAZE_RATE_WINDOW_SECONDS',
      defaults.brazeRateWindowSeconds,
      1,
      86_400,
    ),
  }
}

/** An empty value counts as unset, as `.env` files often leave `NAME=`. */
function readValue(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name]?.trim()
  return value === '' ? undefined : value
}

function readWholeNumber(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = readValue(env, name)
  if (value === undefined) return fallback
  if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${value.slice(0, 40)}".`)
  }
  return Number(value)
}

function readFailure(env: Record<string, string | undefined>): DemoOptions['fail'] {
  const value = readValue(env, 'DEMO_FAIL')
  if (value === undefined) return undefined
  const failure = FAILURES.find((known) => known === value)
  if (failure) return failure
  throw new Error(
    `DEMO_FAIL must be one of ${FAILURES.map((f) => `"${f}"`).join(', ')} (or unset), got "${value.slice(0, 40)}".`,
  )
}
