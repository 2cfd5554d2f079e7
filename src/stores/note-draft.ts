// A note being typed, kept in this tab's sessionStorage until the server has it: if a reload or a navigation cut the
// write short, the page finds the draft and sends it again.
import { z } from 'zod/mini'

const PREFIX = 'segment-audit:note-draft:'

const draftSchema = z.object({ note: z.string(), baseVersion: z.number() })
export type NoteDraft = z.infer<typeof draftSchema>

export function readNoteDraft(key: string): NoteDraft | undefined {
  try {
    const text = sessionStorage.getItem(PREFIX + key)
    if (text === null) return undefined
    const parsed = draftSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

export function keepNoteDraft(key: string, draft: NoteDraft): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(draft))
  } catch {
    // Storage full or disabled: the write on leaving still goes out.
  }
}

/** Drops the draft once the server has this very text (a newer draft typed meanwhile stays). */
export function dropNoteDraft(key: string, savedNote: string): void {
  try {
    if (readNoteDraft(key)?.note === savedNote) sessionStorage.removeItem(PREFIX + key)
  } catch {
    // Nothing to drop.
  }
}
