// The findings' names, apart from the code that works them out: the list names and filters by them at start, and loads
// that code only when it shows or filters by findings (src/features/segments/use-list-findings.ts).
export const FINDING_IDS = [
  'no-description',
  'no-tags',
  'stale',
  'tracking-off',
  'size-zero',
  'leftover',
  'naming',
  'duplicate-name',
  'cross-provider',
  'malformed',
] as const
export type FindingId = (typeof FINDING_IDS)[number]
