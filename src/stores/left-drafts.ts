// Drafts a segment's page left behind in this tab — a verdict or a note the audit server never confirmed, the reviewer
// gone on to other pages meanwhile — sent on their base each time the audit server answers the entries poll, whatever
// page is open. A draft the server refuses (a colleague changed the field since, or a write it will not take) is left
// for the segment's next visit, whose page shows why; it is not sent again before that.
import type { QueryClient } from '@tanstack/react-query'
import { AuditRequestError } from './audit-client'
import type { AuditWrite } from './audit-contract'
import { noteDrafts, pageOpen, verdictDrafts, type AuditDraft, type AuditDrafts } from './audit-draft'
import { auditKeys, rememberAuditEntries } from './audit-queries'
import { sendAuditWrite } from './audit-writes'
import { readReviewer } from './reviewer'

const started = new WeakSet<QueryClient>()

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
  ): Promise<void> {
    for (const key of drafts.keys()) {
      const draft = drafts.read(key)
      if (!draft || pageOpen(key)) continue
      const write = toWrite(key, draft)
      const id = `${write.field} ${key}`
      if (refused.has(id)) continue
      try {
        const result = await sendAuditWrite(write, reviewer, { keepalive: true })
        rememberAuditEntries(queryClient, [result.entry])
        if (result.kind === 'saved') drafts.drop(key, draft.value)
        else refused.add(id)
      } catch (error) {
        // Unanswered: every draft waits for the server's next answer. Refused with a reason: this one waits for its page.
        if (!(error instanceof AuditRequestError)) throw error
        refused.add(id)
      }
    }
  }

  const sendAll = async () => {
    // A server that names the reviewer itself says who; otherwise the name this browser writes under.
    const named = queryClient.getQueryData<string | null>(auditKeys.reviewer())
    const reviewer = typeof named === 'string' ? named : readReviewer()
    if (sending || !reviewer) return
    sending = true
    try {
      await sendEach(
        verdictDrafts,
        (key, { value, baseVersion }) => ({ key, field: 'verdict', value, baseVersion }),
        reviewer,
      )
      await sendEach(
        noteDrafts,
        (key, { value, baseVersion }) => ({ key, field: 'note', value, baseVersion }),
        reviewer,
      )
    } catch {
      // The server did not answer after all: its next answer tries again.
    } finally {
      sending = false
    }
  }

  const entries = auditKeys.entries()
  const stop = queryClient.getQueryCache().subscribe((event) => {
    const isEntries = entries.every((part, index) => event.query.queryKey[index] === part)
    if (isEntries && event.type === 'updated' && event.action.type === 'success') void sendAll()
  })
  return () => {
    stop()
    started.delete(queryClient)
  }
}
