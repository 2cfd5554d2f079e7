// The previous session's snapshot of the segments, what "Changed since the last audit" compares against: taken when a
// new audit is started (or a session file imported), never as a side effect of an export, and kept in IndexedDB so it
// survives reloads until the next start or import. ("export" is how earlier versions took it; still read.)
import { createStore, get, set, type UseStore } from 'idb-keyval'
import { useSyncExternalStore } from 'react'
import { z } from 'zod/mini'
import { issueText } from '../lib/zod-messages'
import { sessionSegmentSchema, type SessionFile } from './session-file'

const KEY = 'previous-session'

const baselineSchema = z.object({
  takenAt: z.string(),
  source: z.enum(['start', 'export', 'import']),
  /** The imported file's name, for "compared with audit-session-2026-11-02.json". */
  fileName: z.optional(z.string()),
  segments: z.array(sessionSegmentSchema),
  providers: z.array(z.enum(['braze', 'commanders-act'])),
})
export type AuditBaseline = z.infer<typeof baselineSchema>

export function baselineFromSession(
  session: SessionFile,
  source: AuditBaseline['source'],
  fileName?: string,
): AuditBaseline {
  return {
    takenAt: session.exportedAt,
    source,
    fileName,
    segments: session.segments,
    providers: session.snapshotProviders,
  }
}

type State = { status: 'loading' } | { status: 'ready'; baseline: AuditBaseline | null }

export class BaselineStore {
  private readonly idb: UseStore
  private state: State = { status: 'loading' }
  private readonly listeners = new Set<() => void>()
  readonly ready: Promise<void>

  constructor(databaseName = 'segment-audit-baseline') {
    this.idb = createStore(databaseName, 'baseline')
    this.ready = this.load()
  }

  private async load(): Promise<void> {
    let kept: unknown
    try {
      kept = await get<unknown>(KEY, this.idb)
    } catch {
      // A browser refusing IndexedDB (storage turned off) has kept nothing: no baseline, rather than reading forever.
    }
    const stored = baselineSchema.safeParse(kept)
    // A save during the load wins over what was on disk.
    if (this.state.status === 'loading') this.set({ status: 'ready', baseline: stored.success ? stored.data : null })
  }

  getSnapshot = (): State => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** A snapshot without a complete provider list compares nothing: it is not kept. */
  async save(baseline: AuditBaseline): Promise<void> {
    if (baseline.providers.length === 0) return
    const valid = baselineSchema.parse(baseline, { error: issueText })
    await set(KEY, valid, this.idb)
    this.set({ status: 'ready', baseline: valid })
  }

  /**
   * An imported session's snapshot becomes the baseline unless the one kept here is more recent (importing an old
   * backup must not turn the comparison back in time). Resolves whether it was kept.
   */
  async offer(baseline: AuditBaseline): Promise<boolean> {
    await this.ready
    const current = this.state.status === 'ready' ? this.state.baseline : null
    if (current && Date.parse(current.takenAt) > Date.parse(baseline.takenAt)) return false
    await this.save(baseline)
    return baseline.providers.length > 0
  }

  private set(next: State): void {
    this.state = next
    for (const listener of this.listeners) listener()
  }
}

let defaultStore: BaselineStore | undefined

export function getBaselineStore(): BaselineStore {
  defaultStore ??= new BaselineStore()
  return defaultStore
}

/** Tests start each case from an empty database. */
export function resetBaselineStoreForTests(store?: BaselineStore): void {
  defaultStore = store
}

export function useAuditBaseline(): State {
  const store = getBaselineStore()
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/**
 * The name the kept snapshot has for a segment, and when the snapshot was taken: what still names a segment its
 * provider no longer lists. Undefined while the snapshot is read, without one, or if it did not hold the segment.
 */
export function useKeptName(key: string): { name: string; at: string } | undefined {
  const state = useAuditBaseline()
  if (state.status !== 'ready' || !state.baseline) return undefined
  const name = state.baseline.segments.find((segment) => segment.key === key)?.name
  return name ? { name, at: state.baseline.takenAt } : undefined
}
