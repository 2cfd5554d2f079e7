// React access to the verdict store: the whole map (list, counts) or one segment's entry.
import { useSyncExternalStore } from 'react'
import { getVerdictStore, type AuditEntry } from './verdict-store'

export function useVerdicts(): ReadonlyMap<string, AuditEntry> {
  const store = getVerdictStore()
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

export function useVerdict(key: string): AuditEntry | undefined {
  return useVerdicts().get(key)
}
