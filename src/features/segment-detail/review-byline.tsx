// Under a segment's audit panel: who set the verdict and when, and who wrote the note and when, each field by its own
// author (a note edited later does not make its writer the verdict's author).
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../components/use-format'
import type { AuditEntry } from '../../stores/audit-contract'
import { DateWithAge } from './date-with-age'

/** A field's author and time as the server keeps them: none for a field never written. */
function fieldAuthor(by: string | null, at: string | null, version: number): { by: string; at: string } | undefined {
  return version > 0 && by !== null && at !== null ? { by, at } : undefined
}

/** Someone has set the verdict or written the note. */
export function hasAuthor(entry: AuditEntry): boolean {
  return Boolean(
    fieldAuthor(entry.verdictBy, entry.verdictAt, entry.verdictVersion) ??
    fieldAuthor(entry.noteBy, entry.noteAt, entry.noteVersion),
  )
}

/**
 * Who set the verdict and when ("Archive — by Bob, 3 Mar 2026"), then who wrote the note and when if that says more:
 * someone else, or another day. The verdict and the note have their own authors: a note edited later does not make
 * its writer the verdict's author. With a note and no verdict ever set, only the note's part.
 */
export function ReviewByline({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation(['detail', 'common'])
  const format = useFormat()
  const verdict = fieldAuthor(entry.verdictBy, entry.verdictAt, entry.verdictVersion)
  const note = fieldAuthor(entry.noteBy, entry.noteAt, entry.noteVersion)
  const noteSaysMore = note && (!verdict || note.by !== verdict.by || format.date(note.at) !== format.date(verdict.at))
  return (
    <>
      {verdict ? (
        <span>
          {t('audit.byline', { verdict: t(`common:verdict.${entry.verdict}`), reviewer: verdict.by })}{' '}
          <DateWithAge iso={verdict.at} />
        </span>
      ) : null}
      {verdict && noteSaysMore ? ' · ' : null}
      {noteSaysMore ? (
        <span>
          {t(entry.note === '' ? 'audit.bylineNoteCleared' : 'audit.bylineNote', { reviewer: note.by })}{' '}
          <DateWithAge iso={note.at} />
        </span>
      ) : null}
    </>
  )
}
