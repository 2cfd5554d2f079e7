// The /api/audit/* routes: the team's reviews, their history, imports, and what the provider cache holds.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod/mini'
import { issueText } from '../../providers/provider-error.ts'
import { auditWriteSchema, REVIEWER_HEADER, REVIEWER_MAX_LENGTH, segmentKeySchema } from '../../stores/audit-contract.ts'
import { parseSessionFile, SESSION_MAX_BYTES, SessionFileError } from '../../stores/session-file.ts'
import { sendError, sendJson } from '../proxy/respond.ts'
import type { AuditStore } from './store.ts'

export interface AuditRoutesOptions {
  store: AuditStore
  /** AUTH_USER_HEADER: the header an authenticating reverse proxy sets to the signed-in user. Unset on localhost. */
  authUserHeader: string | undefined
  providerCacheTtlMs: number
  now?: () => Date
  log: (line: string) => void
}

type Next = (error?: unknown) => void

const WRITE_MAX_BYTES = 64 * 1024
const sinceSchema = z.coerce.number().check(z.int(), z.nonnegative())
const sourceSchema = z.enum(['file', 'browser'])

class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message)
  }
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    throw new BodyError(415, 'unsupported_media_type', 'Send JSON (Content-Type: application/json).')
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.byteLength
    if (size > maxBytes) throw new BodyError(413, 'too_large', `The request is larger than ${maxBytes} bytes.`)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

/** Who is making this request: the proxy's authenticated user, else the name the page sends; undefined if neither. */
export function requestReviewer(req: IncomingMessage, authUserHeader: string | undefined): string | undefined {
  if (authUserHeader) return headerValue(req, authUserHeader)?.trim().slice(0, REVIEWER_MAX_LENGTH) || undefined
  const sent = headerValue(req, REVIEWER_HEADER)
  if (!sent) return undefined
  try {
    return decodeURIComponent(sent).trim().slice(0, REVIEWER_MAX_LENGTH) || undefined
  } catch {
    return undefined
  }
}

export function createAuditRoutes(options: AuditRoutesOptions) {
  const { store } = options
  const now = options.now ?? (() => new Date())

  const needReviewer = (req: IncomingMessage): string => {
    const reviewer = requestReviewer(req, options.authUserHeader)
    if (!reviewer) throw new BodyError(400, 'reviewer_required', 'Say who is reviewing: enter your name first.')
    return reviewer
  }

  const handle = async (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) => {
    const route = `${req.method ?? 'GET'} ${path}`
    switch (route) {
      case 'GET /api/audit/entries': {
        const since = sinceSchema.safeParse(query.get('since') ?? '0')
        if (!since.success) return sendError(res, 400, 'bad_request', { message: '"since" must be a revision number.' })
        return sendJson(res, 200, await store.listEntries(since.data))
      }
      case 'POST /api/audit/writes': {
        const reviewer = needReviewer(req)
        const write = auditWriteSchema.safeParse(parseJson(await readBody(req, WRITE_MAX_BYTES)), { error: issueText })
        if (!write.success) return sendError(res, 400, 'bad_request', { message: describeIssue(write.error) })
        const outcome = await store.write(write.data, reviewer, now())
        if (!outcome.ok) return sendJson(res, 409, { error: 'conflict', entry: outcome.entry })
        return sendJson(res, 200, { entry: outcome.entry })
      }
      case 'GET /api/audit/history': {
        const key = segmentKeySchema.safeParse(query.get('key') ?? '')
        if (!key.success) return sendError(res, 400, 'bad_request', { message: '"key" must be a segment key.' })
        return sendJson(res, 200, { history: await store.history(key.data) })
      }
      case 'POST /api/audit/import': {
        const importer = needReviewer(req)
        const source = sourceSchema.safeParse(query.get('source') ?? 'file')
        if (!source.success) return sendError(res, 400, 'bad_request', { message: '"source" must be file or browser.' })
        const session = parseSessionFile(await readBody(req, SESSION_MAX_BYTES + 1), now())
        return sendJson(res, 200, await store.importEntries(session.entries, importer, source.data === 'file' ? 'import' : 'browser', now()))
      }
      case 'GET /api/audit/reviewer':
        return sendJson(res, 200, { reviewer: options.authUserHeader ? needReviewer(req) : null })
      case 'GET /api/audit/provider-cache': {
        const summary = await store.cacheSummary(options.providerCacheTtlMs, now())
        return sendJson(res, 200, { ...summary, ttlHours: options.providerCacheTtlMs / 3_600_000 })
      }
    }
    const known = ['entries', 'writes', 'history', 'import', 'reviewer', 'provider-cache'].some((name) => path === `/api/audit/${name}`)
    if (known) return sendError(res, 405, 'method_not_allowed', { message: 'This method is not allowed here.' })
    return sendError(res, 404, 'not_found', { message: 'This path is not served.' })
  }

  return function auditRoutes(req: IncomingMessage, res: ServerResponse, next: Next): void {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname !== '/api/audit' && !url.pathname.startsWith('/api/audit/')) return next()
    if (options.authUserHeader && !requestReviewer(req, options.authUserHeader)) {
      return sendError(res, 401, 'unauthenticated', { message: `Sign in first: the ${options.authUserHeader} header is missing.` })
    }
    handle(req, res, url.pathname, url.searchParams).catch((error: unknown) => {
      if (error instanceof BodyError) return sendError(res, error.status, error.reason, { message: error.message })
      if (error instanceof SessionFileError) {
        return sendError(res, 400, 'invalid_session', { reason: error.reason, params: error.params, message: error.message })
      }
      options.log(`audit store error on ${req.method} ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`)
      if (!res.headersSent) sendError(res, 500, 'store_error', { message: 'The audit database failed; nothing was changed.' })
    })
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new BodyError(400, 'bad_request', 'The request body is not JSON.')
  }
}

function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0]
  return issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'The request is invalid.'
}
