// JSONP → data, by pattern and JSON.parse only.
import { describe, expect, it } from 'vitest'
import { JSONP_MAX_BYTES, parseVisitorJsonp } from '../../../src/server/proxy/jsonp'

describe('parseVisitorJsonp', () => {
  it.each([
    ['/**/segmentAuditVisitor(["F92C4F26"]);', ['F92C4F26']],
    ['segmentAuditVisitor(["F92C4F26","BBFAC450"])', ['F92C4F26', 'BBFAC450']],
    ['  /**/ segmentAuditVisitor( [] ) ;\n', []],
  ])('reads %j', (body, ids) => {
    expect(parseVisitorJsonp(body)).toEqual(ids)
  })

  it.each([
    'otherCallback(["F92C4F26"]);',
    '/**/segmentAuditVisitor(["F92C4F26"]);alert(1)',
    'alert(1);segmentAuditVisitor(["F92C4F26"]);',
    '/**/segmentAuditVisitor({"ids":[]});',
    '/**/segmentAuditVisitor(["F92C4F26", 3]);',
    '/**/segmentAuditVisitor(["<script>"]);',
    '/**/segmentAuditVisitor([fetch("x")]);',
    '',
  ])('refuses %j', (body) => {
    expect(parseVisitorJsonp(body)).toBeNull()
  })

  it('refuses an oversized answer', () => {
    const ids = Array.from({ length: JSONP_MAX_BYTES / 8 }, () => '"AAAAAAAA"').join(',')
    expect(parseVisitorJsonp(`segmentAuditVisitor([${ids}]);`)).toBeNull()
  })
})

describe('parseVisitorJsonp against hostile answers', () => {
  const justUnderLimit = JSONP_MAX_BYTES - 64
  const adversarial: [string, string][] = [
    ['a run of spaces', ' '.repeat(justUnderLimit)],
    ['brackets and spaces inside the call', `segmentAuditVisitor([${'] '.repeat(justUnderLimit / 2)}`],
    ['a comment and a run of spaces', `/**/${' '.repeat(justUnderLimit)}`],
    ['spaces before an unclosed call', `segmentAuditVisitor(${' '.repeat(justUnderLimit)}`],
    ['nested comments', '/*'.repeat(justUnderLimit / 4) + '*/'.repeat(justUnderLimit / 4)],
    ['a huge unterminated array', `segmentAuditVisitor([${'"AAAAAAAA",'.repeat(justUnderLimit / 11)}`],
    [
      'deeply nested arrays',
      `segmentAuditVisitor(${'['.repeat(justUnderLimit / 2)}${']'.repeat(justUnderLimit / 2)});`,
    ],
    ['1 MB of spaces after the comment', `/**/${' '.repeat(1024 * 1024)}`],
    ['1 MB of unterminated array', `segmentAuditVisitor([${'"A",'.repeat(256 * 1024)}`],
  ]

  it.each(adversarial)('refuses %s quickly', (_, body) => {
    const started = performance.now()
    expect(parseVisitorJsonp(body)).toBeNull()
    // Generous: a linear scan takes a few milliseconds; the old backtracking pattern took seconds on these.
    expect(performance.now() - started).toBeLessThan(50)
  })

  it('still reads a large, valid answer padded with whitespace', () => {
    const ids = Array.from({ length: 1000 }, (_, index) => `ID${index}`)
    const body = `/**/ ${' '.repeat(100_000)}segmentAuditVisitor( ${JSON.stringify(ids)} );${' '.repeat(100_000)}`
    expect(parseVisitorJsonp(body)).toEqual(ids)
  })
})
