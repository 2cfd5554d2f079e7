// The audit session as a file: a versioned JSON to re-import, and the merge rule for importing one (newer review wins).
import { z } from 'zod/mini'
import { issueText } from '../providers/provider-error'
import { auditEntrySchema, type AuditEntry } from './verdict-store'

export const SESSION_FORMAT = 'segment-audit-session'
export const SESSION_VERSION = 1

export const sessionSegmentSchema = z.object({
  key: z.string().check(z.minLength(1)),
  name: z.string(),
  tags: z.nullable(z.array(z.string())),
})
export type SessionSegment = z.infer<typeof sessionSegmentSchema>

export const sessionFileSchema = z.object({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(SESSION_VERSION),
  exportedAt: z.string(),
  entries: z.array(auditEntrySchema),
  /** The segments as they were when exported: what the next audit compares against. */
  segments: z.array(sessionSegmentSchema),
  /** The providers whose whole list is in `segments`: a later comparison ignores the others. */
  snapshotProviders: z.array(z.enum(['braze', 'commanders-act'])),
})
export type SessionFile = z.infer<typeof sessionFileSchema>

export function buildSessionFile(
  entries: Iterable<AuditEntry>,
  segments: readonly SessionSegment[],
  snapshotProviders: readonly SessionFile['snapshotProviders'][number][],
  now: Date,
): SessionFile {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    exportedAt: now.toISOString(),
    entries: [...entries],
    segments: [...segments],
    snapshotProviders: [...snapshotProviders],
  }
}

/** Why a file was refused: the UI words it in its own language from this code and its params (audit:import.error.<reason>). */
export type SessionFileReason = 'not-json' | 'not-session' | 'newer-version' | 'damaged'

export interface SessionFileErrorParams {
  /** newer-version: the format version the file declares. */
  version?: number
  /** damaged: dotted path of the first bad field, e.g. "entries.1.verdict". */
  field?: string
  /** damaged: what is wrong with it (English, from the schema). */
  problem?: string
}

export class SessionFileError extends Error {
  override readonly name = 'SessionFileError'

  /** `message` says the same in English, for logs and tools. */
  constructor(
    message: string,
    readonly reason: SessionFileReason,
    readonly params: SessionFileErrorParams = {},
  ) {
    super(message)
  }
}

/** Reads a session file; anything else (not JSON, another app's file, a newer version, a bad field) is refused with the reason. */
export function parseSessionFile(text: string): SessionFile {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new SessionFileError('This file is not JSON: choose a session exported from Segment Audit (.json).', 'not-json')
  }
  const header = z.object({ format: z.unknown(), version: z.unknown() }).safeParse(raw)
  if (!header.success || header.data.format !== SESSION_FORMAT) {
    throw new SessionFileError('This file is not a Segment Audit session.', 'not-session')
  }
  if (typeof header.data.version === 'number' && header.data.version > SESSION_VERSION) {
    const version = header.data.version
    throw new SessionFileError(`This session was exported by a newer version of Segment Audit (format ${version}).`, 'newer-version', { version })
  }
  const parsed = sessionFileSchema.safeParse(raw, { error: issueText })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.join('.') ?? '?'
    const problem = issue?.message ?? 'is invalid'
    throw new SessionFileError(`This session file is damaged: field “${field}” ${problem}.`, 'damaged', { field, problem })
  }
  return parsed.data
}

export interface MergeResult {
  /** Entries to write: new ones, and imported ones newer than the local. */
  toWrite: AuditEntry[]
  added: number
  updated: number
  /** Same review on both sides. */
  unchanged: number
  /** The local review is newer and is kept. */
  keptLocal: number
}

const time = (iso: string) => {
  const parsed = Date.parse(iso)
  // An unreadable date loses against any real one.
  return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed
}

export function mergeSessions(local: ReadonlyMap<string, AuditEntry>, imported: readonly AuditEntry[]): MergeResult {
  const result: MergeResult = { toWrite: [], added: 0, updated: 0, unchanged: 0, keptLocal: 0 }
  const newestImported = new Map<string, AuditEntry>()
  for (const entry of imported) {
    const seen = newestImported.get(entry.key)
    if (!seen || time(entry.reviewedAt) > time(seen.reviewedAt)) newestImported.set(entry.key, entry)
  }
  for (const entry of newestImported.values()) {
    const mine = local.get(entry.key)
    if (!mine) {
      result.added += 1
      result.toWrite.push(entry)
    } else if (time(entry.reviewedAt) > time(mine.reviewedAt)) {
      result.updated += 1
      result.toWrite.push(entry)
    } else if (time(entry.reviewedAt) === time(mine.reviewedAt) && entry.verdict === mine.verdict && entry.note === mine.note && entry.reviewer === mine.reviewer) {
      result.unchanged += 1
    } else {
      result.keptLocal += 1
    }
  }
  return result
}
