// A field of a segment's review not yet saved — a note being typed, a verdict the audit server has not confirmed — kept
// in this tab's sessionStorage until the server has it: if a reload or a navigation cut the write short, the page finds
// the draft and sends it again on the version it was based on.
import { z } from 'zod/mini'
import { storedRecord } from '../lib/stored-record'
import { VERDICTS, type Verdict } from './audit-contract'

interface AuditDraft<T> {
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
}

function draftsOf<T>(field: 'note' | 'verdict', value: z.ZodMiniType<T>): AuditDrafts<T> {
  const schema = z.object({ value, baseVersion: z.number() })
  /** The tab's draft for one segment. */
  const draftOf = (key: string) => storedRecord(() => sessionStorage, `segment-audit:${field}-draft:${key}`, schema)
  return {
    read: (key) => draftOf(key).read(),
    keep: (key, draft) => draftOf(key).write(draft),
    drop: (key, saved) => {
      const draft = draftOf(key)
      if (draft.read()?.value === saved) draft.clear()
    },
  }
}

export const noteDrafts: AuditDrafts<string> = draftsOf('note', z.string())
export const verdictDrafts: AuditDrafts<Verdict> = draftsOf('verdict', z.enum(VERDICTS))
