// What each finding is called and what it means, in one place for the audit page, the list's filter and the CSV.
import type { FindingId } from './findings'

export const FINDING_LABELS: Record<FindingId, string> = {
  'no-description': 'No description',
  'no-tags': 'No tags',
  stale: 'Not updated recently',
  'tracking-off': 'Analytics tracking off',
  'size-zero': 'Size 0 for 30 days',
  leftover: 'Test or temporary',
  naming: 'Breaks the naming pattern',
  'duplicate-name': 'Duplicate name',
  'cross-provider': 'In both providers',
}

export const FINDING_HINTS: Record<FindingId, string> = {
  'no-description': 'Braze segments whose own description is empty.',
  'no-tags': 'Braze segments without a single tag.',
  stale: 'Braze segments whose last update is older than the period chosen.',
  'tracking-off': 'Braze segments without analytics tracking: no size history.',
  'size-zero': 'Tracked Braze segments estimated at 0 users every day. Braze estimates small segments, so a few may hold users.',
  leftover: 'Names such as “test”, “tmp”, “Copy of…”, “à supprimer”.',
  naming: 'Names that do not match the pattern set below.',
  'duplicate-name': 'Segments of one provider sharing a name (ignoring case, accents and punctuation).',
  'cross-provider': 'A Braze and a Commanders Act segment with the same or nearly the same name.',
}

export function findingLabel(id: FindingId, staleMonths: number): string {
  return id === 'stale' ? `Not updated in ${staleMonths} months` : FINDING_LABELS[id]
}
