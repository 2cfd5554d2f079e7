// Converts Commanders Act's JSONP answer to data without ever evaluating it: one left-to-right scan, then JSON.parse.
// No regular expression over the body: a backtracking pattern took seconds on a few hundred kilobytes of spaces.

export const JSONP_CALLBACK = 'segmentAuditVisitor'
export const JSONP_MAX_BYTES = 256 * 1024

const SEGMENT_ID = /^[A-Za-z0-9_-]{1,64}$/
const COMMENT = '/**/'

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d

function skipSpaceForward(body: string, from: number): number {
  let index = from
  while (index < body.length && isSpace(body.charCodeAt(index))) index++
  return index
}

function skipSpaceBackward(body: string, from: number): number {
  let index = from
  while (index > 0 && isSpace(body.charCodeAt(index - 1))) index--
  return index
}

/** `[/**\/] CALLBACK ( [ ...json array... ] ) [;]`, with optional whitespace between the parts, and nothing else. */
function arrayText(body: string): string | null {
  let start = skipSpaceForward(body, 0)
  if (body.startsWith(COMMENT, start)) start = skipSpaceForward(body, start + COMMENT.length)
  if (!body.startsWith(JSONP_CALLBACK, start)) return null
  start = skipSpaceForward(body, start + JSONP_CALLBACK.length)
  if (body.charAt(start) !== '(') return null

  let end = skipSpaceBackward(body, body.length)
  if (body.charAt(end - 1) === ';') end = skipSpaceBackward(body, end - 1)
  if (body.charAt(end - 1) !== ')') return null
  const innerStart = skipSpaceForward(body, start + 1)
  const innerEnd = skipSpaceBackward(body, end - 1)
  if (innerEnd <= innerStart || body.charAt(innerStart) !== '[' || body.charAt(innerEnd - 1) !== ']') return null
  const inner = body.slice(innerStart, innerEnd)
  // A flat array of ids: nesting is refused before JSON.parse spends time building it.
  if (inner.indexOf('[', 1) !== -1 || inner.includes('{')) return null
  return inner
}

export function parseVisitorJsonp(body: string): string[] | null {
  if (body.length > JSONP_MAX_BYTES) return null
  const text = arrayText(body)
  if (text === null) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
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
