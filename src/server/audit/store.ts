// The audit store: reviews (verdict and note as separately versioned fields) and their history; the provider answers
// a scan fetched are its `answers` (provider-answers.ts). Every write is a transaction; a write based on an old
// version is refused with what is there now, and so are the other writes to that segment in the same transaction.
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely'
import type { AuditEntry, AuditWrite, HistoryItem, ImportAnswer } from '../../stores/audit-contract.ts'
import { sessionFieldReview, type SessionEntry, type SessionFieldReview } from '../../stores/session-file.ts'
import type { AuditDatabase, AuditEntryTable, AuditHistoryTable } from './database.ts'
import { ProviderAnswers } from './provider-answers.ts'

type Row = Selectable<AuditEntryTable>
type Db = Kysely<AuditDatabase> | Transaction<AuditDatabase>

export type WriteOutcome = { ok: true; entry: AuditEntry } | { ok: false; entry: AuditEntry }
export type HistorySource = HistoryItem['source']
type AuditField = AuditWrite['field']
const AUDIT_FIELDS: readonly AuditField[] = ['verdict', 'note']

const CHUNK = 500

function emptyRow(key: string): Row {
  return {
    segment_key: key,
    verdict: 'unreviewed',
    verdict_version: 0,
    verdict_by: null,
    verdict_at: null,
    note: '',
    note_version: 0,
    note_by: null,
    note_at: null,
    revision: 0,
  }
}

export function toEntry(row: Row): AuditEntry {
  const verdictLater = (row.verdict_at ?? '') >= (row.note_at ?? '')
  return {
    key: row.segment_key,
    verdict: row.verdict as AuditEntry['verdict'],
    verdictVersion: row.verdict_version,
    verdictBy: row.verdict_by,
    verdictAt: row.verdict_at,
    note: row.note,
    noteVersion: row.note_version,
    noteBy: row.note_by,
    noteAt: row.note_at,
    reviewer: (verdictLater ? row.verdict_by : row.note_by) ?? '',
    reviewedAt: (verdictLater ? row.verdict_at : row.note_at) ?? new Date(0).toISOString(),
    revision: row.revision,
  }
}

async function nextRevision(trx: Transaction<AuditDatabase>): Promise<number> {
  const { value } = await trx
    .updateTable('audit_revision')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('id', '=', 1)
    .returning('value')
    .executeTakeFirstOrThrow()
  return Number(value)
}

async function upsertRows(trx: Transaction<AuditDatabase>, rows: readonly Row[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await trx
      .insertInto('audit_entries')
      .values(rows.slice(start, start + CHUNK))
      .onConflict((oc) =>
        oc.column('segment_key').doUpdateSet((eb) => ({
          verdict: eb.ref('excluded.verdict'),
          verdict_version: eb.ref('excluded.verdict_version'),
          verdict_by: eb.ref('excluded.verdict_by'),
          verdict_at: eb.ref('excluded.verdict_at'),
          note: eb.ref('excluded.note'),
          note_version: eb.ref('excluded.note_version'),
          note_by: eb.ref('excluded.note_by'),
          note_at: eb.ref('excluded.note_at'),
          revision: eb.ref('excluded.revision'),
        })),
      )
      .execute()
  }
}

type HistoryRow = Insertable<AuditHistoryTable>

async function insertHistory(trx: Transaction<AuditDatabase>, rows: readonly HistoryRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await trx
      .insertInto('audit_history')
      .values(rows.slice(start, start + CHUNK))
      .execute()
  }
}

async function readRows(db: Db, keys: readonly string[]): Promise<Map<string, Row>> {
  const found = new Map<string, Row>()
  for (let start = 0; start < keys.length; start += CHUNK) {
    const rows = await db
      .selectFrom('audit_entries')
      .selectAll()
      .where('segment_key', 'in', keys.slice(start, start + CHUNK))
      .execute()
    for (const row of rows) found.set(row.segment_key, normalise(row))
  }
  return found
}

