// The team's naming convention as the user types it: a regular expression, checked before it is used.

export type CompiledNamingPattern = { ok: true; pattern: RegExp | null } | { ok: false; problem: string }

/** '' is "no convention". A pattern that does not compile says why, and the finding stays off until it is fixed. */
export function compileNamingPattern(source: string): CompiledNamingPattern {
  if (source.trim() === '') return { ok: true, pattern: null }
  try {
    // Unicode mode first, for `\p{Lu}` and emoji…
    return { ok: true, pattern: new RegExp(source, 'u') }
  } catch (error) {
    // …but it refuses escapes people type out of habit, such as `\_` or `\-`, which the classic mode reads literally.
    try {
      return { ok: true, pattern: new RegExp(source) }
    } catch {
      return { ok: false, problem: error instanceof Error ? error.message : String(error) }
    }
  }
}
