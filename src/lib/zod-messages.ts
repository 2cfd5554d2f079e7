// English messages for zod/mini's issues, which carry none: the same words zod's own English locale uses, for the
// checks this app's schemas make. Pass `issueText` as `error` to `parse`/`safeParse`.
import type { z } from 'zod/mini'

/** What a value is, in the words zod's English messages use for what they received. */
function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  if (typeof value === 'object' && Object.getPrototypeOf(value) !== Object.prototype && value.constructor)
    return value.constructor.name
  return typeof value
}

const quoted = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value))

/** Units and names the English messages use for the sizes and formats our schemas check. */
const SIZE_UNITS: Record<string, string> = { string: 'characters', array: 'items' }
const FORMAT_NAMES: Record<string, string> = { datetime: 'ISO datetime', date: 'ISO date' }

/**
 * zod/mini carries no messages (its locales are optional, and weigh more than this): pass this as `error` to
 * `safeParse`/`parse` for the same English words zod's own English locale uses for the checks our schemas make.
 */
export const issueText: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected === 'nan' ? 'NaN' : issue.expected}, received ${typeOf(issue.input)}`
    case 'invalid_value':
      return issue.values.length === 1
        ? `Invalid input: expected ${quoted(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(quoted).join('|')}`
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small'
      const bound = `${issue.exact ? 'exactly ' : (small ? '>' : '<') + (issue.inclusive ? '=' : '')}${String(small ? issue.minimum : issue.maximum)}`
      const unit = SIZE_UNITS[issue.origin]
      return `Too ${small ? 'small' : 'big'}: expected ${issue.origin} to ${unit ? `have ${bound} ${unit}` : `be ${bound}`}`
    }
    case 'invalid_format':
      return `Invalid ${FORMAT_NAMES[issue.format] ?? issue.format}`
    default:
      return 'Invalid input'
  }
}
