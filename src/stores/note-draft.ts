// A note being typed, kept in this tab's sessionStorage until the server has it: if a reload or a navigation cut the
// write short, the page finds the draft and sends it again.
import { z } from 'zod/mini'
import { storedRecord } from '../lib/stored-record'

const PREFIX = 'segment-audit:note-draft:'

const draftSchema = z.object({ note: z.string(), baseVersion: z.number() })
export type NoteDraft = z.infer<typeof draftSchema>

/** The tab's draft for one segment. */
const draftOf = (key: string) => storedRecord(() => sessionStorage, PREFIX + key, draftSchema)

export const readNoteDraft = (key: string): NoteDraft | undefined => draftOf(key).read()

/** Where storage is full or disabled, the write on leaving still goes out. */
export const keepNoteDraft = (key: string, draft: NoteDraft): void => draftOf(key).write(draft)

/** Drops the draft once the server has this very text (a newer draft typed meanwhile stays). */
export function dropNoteDraft(key: string, savedNote: string): void {
  const draft = draftOf(key)
  if (draft.read()?.note === savedNote) draft.clear()
}
