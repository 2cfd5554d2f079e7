// Query options for the team audit. The entries are polled: each poll asks only for what changed since the last one,
// so other reviewers' and other tabs' changes show within seconds at the cost of a small request.
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import type { AuditEntry } from './audit-contract'
import { fetchAuditEntries, fetchAuditHistory, fetchProviderCacheSummary, fetchServerReviewer } from './audit-client'

export const AUDIT_POLL_MS = 2_000

export interface AuditSnapshot {
  /** The server's change counter this snapshot is up to. */
  revision: number
  entries: ReadonlyMap<string, AuditEntry>
}

export const auditKeys = {
  all: ['audit'] as const,
  entries: () => [...auditKeys.all, 'entries'] as const,
  history: (key: string, revision: number) => [...auditKeys.all, 'history', key, revision] as const,
  reviewer: () => [...auditKeys.all, 'reviewer'] as const,
  providerCache: () => [...auditKeys.all, 'provider-cache'] as const,
}

/** Adds entries to a snapshot, keeping for each segment whichever is newer (a poll may cross a write's own answer). */
function mergeAuditEntries(
  snapshot: AuditSnapshot | undefined,
  entries: readonly AuditEntry[],
  revision: number,
): AuditSnapshot {
  const current = snapshot ?? { revision: 0, entries: new Map() }
  const newer = entries.filter((entry) => (current.entries.get(entry.key)?.revision ?? -1) < entry.revision)
  const nextRevision = Math.max(current.revision, revision)
  if (newer.length === 0 && nextRevision === current.revision && snapshot) return snapshot
  const merged = new Map(current.entries)
  for (const entry of newer) merged.set(entry.key, entry)
  return { revision: nextRevision, entries: merged }
}

export function auditEntriesQuery() {
  return queryOptions({
    queryKey: auditKeys.entries(),
    queryFn: async ({ client, queryKey, signal }): Promise<AuditSnapshot> => {
      const known = client.getQueryData<AuditSnapshot>(queryKey)
      const answer = await fetchAuditEntries(known?.revision ?? 0, signal)
      return mergeAuditEntries(client.getQueryData<AuditSnapshot>(queryKey), answer.entries, answer.revision)
    },
    refetchInterval: AUDIT_POLL_MS,
    // A tab in the background keeps up too, so it is right the moment it is looked at.
    refetchIntervalInBackground: true,
    staleTime: 0,
  })
}

/** Puts a write's answer (one entry, or a bulk write's many) into the snapshot at once, before the next poll. */
export function rememberAuditEntries(client: QueryClient, entries: readonly AuditEntry[]): void {
  client.setQueryData<AuditSnapshot>(auditKeys.entries(), (snapshot) =>
    mergeAuditEntries(snapshot, entries, snapshot?.revision ?? 0),
  )
}

export function auditHistoryQuery(key: string, revision: number) {
  return queryOptions({
    queryKey: auditKeys.history(key, revision),
    queryFn: ({ signal }) => fetchAuditHistory(key, signal),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function serverReviewerQuery() {
  return queryOptions({
    queryKey: auditKeys.reviewer(),
    queryFn: ({ signal }) => fetchServerReviewer(signal),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function providerCacheQuery() {
  return queryOptions({
    queryKey: auditKeys.providerCache(),
    queryFn: ({ signal }) => fetchProviderCacheSummary(signal),
    staleTime: 0,
  })
}
