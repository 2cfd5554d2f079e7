// Drafts a segment's page left behind in this tab — a verdict or a note the audit server never confirmed, the reviewer
// gone on to other pages meanwhile — sent on their base each time the audit server answers the entries poll, whatever
// page is open. A draft over a colleague's change (the entries polled show the field changed since its version), or
// one the server will not take, is held back: never sent over theirs, named on every page (src/app/held-reviews.tsx)
// until the reviewer discards it or opens the segment, whose page shows both to choose from.
import type { QueryClient } from '@tanstack/react-query'
import { AuditRequestError } from './audit-client'
import type { AuditEntry, AuditWrite } from './audit-contract'
import { noteDrafts, pageOpen, verdictDrafts, type AuditDraft, type AuditDrafts } from './audit-draft'
import { auditKeys, rememberAuditEntries, serverReviewerQuery, type AuditSnapshot } from './audit-queries'
import { sendAuditWrite } from './audit-writes'
import { readReviewer } from './reviewer'

const started = new WeakSet<QueryClient>()
const entries = auditKeys.entries()

/** A draft held back until its segment's page is visited: a colleague's change since (`theirs`), or a refused write. */
export interface HeldDraft {
  write: AuditWrite
  theirs?: AuditEntry
}

let held: readonly HeldDraft[] = []
const heldListeners = new Set<() => void>()

/** The drafts held back at the last answered poll, for the notice that names them on every page. */
export const heldDrafts = (): readonly HeldDraft[] => held

export function subscribeHeldDrafts(listener: () => void): () => void {
  heldListeners.add(listener)
  return () => heldListeners.delete(listener)
}

function publishHeld(next: readonly HeldDraft[]): void {
  if (JSON.stringify(next) === JSON.stringify(held)) return
  held = next
  for (const listener of heldListeners) listener()
}

/** The reviewer gives up a held draft: the server's value stays. */
export function discardHeldDraft(draft: HeldDraft): void {
  const { write } = draft
  if (write.field === 'verdict') verdictDrafts.drop(write.key, write.value)
  else noteDrafts.drop(write.key, write.value)
  publishHeld(held.filter((each) => each !== draft))
}

/** A field's value and version in the server's entry (none yet: unreviewed, no note, version 0). */
function fieldOf(entry: AuditEntry | undefined, field: AuditWrite['field']): [string, number] {
  if (field === 'verdict') return [entry?.verdict ?? 'unreviewed', entry?.verdictVersion ?? 0]
  return [entry?.note ?? '', entry?.noteVersion ?? 0]
}

/**
 * Listens to the query cache from now on, once per client (the app starts it at load when the tab holds drafts, and a
 * segment's page when it opens); the returned function stops it.
 */
export function sendLeftDrafts(queryClient: QueryClient): () => void {
  if (started.has(queryClient)) return () => {}
  started.add(queryClient)
  const refused = new Set<string>()
  let sending = false

  async function sendEach<T>(
    drafts: AuditDrafts<T>,
    toWrite: (key: string, draft: AuditDraft<T>) => AuditWrite,
    reviewer: string,
    heldBack: HeldDraft[],
  ): Promise<void> {
    for (const key of drafts.keys()) {
      const draft = drafts.read(key)
      if (!draft || pageOpen(key)) continue
      const write = toWrite(key, draft)
      const id = `${write.field} ${key}`
      if (refused.has(id)) {
        heldBack.push({ write })
        continue
      }
      // The entries just polled say what the server would answer: the value there already, or a colleague's since.
      const entry = queryClient.getQueryData<AuditSnapshot>(entries)?.entries.get(key)
      const [current, version] = fieldOf(entry, write.field)
      if (current === write.value) drafts.drop(key, draft.value)
      else if (version !== write.baseVersion) heldBack.push({ write, theirs: entry })
      if (current === write.value || version !== write.baseVersion) continue
      try {
        const result = await sendAuditWrite(write, reviewer, { keepalive: true })
        rememberAuditEntries(queryClient, [result.entry])
        // Refused, its answer (a colleague's change) is now in the entries: the check above holds the draft back.
        if (result.kind === 'saved') drafts.drop(key, draft.value)
      } catch (error) {
        // Unanswered: all drafts wait for the server's next answer. Refused with a reason: this one waits for its page.
        if (!(error instanceof AuditRequestError)) throw error
        refused.add(id)
      }
    }
  }

  const sendAll = async () => {
    if (sending) return
    sending = true
    const heldBack: HeldDraft[] = []
    try {
      // A server that names the reviewer itself says who (asked here if no page of the tab has asked yet: a tab
      // reloaded on the list of a team server, which never asks a name); otherwise the name this browser writes under.
      const reviewer = (await queryClient.fetchQuery(serverReviewerQuery())) ?? readReviewer()
      if (!reviewer) return
      await sendEach(
        verdictDrafts,
        (key, { value, baseVersion }) => ({ key, field: 'verdict', value, baseVersion }),
        reviewer,
        heldBack,
      )
      await sendEach(
        noteDrafts,
        (key, { value, baseVersion }) => ({ key, field: 'note', value, baseVersion }),
        reviewer,
        heldBack,
      )
      publishHeld(heldBack)
    } catch {
      // The server did not answer after all: its next answer tries again.
    } finally {
      sending = false
    }
  }

  const stop = queryClient.getQueryCache().subscribe((event) => {
    const isEntries = entries.every((part, index) => event.query.queryKey[index] === part)
    if (isEntries && event.type === 'updated' && event.action.type === 'success') void sendAll()
  })
  return () => {
    stop()
    started.delete(queryClient)
    publishHeld([])
  }
}
