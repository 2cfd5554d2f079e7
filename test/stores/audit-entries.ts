// Reviews for tests: whole audit entries for pure functions, and reviews seeded on the test's audit server (as another
// reviewer would have made them) for component tests, with the name the page itself writes under.
import type { AuditEntry, Verdict } from '../../src/stores/audit-contract'
import { testAuditStore } from '../msw/audit-handlers'

export const REVIEWED_AT = '2025-03-01T10:00:00.000Z'

/** One segment's entry as the server would send it: a verdict or note other than the default counts as written once. */
export function auditEntry(key: string, verdict: Verdict = 'unreviewed', fields: Partial<AuditEntry> = {}): AuditEntry {
  const note = fields.note ?? ''
  const reviewer = fields.reviewer ?? 'Camille'
  const reviewedAt = fields.reviewedAt ?? REVIEWED_AT
  const verdictSet = verdict !== 'unreviewed'
  const noteSet = note !== ''
  return {
    key,
    verdict,
    verdictVersion: verdictSet ? 1 : 0,
    verdictBy: verdictSet ? reviewer : null,
    verdictAt: verdictSet ? reviewedAt : null,
    note,
    noteVersion: noteSet ? 1 : 0,
    noteBy: noteSet ? reviewer : null,
    noteAt: noteSet ? reviewedAt : null,
    reviewer,
    reviewedAt,
    revision: 1,
    ...fields,
  }
}

/** Entries by segment key, as the page's audit snapshot holds them. */
export function auditEntriesByKey(...entries: AuditEntry[]): ReadonlyMap<string, AuditEntry> {
  return new Map(entries.map((entry) => [entry.key, entry]))
}

export interface SeededReview {
  key: string
  verdict?: Verdict
  note?: string
  reviewer?: string
  /** When the review was made (ISO 8601); a session file's entry is a seeded review as it is. */
  reviewedAt?: string
}

/** Writes reviews through the test's audit store, field by field, the way a page on another machine would. */
export async function seedReviews(...reviews: SeededReview[]): Promise<void> {
  const store = await testAuditStore()
  for (const { key, verdict, note, reviewer = 'Camille', reviewedAt = REVIEWED_AT } of reviews) {
    const at = new Date(reviewedAt)
    const current = (await store.listEntries()).entries.find((entry) => entry.key === key)
    const outcomes = [
      verdict === undefined
        ? undefined
        : await store.write(
            { key, field: 'verdict', value: verdict, baseVersion: current?.verdictVersion ?? 0 },
            reviewer,
            at,
          ),
      note === undefined
        ? undefined
        : await store.write({ key, field: 'note', value: note, baseVersion: current?.noteVersion ?? 0 }, reviewer, at),
    ]
    if (outcomes.some((outcome) => outcome && !outcome.ok)) throw new Error(`Could not seed the review of ${key}`)
  }
}

/** The name a reviewer typed on a segment's page in an earlier visit: the page writes and imports under it. */
export function rememberReviewer(name: string): void {
  localStorage.setItem('segment-audit:reviewer:v1', name)
}
