// React access to the team audit: the whole map (list, counts) or one segment's entry, kept up to date by polling.
import { useQuery } from '@tanstack/react-query'
import type { AuditEntry } from './audit-contract'
import { auditEntriesQuery, type AuditSnapshot } from './audit-queries'

const NONE: ReadonlyMap<string, AuditEntry> = new Map()
const selectEntries = (snapshot: AuditSnapshot) => snapshot.entries

export function useVerdicts(): ReadonlyMap<string, AuditEntry> {
  return useQuery({ ...auditEntriesQuery(), select: selectEntries }).data ?? NONE
}

/** Whether the team's audit has answered once: until then every segment shows as unreviewed for want of it. */
export const useAuditRead = () => useVerdicts() !== NONE

/**
 * While the team's audit cannot be read (its poll fails): when it last answered, or null if it never has. Undefined
 * while it answers. The verdicts shown meanwhile are those of its last answer.
 */
export function useAuditOutage(): number | null | undefined {
  const { isError, dataUpdatedAt } = useQuery({ ...auditEntriesQuery(), select: selectEntries })
  return isError ? dataUpdatedAt || null : undefined
}

export function useVerdict(key: string): AuditEntry | undefined {
  return useVerdicts().get(key)
}
