// Verdicts and notes, kept durably in IndexedDB (idb-keyval) and mirrored in memory for instant reads.
import { createStore, entries, set, setMany, type UseStore } from 'idb-keyval'
import { z } from 'zod/mini'
import { issueText } from '../providers/provider-error'

export const VERDICTS = ['keep', 'fix', 'archive', 'unreviewed'] as const
export type Verdict = (typeof VERDICTS)[number]

export const auditEntrySchema = z.object({
  /** The segment's row key, `${provider}:${id}`. */
  key: z.string().check(z.minLength(1)),
  verdict: z.enum(VERDICTS),
  note: z.string(),
  reviewer: z.string(),
  /** ISO 8601: when the verdict or note last changed. */
  reviewedAt: z.string(),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

type Listener = () => void

/** One store per database: the app uses the default; tests make their own. */
export class VerdictStore {
  private readonly idb: UseStore
  private snapshot: ReadonlyMap<string, AuditEntry> = new Map()
  private readonly listeners = new Set<Listener>()
  readonly ready: Promise<void>

  constructor(databaseName = 'segment-audit') {
    this.idb = createStore(databaseName, 'verdicts')
    this.ready = this.load()
  }

  private async load(): Promise<void> {
    const stored = await entries<string, unknown>(this.idb)
    const loaded = new Map<string, AuditEntry>()
    for (const [, value] of stored) {
      // A record from an older or broken version is skipped rather than crashing the app.
      const parsed = auditEntrySchema.safeParse(value)
      if (parsed.success) loaded.set(parsed.data.key, parsed.data)
    }
    this.snapshot = new Map([...loaded, ...this.snapshot])
    this.emit()
  }

  getSnapshot = (): ReadonlyMap<string, AuditEntry> => this.snapshot

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Resolves once the entry is written to IndexedDB; only then does the in-memory view change. */
  async save(entry: AuditEntry): Promise<void> {
    const valid = auditEntrySchema.parse(entry, { error: issueText })
    await set(valid.key, valid, this.idb)
    const next = new Map(this.snapshot)
    next.set(valid.key, valid)
    this.snapshot = next
    this.emit()
  }

  /** Writes several entries in one transaction (an import): all or nothing. */
  async saveMany(batch: readonly AuditEntry[]): Promise<void> {
    const valid = batch.map((entry) => auditEntrySchema.parse(entry, { error: issueText }))
    if (valid.length === 0) return
    await setMany(valid.map((entry) => [entry.key, entry]), this.idb)
    const next = new Map(this.snapshot)
    for (const entry of valid) next.set(entry.key, entry)
    this.snapshot = next
    this.emit()
  }

  private emit(): void {
    for (const listener of this.listeners) listener()
  }
}

let defaultStore: VerdictStore | undefined

export function getVerdictStore(): VerdictStore {
  defaultStore ??= new VerdictStore()
  return defaultStore
}

/** Tests start each case from an empty database. */
export function resetVerdictStoreForTests(store?: VerdictStore): void {
  defaultStore = store
}
