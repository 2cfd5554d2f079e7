// Demo options from the environment: defaults, parsing, and errors that name the variable.
import { describe, it, expect } from 'vitest'
import { DEFAULT_DEMO_OPTIONS, readDemoOptions } from '../../../src/server/demo/demo-options'

describe('readDemoOptions', () => {
  it('uses the defaults when nothing is set, or a variable is empty', () => {
    const defaults = {
      brazeCount: 3000,
      commandersActCount: 400,
      latencyMs: 120,
      fail: undefined,
      failEvery: 5,
      brazeRateLimit: 250_000,
      brazeRateWindowSeconds: 3600,
    }
    expect(readDemoOptions({})).toEqual(defaults)
    expect(readDemoOptions({ DEMO_BRAZE_SEGMENTS: '', DEMO_CA_SEGMENTS: ' ', DEMO_FAIL: '' })).toEqual(defaults)
  })

  it('reads every variable', () => {
    expect(
      readDemoOptions({
        DEMO_BRAZE_SEGMENTS: '10000',
        DEMO_CA_SEGMENTS: '2000',
        DEMO_LATENCY_MS: '0',
        DEMO_FAIL: 'braze',
      }),
    ).toEqual({ ...DEFAULT_DEMO_OPTIONS, brazeCount: 10_000, commandersActCount: 2_000, latencyMs: 0, fail: 'braze' })
    for (const fail of ['commanders-act', 'rate-limit', 'permission'])
      expect(readDemoOptions({ DEMO_FAIL: fail }).fail).toBe(fail)
    expect(
      readDemoOptions({ DEMO_FAIL_EVERY: '3', DEMO_BRAZE_RATE_LIMIT: '400', DEMO_BRAZE_RATE_WINDOW_SECONDS: '60' }),
    ).toMatchObject({ failEvery: 3, brazeRateLimit: 400, brazeRateWindowSeconds: 60 })
  })

  it.each([
    ['DEMO_BRAZE_SEGMENTS', 'lots'],
    ['DEMO_BRAZE_SEGMENTS', '-1'],
    ['DEMO_CA_SEGMENTS', '1.5'],
    ['DEMO_CA_SEGMENTS', '1e3'],
    ['DEMO_LATENCY_MS', '120ms'],
    ['DEMO_BRAZE_SEGMENTS', '50000000'],
    ['DEMO_FAIL_EVERY', '0'],
    ['DEMO_BRAZE_RATE_LIMIT', 'many'],
    ['DEMO_BRAZE_RATE_WINDOW_SECONDS', '1h'],
  ])('refuses %s=%s with an error naming the variable', (name, value) => {
    expect(() => readDemoOptions({ [name]: value })).toThrow(new RegExp(`^${name} must be a whole number`))
  })

  it('refuses an unknown DEMO_FAIL value', () => {
    expect(() => readDemoOptions({ DEMO_FAIL: 'both' })).toThrow(
      /^DEMO_FAIL must be one of "braze", "commanders-act", "rate-limit", "permission"/,
    )
    expect(() => readDemoOptions({ DEMO_FAIL: 'Braze' })).toThrow(/DEMO_FAIL/)
  })
})
