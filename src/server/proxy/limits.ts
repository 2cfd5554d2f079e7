// The proxy's limits from the server's environment; a wrong value stops the start with a message naming the variable.
import type { ServerEnv } from './config.ts'

/** A number of calls, or a share of the limit Braze reports. */
export type RateReserve = { calls: number } | { percent: number }

export interface ProxyLimits {
  /** Upstream calls in flight at once, all providers together; the rest wait in a queue. */
  maxUpstream: number
  /** Per provider answer (per page on the pages route); larger answers are cut off while streaming. */
  maxBodyBytes: number
  brazeReserve: RateReserve
}

export const DEFAULT_PROXY_LIMITS: ProxyLimits = {
  maxUpstream: 24,
  maxBodyBytes: 5 * 1024 * 1024,
  brazeReserve: { percent: 10 },
}

function read(env: ServerEnv, name: string): string | undefined {
  const value = env[name]?.trim()
  return value ? value : undefined
}

function wholeNumber(env: ServerEnv, name: string, fallback: number, min: number, max: number): number {
  const value = read(env, name)
  if (value === undefined) return fallback
  if (!/^\d{1,10}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${value.slice(0, 40)}".`)
  }
  return Number(value)
}

function rateReserve(env: ServerEnv): RateReserve {
  const value = read(env, 'BRAZE_RATE_RESERVE')
  if (value === undefined) return DEFAULT_PROXY_LIMITS.brazeReserve
  const percent = /^(\d{1,3}(?:\.\d{1,2})?)\s*%$/.exec(value)
  if (percent && Number(percent[1]) <= 100) return { percent: Number(percent[1]) }
  if (/^\d{1,9}$/.test(value)) return { calls: Number(value) }
  throw new Error(`BRAZE_RATE_RESERVE must be a number of calls or a percentage like 10%, got "${value.slice(0, 40)}".`)
}

export function readProxyLimits(env: ServerEnv): ProxyLimits {
  return {
    maxUpstream: wholeNumber(env, 'PROXY_MAX_UPSTREAM', DEFAULT_PROXY_LIMITS.maxUpstream, 1, 1000),
    maxBodyBytes: wholeNumber(env, 'PROXY_MAX_BODY_BYTES', DEFAULT_PROXY_LIMITS.maxBodyBytes, 1024, 100 * 1024 * 1024),
    brazeReserve: rateReserve(env),
  }
}
