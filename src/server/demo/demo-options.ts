// Reads how the demo providers behave from the environment; a wrong value stops the start with a message naming the variable.

export interface DemoOptions {
  brazeCount: number
  commandersActCount: number
  latencyMs: number
  fail: 'braze' | 'commanders-act' | undefined
}

export const DEFAULT_DEMO_OPTIONS: DemoOptions = {
  brazeCount: 3000,
  commandersActCount: 400,
  latencyMs: 120,
  fail: undefined,
}

// Bounds keep a typo (an extra zero or three) from stalling the dev server.
const MAX_SEGMENTS = 100_000
const MAX_LATENCY_MS = 60_000

export function readDemoOptions(env: Record<string, string | undefined>): DemoOptions {
  return {
    brazeCount: readWholeNumber(env, 'DEMO_BRAZE_SEGMENTS', DEFAULT_DEMO_OPTIONS.brazeCount, MAX_SEGMENTS),
    commandersActCount: readWholeNumber(env, 'DEMO_CA_SEGMENTS', DEFAULT_DEMO_OPTIONS.commandersActCount, MAX_SEGMENTS),
    latencyMs: readWholeNumber(env, 'DEMO_LATENCY_MS', DEFAULT_DEMO_OPTIONS.latencyMs, MAX_LATENCY_MS),
    fail: readFailingProvider(env),
  }
}

/** An empty value counts as unset, as `.env` files often leave `NAME=`. */
function readValue(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name]?.trim()
  return value === '' ? undefined : value
}

function readWholeNumber(env: Record<string, string | undefined>, name: string, fallback: number, max: number): number {
  const value = readValue(env, name)
  if (value === undefined) return fallback
  if (!/^\d{1,9}$/.test(value) || Number(value) > max) {
    throw new Error(`${name} must be a whole number from 0 to ${max}, got "${value.slice(0, 40)}".`)
  }
  return Number(value)
}

function readFailingProvider(env: Record<string, string | undefined>): DemoOptions['fail'] {
  const value = readValue(env, 'DEMO_FAIL')
  if (value === undefined || value === 'braze' || value === 'commanders-act') return value
  throw new Error(`DEMO_FAIL must be "braze" or "commanders-act" (or unset), got "${value.slice(0, 40)}".`)
}
