// A field of a segment's review not yet saved — a note being typed, a verdict the audit server has not confirmed — kept
// in this tab's sessionStorage until the server has it: if a reload or a navigation cut the write short, the page finds
// the draft and sends it again on the version it was based on.
import { z } from 'zod/mini'
import { storedRecord } from '../lib/stored-record'
import { VERDICTS, type Verdict } from './audit-contract'

export interface AuditDraft<T> {
  value: T
  /** The server's version of the field the value was written on. */
  baseVersion: number
}

export interface AuditDrafts<T> {
  read: (key: string) => AuditDraft<T> | undefined
  /** Where storage is full or disabled, the write on leaving still goes out. */
  keep: (key: string, draft: AuditDraft<T>) => void
  /** Drops the draft once the server has this very value (a newer draft made meanwhile stays). */
  drop: (key: string, saved: T) => void
  /** The segments this tab holds a draft for. */
  keys: () => string[]
}

/** Segments whose page is open in this tab: the page sends their drafts itself (src/stores/left-drafts.ts does not). */
const open = new Map<string, number>()

/** Marks a segment's page open until the returned function is called (a count: strict mode mounts twice). */
export function markPageOpen(key: string): () => void {
  open.set(key, (open.get(key) ?? 0) + 1)
  return () => {
    const left = (open.get(key) ?? 1) - 1
    if (left > 0) open.set(key, left)
    else open.delete(key)
  }
}

export const pageOpen = (key: string): boolean => open.has(key)

/** `older`: a shape an earlier version of the app kept, read too (a tab open across an upgrade keeps its draft). */
function draftsOf<T>(
  field: 'note' | 'verdict',
  value: z.ZodMiniType<T>,
  older?: z.ZodMiniType<AuditDraft<T>>,
): AuditDrafts<T> {
  const current = z.object({ value, baseVersion: z.number() })
  const schema = older ? z.union([current, older]) : current
  const prefix = `segment-audit:${field}-draft:`
  /** The tab's draft for one segment. */
  const draftOf = (key: string) => storedRecord(() => sessionStorage, prefix + key, schema)
  return {
    read: (key) => draftOf(key).read(),
    keep: (key, draft) => draftOf(key).write(draft),
    drop: (key, saved) => {
      const draft = draftOf(key)
      if (draft.read()?.value === saved) draft.clear()
    },
    keys: () => {
      try {
        return Object.keys(sessionStorage).flatMap((name) =>
          name.startsWith(prefix) ? [name.slice(prefix.length)] : [],
        )
      } catch {
        return []
      }
    },
  }
}

export const noteDrafts: AuditDrafts<string> = draftsOf(
  'note',
  z.string(),
  z.pipe(
    z.object({ note: z.string(), baseVersion: z.number() }),
    z.transform(({ note, baseVersion }) => ({ value: note, baseVersion })),
  ),
)
export const verdictDrafts: AuditDrafts<Verdict> = draftsOf('verdict', z.enum(VERDICTS))
