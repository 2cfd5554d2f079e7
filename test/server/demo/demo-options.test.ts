// Demo options from the environment: defaults, parsing, and errors that name the variable.
import { describe, it, expect } from 'vitest'
import { readDemoOptions } from '../../../src/server/demo/demo-options'

describe('readDemoOptions', () => {
  it('uses the defaults when nothing is set, or a variable is empty', () => {
    const defaults = { brazeCount: 3000, commandersActCount: 400, latencyMs: 120, fail: undefined }
    expect(readDemoOptions({})).toEqual(defaults)
    expect(readDemoOptions({ DEMO_BRAZE_SEGMENTS: '', DEMO_CA_SEGMENTS: ' ', DEMO_FAIL: '' })).toEqual(defaults)
  })

  it('reads every variable', () => {
    expect(
      readDemoOptions({ DEMO_BRAZE_SEGMENTS: '10000', DEMO_CA_SEGMENTS: '2000', DEMO_LATENCY_MS: '0', DEMO_FAIL: 'braze' }),
    ).toEqual({ brazeCount: 10_000, commandersActCount: 2_000, latencyMs: 0, fail: 'braze' })
    expect(readDemoOptions({ DEMO_FAIL: 'commanders-act' }).fail).toBe('commanders-act')
  })

  it.each([
    ['DEMO_BRAZE_SEGMENTS', 'lots'],
    ['DEMO_BRAZE_SEGMENTS', '-1'],
    ['DEMO_CA_SEGMENTS', '1.5'],
    ['DEMO_CA_SEGMENTS', '1e3'],
    ['DEMO_LATENCY_MS', '120ms'],
    ['DEMO_BRAZE_SEGMENTS', '50000000'],
  ])('refuses %s=%s with an error naming the variable', (name, value) => {
    expect(() => readDemoOptions({ [name]: value })).toThrow(new RegExp(`^${name} must be a whole number`))
  })

  it('refuses an unknown DEMO_FAIL value', () => {
    expect(() => readDemoOptions({ DEMO_FAIL: 'both' })).toThrow(/^DEMO_FAIL must be "braze" or "commanders-act"/)
    expect(() => readDemoOptions({ DEMO_FAIL: 'Braze' })).toThrow(/DEMO_FAIL/)
  })
})
