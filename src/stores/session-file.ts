// The audit session as a file: a versioned JSON to re-import. A file is data from anywhere: every key, date and size is
// checked, by the browser before it uploads one and by the server before it merges one.
import { z } from 'zod/mini'
import { issueText } from '../lib/zod-messages.ts'
import { NOT_A_DATE, NOTE_MAX_LENGTH, REVIEWER_MAX_LENGTH, segmentKeySchema, VERDICTS } from './audit-contract.ts'
import { IN_THE_FUTURE, problemOf, type SessionProblemParams } from './session-problem.ts'

export const SESSION_FORMAT = 'segment-audit-session'
export const SESSION_VERSION = 1

/** Larger files are refused before they are read: an audit of every segment of both providers is far smaller. */
export const SESSION_MAX_BYTES = 10 * 1024 * 1024
const SESSION_MAX_ENTRIES = 50_000
/** Dates up to this far ahead of the reader's clock are accepted: two machines' clocks differ a little. */
const CLOCK_SKEW_MS = 5 * 60 * 1000

const isoDate = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), NOT_A_DATE))

const reviewerName = z.string().check(z.maxLength(REVIEWER_MAX_LENGTH))

/**
 * One segment's review in a file: the verdict and the note, each with who set it and when (null where it was never
 * set), and who changed either last and when. Files written before the fields had their own author and time lack
 * them: each field is then credited to `reviewer` at `reviewedAt`, as those files always were. The per-field author and
 * time are optional additions within version 1, not a version 2: an older app's reader drops keys it does not know and
 * imports such a file by `reviewer` and `reviewedAt` as before, where a new version would make it refuse the file.
 */
export const sessionEntrySchema = z.object({
  key: segmentKeySchema,
  verdict: z.enum(VERDICTS),
  verdictBy: z.optional(z.nullable(reviewerName)),
  verdictAt: z.optional(z.nullable(isoDate)),
  note: z.string().check(z.maxLength(NOTE_MAX_LENGTH)),
  noteBy: z.optional(z.nullable(reviewerName)),
  noteAt: z.optional(z.nullable(isoDate)),
  reviewer: reviewerName,
  reviewedAt: isoDate,
})
export type SessionEntry = z.infer<typeof sessionEntrySchema>

/** One field of a file's review: its value, who set it and when. */
export interface SessionFieldReview {
  value: string
  by: string
  at: string
}

/**
 * What a file's entry says of one field: its own author and time, or, in a file written before fields had them, the
 * entry's `reviewer` and `reviewedAt`; nothing when the file says the field was never set (nothing to merge, and no
 * time for it to win with). A time without its author (a file not written by this app) is credited to `reviewer`.
 */
export function sessionFieldReview(entry: SessionEntry, field: 'verdict' | 'note'): SessionFieldReview | undefined {
  const [by, at] = field === 'verdict' ? [entry.verdictBy, entry.verdictAt] : [entry.noteBy, entry.noteAt]
  if (at === undefined) return { value: entry[field], by: entry.reviewer, at: entry.reviewedAt }
  if (at === null) return undefined
  return { value: entry[field], by: by ?? entry.reviewer, at }
}

export const sessionSegmentSchema = z.object({
  key: segmentKeySchema,
  name: z.string(),
  tags: z.nullable(z.array(z.string())),
})
export type SessionSegment = z.infer<typeof sessionSegmentSchema>

type SessionProvider = 'braze' | 'commanders-act'

/**
 * Which Braze workspace and Commanders Act site a file was exported from, as opaque markers the server computes (a
 * one-way hash, or "demo"; null where its server had that provider not configured): a server audits one of each, and
 * refuses a file of another's (src/server/audit/session-origin.ts). An optional addition within version 1, as the
 * per-field authors are: a file without it (an older app's) imports as before, and an older app drops it.
 */
const originMarker = z.nullable(z.string().check(z.maxLength(100)))
export const sessionOriginSchema = z.object({ braze: originMarker, commandersAct: originMarker })
export type SessionOrigin = z.infer<typeof sessionOriginSchema>

