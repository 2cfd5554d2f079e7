// The Braze instance name shown on the Connections page, from the REST host (Braze's dashboard-to-REST host mapping).
import { describe, expect, it } from 'vitest'
import { brazeInstanceName } from '../../../src/features/connections/braze-instance'

describe('brazeInstanceName', () => {
  it.each([
    { host: 'rest.iad-01.braze.com', expected: 'US-01' },
    { host: 'rest.iad-02.braze.com', expected: 'US-02' },
    { host: 'rest.iad-03.braze.com', expected: 'US-03' },
    { host: 'rest.iad-04.braze.com', expected: 'US-04' },
    { host: 'rest.iad-05.braze.com', expected: 'US-05' },
    { host: 'rest.iad-06.braze.com', expected: 'US-06' },
    { host: 'rest.iad-07.braze.com', expected: 'US-07' },
    { host: 'rest.iad-08.braze.com', expected: 'US-08' },
    { host: 'rest.us-10.braze.com', expected: 'US-10' },
    { host: 'rest.fra-01.braze.eu', expected: 'EU-01' },
    { host: 'rest.fra-02.braze.eu', expected: 'EU-02' },
    { host: 'rest.au-01.braze.com', expected: 'AU-01' },
    { host: 'rest.id-01.braze.com', expected: 'ID-01' },
    { host: 'rest.jp-01.braze.com', expected: 'JP-01' },
    { host: 'rest.kr-01.braze.com', expected: 'KR-01' },
  ])('$host → $expected', ({ host, expected }) => {
    expect(brazeInstanceName(host)).toBe(expected)
  })

  it.each([
    { what: 'an unknown host', host: 'rest.demo-braze.test' },
    { what: 'localhost with a port', host: 'localhost:5174' },
    { what: 'the empty string', host: '' },
    { what: 'a dashboard host instead of the REST host', host: 'dashboard-01.braze.com' },
    { what: 'a US host on the EU domain', host: 'rest.iad-01.braze.eu' },
    { what: 'an EU host on the US domain', host: 'rest.fra-01.braze.com' },
    { what: 'a full URL instead of a host', host: 'https://rest.iad-01.braze.com' },
    { what: 'a look-alike domain', host: 'rest.iad-01.braze.com.evil.test' },
    { what: 'a prefixed look-alike', host: 'evilrest.iad-01.braze.com' },
    { what: 'a one-digit instance number', host: 'rest.iad-1.braze.com' },
    { what: 'an unlisted regional instance', host: 'rest.uk-01.braze.com' },
    { what: 'us-10 on the EU domain', host: 'rest.us-10.braze.eu' },
  ])('$what ($host) → null', ({ host }) => {
    expect(brazeInstanceName(host)).toBeNull()
  })
})
