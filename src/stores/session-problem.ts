// What is wrong with a damaged field of a session file, as a code the interface words in its own language
// (audit:import.problem.<code>) with its params: the schema's own words are English. Apart from the file's format
// (session-file.ts), which stays the part to read when a field is added.
import type { z } from 'zod/mini'
import { NOT_A_DATE, NOT_A_SEGMENT_KEY } from './audit-contract.ts'

export const IN_THE_FUTURE = 'is in the future'

type SessionProblem =
  | 'not-a-key'
  | 'not-a-date'
  | 'in-the-future'
  | 'missing'
  | 'wrong-kind'
  | 'not-allowed'
  | 'too-long'
  | 'too-many'
  | 'invalid'
const PROBLEM_CODES: Record<string, SessionProblem> = {
  [NOT_A_SEGMENT_KEY]: 'not-a-key',
  [NOT_A_DATE]: 'not-a-date',
  [IN_THE_FUTURE]: 'in-the-future',
}
/** The kinds of value a session file's fields hold, as the interface names them (audit:import.kind.<kind>). */
const VALUE_KINDS = ['string', 'number', 'array', 'object', 'boolean'] as const
type SessionValueKind = (typeof VALUE_KINDS)[number]

/** A damaged field's problem as a code and its params, for the interface's own words. */
export interface SessionProblemParams {
  /** What is wrong with it (English, from the schema). */
  problem?: string
  /** The same as a code. */
  problemCode?: SessionProblem
  /** wrong-kind: the kind of value the field should hold. */
  expected?: SessionValueKind
  /** not-allowed: the values the field may hold, as JSON writes them. */
  allowed?: string[]
  /** too-long or too-many: the most characters or items it may hold. */
  maximum?: number
}

/** The value at an issue's path in the file as read: undefined where the field is missing. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw
  for (const step of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, step)) return undefined
    value = (value as Record<PropertyKey, unknown>)[step]
  }
  return value
}

/** A schema issue as a code and its params, for the interface's own words (the English message stays in `problem`). */
export function problemOf(
  issue: z.core.$ZodIssue | undefined,
  problem: string,
  raw: unknown,
): Pick<SessionProblemParams, 'problemCode' | 'expected' | 'allowed' | 'maximum'> {
  const known = PROBLEM_CODES[problem]
  if (known) return { problemCode: known }
  switch (issue?.code) {
    case 'invalid_type': {
      if (valueAt(raw, issue.path) === undefined) return { problemCode: 'missing' }
      const expected = VALUE_KINDS.find((kind) => kind === issue.expected)
      return expected ? { problemCode: 'wrong-kind', expected } : { problemCode: 'invalid' }
    }
    case 'invalid_value':
      return { problemCode: 'not-allowed', allowed: issue.values.map((value) => JSON.stringify(value)) }
    case 'too_big':
      if (issue.origin === 'string' || issue.origin === 'array')
        return { problemCode: issue.origin === 'string' ? 'too-long' : 'too-many', maximum: Number(issue.maximum) }
      return { problemCode: 'invalid' }
    default:
      return { problemCode: 'invalid' }
  }
}
