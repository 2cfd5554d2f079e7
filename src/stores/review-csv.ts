// The review at the end of each row of both CSV exports (the list's and the Audit page's report), the same columns in
// the same order: the note, who set the verdict and when, who wrote the note and when. The verdict and the note are
// separate fields with their own authors (audit-contract.ts): a note edited later does not make its writer the
// verdict's author, nor a bulk verdict the note's.
import { formatSpreadsheetDateTime } from '../lib/format'
import type { AuditEntry } from './audit-contract'

/** The columns' keys under `common:reviewColumn`, in export order. */
export const REVIEW_CSV_COLUMNS = ['note', 'verdictBy', 'verdictAt', 'noteBy', 'noteAt'] as const

/** A review's cells in `REVIEW_CSV_COLUMNS` order: blank for a field never set, and for a segment with no review. */
export function reviewCsvCells(entry: AuditEntry | undefined): string[] {
  if (!entry) return REVIEW_CSV_COLUMNS.map(() => '')
  const at = (iso: string | null) => (iso === null ? '' : formatSpreadsheetDateTime(iso))
  return [entry.note, entry.verdictBy ?? '', at(entry.verdictAt), entry.noteBy ?? '', at(entry.noteAt)]
}
