// The audit's wire format between the browser and the server's /api/audit routes: both sides parse with these schemas.
// Zod and the provider ids only (neither imports anything else), so the Node server can use it too.
import { z } from 'zod/mini'
import { SEGMENT_KEY_PATTERN } from '../providers/provider-id.ts'

export const VERDICTS = ['keep', 'fix', 'archive', 'unreviewed'] as const
export type Verdict = (typeof VERDICTS)[number]

const AUDIT_FIELDS = ['verdict', 'note'] as const

export const NOT_A_SEGMENT_KEY = 'is not a Braze or Commanders Act segment key'
export const NOT_A_DATE = 'is not a date'
export const segmentKeySchema = z.string().check(z.regex(SEGMENT_KEY_PATTERN, NOT_A_SEGMENT_KEY))

export const REVIEWER_HEADER = 'X-Segment-Audit-Reviewer'

/**
 * The longest note, in characters: zod's `maxLength` counts a string in Unicode code points (an emoji is one), not in
 * JavaScript's UTF-16 units (`.length`, where an emoji is two). A check made before writing has to count the same way.
 */
export const NOTE_MAX_LENGTH = 10_000
export const REVIEWER_MAX_LENGTH = 200

const isoDate = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), NOT_A_DATE))

/** One segment's review as the server keeps it: the verdict and note are separate fields with their own versions. */
const auditEntrySchema = z.object({
  key: z.string(),
  verdict: z.enum(VERDICTS),
  /** 0 until the verdict is first set; each write adds one. */
  verdictVersion: z.number(),
  verdictBy: z.nullable(z.string()),
  verdictAt: z.nullable(isoDate),
  note: z.string(),
  noteVersion: z.number(),
  noteBy: z.nullable(z.string()),
  noteAt: z.nullable(isoDate),
  /** Who changed this review last, and when (the later of the two fields). */
  reviewer: z.string(),
  reviewedAt: isoDate,
  /** The server's change counter when this entry last changed: `?since=` asks for entries changed after one. */
  revision: z.number(),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

export const entriesAnswerSchema = z.object({ revision: z.number(), entries: z.array(auditEntrySchema) })
export type EntriesAnswer = z.infer<typeof entriesAnswerSchema>

/**
 * A write of one field, based on the version the writer saw. Who writes comes with the request: the authenticating
 * proxy's header on a team server, else `REVIEWER_HEADER` (the name typed on the page, URI-encoded).
 * `baseValue`, when sent, is the value the writer expects at that version: a writer that can only guess the version
 * (the one its own write still on its way will make) is refused if someone else made it. Optional: older pages still
 * write without it.
 */
export const auditWriteSchema = z.discriminatedUnion('field', [
  z.object({
    key: segmentKeySchema,
    field: z.literal('verdict'),
    value: z.enum(VERDICTS),
    baseVersion: z.number().check(z.int(), z.nonnegative()),
    baseValue: z.optional(z.string()),
  }),
  z.object({
    key: segmentKeySchema,
    field: z.literal('note'),
    value: z.string().check(z.maxLength(NOTE_MAX_LENGTH)),
    baseVersion: z.number().check(z.int(), z.nonnegative()),
    baseValue: z.optional(z.string().check(z.maxLength(NOTE_MAX_LENGTH))),
  }),
])
export type AuditWrite = z.infer<typeof auditWriteSchema>

export const writeAnswerSchema = z.object({ entry: auditEntrySchema })

/**
 * Many segments at once (a bulk verdict): each segment's writes (its verdict and note) stand or fall together, apart
 * from the other segments'; each write made gets its own history line.
 */
export const BULK_MAX_WRITES = 5_000
export const bulkWriteSchema = z.object({
  writes: z.array(auditWriteSchema).check(z.minLength(1), z.maxLength(BULK_MAX_WRITES)),
})
/** 200 to a bulk write, one entry per segment: those written, and for each refused what the server has now (who). */
export const bulkAnswerSchema = z.object({ saved: z.array(auditEntrySchema), conflicts: z.array(auditEntrySchema) })
export type BulkAnswer = z.infer<typeof bulkAnswerSchema>
/** 409: the field changed since the writer's version; `entry` is what the server has now. */
export const conflictAnswerSchema = z.object({ error: z.literal('conflict'), entry: auditEntrySchema })

const HISTORY_SOURCES = ['review', 'import', 'browser'] as const
const historyItemSchema = z.object({
  field: z.enum(AUDIT_FIELDS),
  oldValue: z.string(),
  newValue: z.string(),
  reviewer: z.string(),
  at: isoDate,
  /** review: set on a page; import: merged from a session file; browser: moved from a browser's own storage. */
  source: z.enum(HISTORY_SOURCES),
})
export type HistoryItem = z.infer<typeof historyItemSchema>
export const historyAnswerSchema = z.object({ history: z.array(historyItemSchema) })

/** Who the server says is reviewing: a name from the authenticating proxy's header; null if the page asks for one. */
export const reviewerAnswerSchema = z.object({ reviewer: z.nullable(z.string()) })

export const importAnswerSchema = z.object({
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  keptNewer: z.number(),
  /** Of the updated, those that kept the audit's newer review of their other field. */
  partlyKept: z.number(),
})
export type ImportAnswer = z.infer<typeof importAnswerSchema>

export const providerCacheAnswerSchema = z.object({
  count: z.number(),
  oldestFetchedAt: z.nullable(isoDate),
  ttlHours: z.number(),
})
export type ProviderCacheAnswer = z.infer<typeof providerCacheAnswerSchema>