const sessionFileSchema = z.object({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(SESSION_VERSION),
  exportedAt: isoDate,
  origin: z.optional(sessionOriginSchema),
  entries: z.array(sessionEntrySchema).check(z.maxLength(SESSION_MAX_ENTRIES)),
  /** The segments as they were when exported: what the next audit compares against. */
  segments: z.array(sessionSegmentSchema).check(z.maxLength(SESSION_MAX_ENTRIES)),
  /** The providers whose whole list is in `segments`: a later comparison ignores the others. */
  snapshotProviders: z.array(z.enum(['braze', 'commanders-act'])),
})
export type SessionFile = z.infer<typeof sessionFileSchema>

export function buildSessionFile(
  entries: Iterable<SessionEntry>,
  segments: readonly SessionSegment[],
  snapshotProviders: readonly SessionProvider[],
  now: Date,
  origin?: SessionOrigin,
): SessionFile {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    exportedAt: now.toISOString(),
    ...(origin ? { origin } : {}),
    // An entry without a field's own author and time (a browser's old review) is written without them too: the reader
    // then credits the field to `reviewer`, rather than to nobody.
    entries: [...entries].map(({ key, verdict, verdictBy, verdictAt, note, noteBy, noteAt, reviewer, reviewedAt }) => ({
      key,
      verdict,
      ...(verdictAt === undefined ? {} : { verdictBy: verdictBy ?? null, verdictAt }),
      note,
      ...(noteAt === undefined ? {} : { noteBy: noteBy ?? null, noteAt }),
      reviewer,
      reviewedAt,
    })),
    segments: [...segments],
    snapshotProviders: [...snapshotProviders],
  }
}

/**
 * Why a file was refused: the UI words it in its own language from this code and its params
 * (audit:import.error.<reason>).
 */
export type SessionFileReason = 'too-large' | 'not-json' | 'not-session' | 'newer-version' | 'damaged' | 'other-origin'

export interface SessionFileErrorParams extends SessionProblemParams {
  /** newer-version: the format version the file declares. */
  version?: number
  /** damaged: dotted path of the first bad field, e.g. "entries.1.verdict". */
  field?: string
  /** other-origin: the providers whose workspace or site the file is of, where this server's is another. */
  otherOrigin?: SessionProvider[]
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

/** The path of the first date of a review later than the reader's clock allows, if any. */
function futureDate(entries: readonly SessionEntry[], now: Date): string | undefined {
  const latest = now.getTime() + CLOCK_SKEW_MS
  for (const [index, entry] of entries.entries()) {
    for (const name of ['reviewedAt', 'verdictAt', 'noteAt'] as const) {
      const at = entry[name]
      if (typeof at === 'string' && Date.parse(at) > latest) return `entries.${index}.${name}`
    }
  }
  return undefined
}

/**
 * Reads a session file; anything else (too large, not JSON, another app's file, a newer version, a bad field, a date in
 * the future) is refused with the reason.
 */
export function parseSessionFile(text: string, now: Date): SessionFile {
  if (text.length > SESSION_MAX_BYTES) {
    throw new SessionFileError('This file is larger than 10 MB: a session file is much smaller.', 'too-large')
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new SessionFileError(
      'This file is not JSON: choose a session exported from Segment Audit (.json).',
      'not-json',
    )
  }
  const header = z.object({ format: z.unknown(), version: z.unknown() }).safeParse(raw)
  if (!header.success || header.data.format !== SESSION_FORMAT) {
    throw new SessionFileError('This file is not a Segment Audit session.', 'not-session')
  }
  if (typeof header.data.version === 'number' && header.data.version > SESSION_VERSION) {
    const version = header.data.version
    throw new SessionFileError(
      `This session was exported by a newer version of Segment Audit (format ${version}).`,
      'newer-version',
      { version },
    )
  }
  const parsed = sessionFileSchema.safeParse(raw, { error: issueText })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.join('.') ?? '?'
    const problem = issue?.message ?? 'is invalid'
    throw new SessionFileError(`This session file is damaged: field “${field}” ${problem}.`, 'damaged', {
      field,
      problem,
      ...problemOf(issue, problem, raw),
    })
  }
  const field = futureDate(parsed.data.entries, now)
  if (field !== undefined) {
    const problem = IN_THE_FUTURE
    throw new SessionFileError(`This session file is damaged: field “${field}” ${problem}.`, 'damaged', {
      field,
      problem,
      problemCode: 'in-the-future',
    })
  }
  return parsed.data
}