/** PostgreSQL may hand integers back as strings through some drivers: the store's numbers are always numbers. */
function normalise(row: Row): Row {
  return {
    ...row,
    verdict_version: Number(row.verdict_version),
    note_version: Number(row.note_version),
    revision: Number(row.revision),
  }
}

/** Sets one field of a row in memory and returns the history line, or nothing when the value is already that. */
function applyField(
  row: Row,
  field: AuditWrite['field'],
  value: string,
  by: string,
  at: string,
): { old: string } | undefined {
  if (field === 'verdict') {
    if (row.verdict === value) return undefined
    const old = row.verdict
    Object.assign(row, { verdict: value, verdict_version: row.verdict_version + 1, verdict_by: by, verdict_at: at })
    return { old }
  }
  if (row.note === value) return undefined
  const old = row.note
  Object.assign(row, { note: value, note_version: row.note_version + 1, note_by: by, note_at: at })
  return { old }
}

/**
 * Makes one segment's writes on its row in memory and returns their history lines, or undefined as soon as one is
 * based on a version, or a value, that is no longer there (the row is then half-written: the caller drops it).
 */
function applySegment(row: Row, writes: readonly AuditWrite[], by: string, at: string): HistoryRow[] | undefined {
  const lines: HistoryRow[] = []
  for (const write of writes) {
    const version = write.field === 'verdict' ? row.verdict_version : row.note_version
    const current = row[write.field]
    // A stale write of the value already there changes nothing, so it overwrites nobody: not a conflict (a note sent
    // again on leaving after its first send got through, say).
    const based = version === write.baseVersion && (write.baseValue === undefined || write.baseValue === current)
    if (!based && current !== write.value) return undefined
    const change = applyField(row, write.field, write.value, by, at)
    if (!change) continue
    lines.push({
      segment_key: write.key,
      field: write.field,
      old_value: change.old,
      new_value: write.value,
      reviewer: by,
      at,
      source: 'review',
    })
  }
  return lines
}

export class AuditStore {
  /** The Braze answers kept for the team, in the same database. */
  readonly answers: ProviderAnswers

  constructor(private readonly db: Kysely<AuditDatabase>) {
    this.answers = new ProviderAnswers(db)
  }

  /** Every entry changed after `since` (all of them without it), and the revision to ask from next time. */
  async listEntries(since = 0): Promise<{ revision: number; entries: AuditEntry[] }> {
    return this.db.transaction().execute(async (trx) => {
      // The counter first: an entry written after this read comes again next time rather than being missed.
      const { value } = await trx
        .selectFrom('audit_revision')
        .select('value')
        .where('id', '=', 1)
        .executeTakeFirstOrThrow()
      const rows = await trx
        .selectFrom('audit_entries')
        .selectAll()
        .where('revision', '>', since)
        .orderBy('revision')
        .execute()
      return { revision: Number(value), entries: rows.map((row) => toEntry(normalise(row))) }
    })
  }

  async write(write: AuditWrite, reviewer: string, now: Date): Promise<WriteOutcome> {
    const [outcome] = await this.writeMany([write], reviewer, now)
    if (!outcome) throw new Error('A write came back without an outcome.')
    return outcome
  }

