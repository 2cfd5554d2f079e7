// React access to the team audit: the whole map (list, counts) or one segment's entry, kept up to date by polling.
import { useQuery } from '@tanstack/react-query'
import type { AuditEntry } from './audit-contract'
import { auditEntriesQuery, type AuditSnapshot } from './audit-queries'

const NONE: ReadonlyMap<string, AuditEntry> = new Map()
const selectEntries = (snapshot: AuditSnapshot) => snapshot.entries

export function useVerdicts(): ReadonlyMap<string, AuditEntry> {
  return useQuery({ ...auditEntriesQuery(), select: selectEntries }).data ?? NONE
}

export function useVerdict(key: string): AuditEntry | undefined {
  return useVerdicts().get(key)
}
