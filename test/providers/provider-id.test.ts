// Segment keys: the ones the providers' rows are given are the ones the audit accepts, and they split back whole.
import { describe, expect, it } from 'vitest'
import { providerName, segmentKey, splitSegmentKey } from '../../src/providers/provider-id'
import { generateDemoData } from '../../src/server/demo/data'
import { segmentKeySchema } from '../../src/stores/audit-contract'
import { listedSegments } from '../msw/demo-handlers'

const segments = listedSegments(generateDemoData({ brazeCount: 40, commandersActCount: 40 }))

describe('segment keys', () => {
  it('are accepted by the audit for every listed segment of either provider', () => {
    const refused = segments.filter((segment) => !segmentKeySchema.safeParse(segment.key).success)
    expect(refused).toEqual([])
    expect(new Set(segments.map((segment) => segment.provider))).toEqual(new Set(['braze', 'commanders-act']))
  })

  it('split back into the provider and the id they were made of, an id holding a colon included', () => {
    for (const { provider, id } of [...segments, { provider: 'braze' as const, id: 'a:b' }])
      expect(splitSegmentKey(segmentKey(provider, id))).toEqual({ provider, id })
  })

  it('are refused by the audit for a provider this app does not know, whose name is shown as written', () => {
    const key = `mailchimp:${segments[0]?.id}`
    expect(segmentKeySchema.safeParse(key).success).toBe(false)
    expect(providerName(splitSegmentKey(key).provider)).toBe('mailchimp')
    expect(providerName(splitSegmentKey('constructor:x').provider)).toBe('constructor')
  })
})