  /**
   * Writes fields of one or many segments in one transaction. Each write is checked against its own base version, and
   * a segment's writes stand or fall together: if one is stale, none of that segment's is made (a bulk note is not
   * kept on a segment whose verdict was refused, nor the other way round), and all of them are refused with what is
   * there now. The other segments' writes go through, each with its history line; every outcome carries its segment's
   * entry as the transaction leaves it.
   */
  async writeMany(writes: readonly AuditWrite[], reviewer: string, now: Date): Promise<WriteOutcome[]> {
    const bySegment = new Map<string, AuditWrite[]>()
    for (const write of writes) {
      const own = bySegment.get(write.key)
      if (own) own.push(write)
      else bySegment.set(write.key, [write])
    }
    return this.db.transaction().execute(async (trx) => {
      const revision = await nextRevision(trx)
      const rows = await readRows(trx, [...bySegment.keys()])
      const at = now.toISOString()
      const changed: Row[] = []
      const refused = new Set<string>()
      const history: HistoryRow[] = []
      for (const [key, own] of bySegment) {
        // On a copy: a segment refused halfway keeps its row as it was read.
        const row = { ...(rows.get(key) ?? emptyRow(key)) }
        const lines = applySegment(row, own, reviewer, at)
        if (!lines) {
          refused.add(key)
          continue
        }
        rows.set(key, row)
        if (lines.length === 0) continue
        row.revision = revision
        changed.push(row)
        history.push(...lines)
      }
      await upsertRows(trx, changed)
      await insertHistory(trx, history)
      return writes.map((write): WriteOutcome => ({
        ok: !refused.has(write.key),
        entry: toEntry(rows.get(write.key) ?? emptyRow(write.key)),
      }))
    })
  }

  async history(key: string): Promise<HistoryItem[]> {
    const rows = await this.db
      .selectFrom('audit_history')
      .selectAll()
      .where('segment_key', '=', key)
      .orderBy('id', 'desc')
      .execute()
    return rows.map((row) => ({
      field: row.field as HistoryItem['field'],
      oldValue: row.old_value,
      newValue: row.new_value,
      reviewer: row.reviewer,
      at: row.at,
      source: row.source as HistorySource,
    }))
  }

  /**
   * Merges reviews from a file (or a browser's own storage) in one transaction: for each field, the more recent review
   * wins, by that field's own time. The entry keeps who gave each field's review and when; the history says who brought
   * it in.
   */
  async importEntries(
    entries: readonly SessionEntry[],
    importer: string,
    source: HistorySource,
    now: Date,
  ): Promise<ImportAnswer> {
    // Of a segment listed more than once, each field's newest review counts (the first of equals).
    const newest = new Map<string, Partial<Record<AuditField, SessionFieldReview>>>()
    for (const entry of entries) {
      const reviews = newest.get(entry.key) ?? {}
      for (const field of AUDIT_FIELDS) {
        const review = sessionFieldReview(entry, field)
        const seen = reviews[field]
        if (review && (!seen || Date.parse(review.at) > Date.parse(seen.at))) reviews[field] = review
      }
      newest.set(entry.key, reviews)
    }
    return this.db.transaction().execute(async (trx) => {
      const revision = await nextRevision(trx)
      const current = await readRows(trx, [...newest.keys()])
      const answer: ImportAnswer = { added: 0, updated: 0, unchanged: 0, keptNewer: 0, partlyKept: 0 }
      const changed: Row[] = []
      const history: HistoryRow[] = []
      const at = now.toISOString()
      for (const [key, reviews] of newest) {
        const existing = current.get(key)
        const row = existing ? { ...existing } : emptyRow(key)
        let applied = false
        let keptNewer = false
        for (const field of AUDIT_FIELDS) {
          const review = reviews[field]
          if (!review || row[field] === review.value) continue
          const fieldAt = field === 'verdict' ? row.verdict_at : row.note_at
          if (fieldAt !== null && Date.parse(fieldAt) >= Date.parse(review.at)) {
            keptNewer = true
            continue
          }
          const change = applyField(row, field, review.value, review.by, new Date(review.at).toISOString())
          if (!change) continue
          applied = true
          history.push({
            segment_key: key,
            field,
            old_value: change.old,
            new_value: review.value,
            reviewer: importer,
            at,
            source,
          })
        }
        if (applied) {
          row.revision = revision
          changed.push(row)
          if (existing) answer.updated += 1
          else answer.added += 1
          if (keptNewer) answer.partlyKept += 1
        } else if (keptNewer) answer.keptNewer += 1
        else answer.unchanged += 1
      }
      await upsertRows(trx, changed)
      await insertHistory(trx, history)
      return answer
    })
  }
}
