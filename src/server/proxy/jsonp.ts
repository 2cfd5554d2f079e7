// Converts Commanders Act's JSONP answer to data without ever evaluating it: an anchored pattern, then JSON.parse.

export const JSONP_CALLBACK = 'segmentAuditVisitor'
export const JSONP_MAX_BYTES = 256 * 1024

const JSONP_PATTERN = new RegExp(String.raw`^\s*(?:/\*\*/)?\s*${JSONP_CALLBACK}\(\s*(\[[^()]*\])\s*\)\s*;?\s*$`)
const SEGMENT_ID = /^[A-Za-z0-9_-]{1,64}$/

export function parseVisitorJsonp(body: string): string[] | null {
  if (body.length > JSONP_MAX_BYTES) return null
  const match = JSONP_PATTERN.exec(body)
  if (!match?.[1]) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(match[1])
  } catch {
    return null
  }
  if (!Array.isArray(parsed)) return null
  const ids: string[] = []
  for (const item of parsed) {
    if (typeof item !== 'string' || !SEGMENT_ID.test(item)) return null
    ids.push(item)
  }
  return ids
}
