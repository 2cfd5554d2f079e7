// Which Braze workspace and Commanders Act site the server audits, as opaque markers for the session files the Audit
// page exports (the server refuses to import a file of another): apart from the audit client, so that the list's first
// load does not carry it.
import { queryOptions } from '@tanstack/react-query'
import { apiUrl } from '../lib/api-url'
import { headers, parsed } from './audit-client'
import { sessionOriginSchema, type SessionOrigin } from './session-file'

async function fetchSessionOrigin(signal?: AbortSignal): Promise<SessionOrigin> {
  const response = await fetch(apiUrl('/api/audit/session-origin'), { headers: headers(), signal })
  return parsed(response, sessionOriginSchema)
}

export const sessionOriginQuery = () =>
  queryOptions({
    queryKey: ['audit', 'session-origin'],
    queryFn: ({ signal }) => fetchSessionOrigin(signal),
    // What the server audits changes only when it restarts with other variables.
    staleTime: Infinity,
    // A server that cannot say (an older one, or one not answering) leaves the file without an origin, which
    // imports anywhere as files always did: the export, a backup too, is not held back for it.
    retry: 1,
  })
