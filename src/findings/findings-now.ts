// The findings under the settings as chosen (the naming pattern as typed): the one call both the Audit page and the
// list make, the list loading it on demand (src/features/segments/use-list-findings.ts).
import type { FindingSettingsValue } from '../stores/finding-settings'
import { computeFindings, type FindingSources, type SegmentFindings } from './findings'
import { compileNamingPattern } from './naming-pattern'

export function findingsNow(
  sources: FindingSources,
  { staleMonths, namingPattern }: FindingSettingsValue,
  now: Date,
): SegmentFindings {
  const pattern = compileNamingPattern(namingPattern)
  return computeFindings(sources, { staleMonths, namingPattern: pattern.ok ? pattern.pattern : null }, now)
}
