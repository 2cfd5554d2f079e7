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
