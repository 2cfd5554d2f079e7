// Sends a session file to the server's audit (an import, or the reviews an earlier version kept in a browser): apart
// from the audit client, so that the list's first load carries neither this nor the session file's checks.
import { apiUrl } from '../lib/api-url'
import { headers, parsed } from './audit-client'
import { importAnswerSchema, type ImportAnswer } from './audit-contract'
import { post } from './audit-writes'
import { SessionFileError, type SessionFileErrorParams, type SessionFileReason } from './session-file'

/** Sends a session file's text to be merged on the server; a file it refuses comes back as a SessionFileError. */
export async function uploadSession(text: string, source: 'file' | 'browser', reviewer: string): Promise<ImportAnswer> {
  const response = await post(apiUrl('/api/audit/import', { source }), {
    headers: { ...headers(reviewer), 'Content-Type': 'application/json' },
    body: text,
  })
  if (response.status === 400 || response.status === 413) {
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => undefined)
    const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
    if (record.error === 'invalid_session' || response.status === 413) {
      const reason = (typeof record.reason === 'string' ? record.reason : 'too-large') as SessionFileReason
      const params = (
        typeof record.params === 'object' && record.params !== null ? record.params : {}
      ) as SessionFileErrorParams
      throw new SessionFileError(
        typeof record.message === 'string' ? record.message : 'The file was refused.',
        reason,
        params,
      )
    }
  }
  return parsed(response, importAnswerSchema)
}
