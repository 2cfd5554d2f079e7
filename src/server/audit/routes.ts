// The /api/audit/* routes: the team's reviews, their history, imports, and what the provider cache holds. A fetch-style
// handler (Request → Response), mounted on the Vite server by `auditMiddleware` and used as it is by component tests.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import { z } from 'zod/mini'
import { issueText } from '../../lib/zod-messages.ts'
import {
  auditWriteSchema,
  BULK_MAX_WRITES,
  bulkWriteSchema,
  REVIEWER_HEADER,
  REVIEWER_MAX_LENGTH,
  segmentKeySchema,
} from '../../stores/audit-contract.ts'
import { parseSessionFile, SESSION_MAX_BYTES, SessionFileError, type SessionOrigin } from '../../stores/session-file.ts'
import { readAnswerKey } from '../proxy/answer-cache.ts'
import type { ProviderAnswers } from './provider-answers.ts'
import { assertSameOrigin, UNKNOWN_ORIGIN } from './session-origin.ts'
import type { AuditStore } from './store.ts'

export interface AuditRoutesOptions {
  store: AuditStore
  /** The Braze answers of the workspace the server is pointed at (the store's own, every one, without it). */
  answers?: ProviderAnswers
  /**
   * The Braze workspace and Commanders Act site the server audits (`sessionOriginOf`): written in the session files
   * exported here, and a file of another is refused. Without it, neither is known and no file is refused for it.
   */
  origin?: SessionOrigin
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

/** Reads a JSON body, refusing it as soon as it passes `maxBytes` rather than once it is all in memory. */
async function readBody(request: Request, maxBytes: number): Promise<string> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
    throw new BodyError(415, 'unsupported_media_type', 'Send JSON (Content-Type: application/json).')
  }
  if (!request.body) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw new BodyError(413, 'too_large', `The request is larger than ${maxBytes} bytes.`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS })
}

const gzipped = promisify(gzip)

/** A large answer gzipped when the request accepts it: a workspace's kept details, ~15 MB of JSON, travel as ~2. */
async function largeJson(request: Request, body: unknown): Promise<Response> {
  const headers = new Headers({ ...JSON_HEADERS, Vary: 'Accept-Encoding' })
  const text = JSON.stringify(body)
  if (!/\bgzip\b/.test(request.headers.get('accept-encoding') ?? ''))
    return new Response(text, { status: 200, headers })
  headers.set('Content-Encoding', 'gzip')
  return new Response(new Uint8Array(await gzipped(text)), { status: 200, headers })
}

/** A kept provider answer as JSON; undefined for one that does not parse (it is then left out, not fatal). */
function keptBody(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

const failure = (status: number, error: string, details: Record<string, unknown> = {}) =>
  json(status, { error, ...details })

/** Who is making this request: the proxy's authenticated user, else the name the page sends; undefined if neither. */
export function requestReviewer(headers: Headers, authUserHeader: string | undefined): string | undefined {
  if (authUserHeader) return headers.get(authUserHeader)?.trim().slice(0, REVIEWER_MAX_LENGTH) || undefined
  const sent = headers.get(REVIEWER_HEADER)
  if (!sent) return undefined
  try {
    return decodeURIComponent(sent).trim().slice(0, REVIEWER_MAX_LENGTH) || undefined
  } catch {
    return undefined
  }
}

export type AuditHandler = (request: Request) => Promise<Response>

export function createAuditHandler(options: AuditRoutesOptions): AuditHandler {
  const { store, answers = store.answers, origin = UNKNOWN_ORIGIN } = options
  const now = options.now ?? (() => new Date())

  const needReviewer = (request: Request): string => {
    const reviewer = requestReviewer(request.headers, options.authUserHeader)
    if (!reviewer) throw new BodyError(400, 'reviewer_required', 'Say who is reviewing: enter your name first.')
    return reviewer
  }

  const handle = async (request: Request, path: string, query: URLSearchParams): Promise<Response> => {
    const route = `${request.method} ${path}`
    switch (route) {
      case 'GET /api/audit/entries': {
        const since = sinceSchema.safeParse(query.get('since') ?? '0')
        if (!since.success) return failure(400, 'bad_request', { message: '"since" must be a revision number.' })
        return json(200, await store.listEntries(since.data))
      }
      case 'POST /api/audit/writes': {
        const reviewer = needReviewer(request)
        const write = auditWriteSchema.safeParse(parseJson(await readBody(request, WRITE_MAX_BYTES)), {
          error: issueText,
        })
        if (!write.success) return failure(400, 'bad_request', { message: describeIssue(write.error) })
        const outcome = await store.write(write.data, reviewer, now())
        if (!outcome.ok) return json(409, { error: 'conflict', entry: outcome.entry })
        return json(200, { entry: outcome.entry })
      }
      case 'POST /api/audit/bulk': {
        const reviewer = needReviewer(request)
        const bulk = bulkWriteSchema.safeParse(parseJson(await readBody(request, BULK_MAX_WRITES * 12_000)), {
          error: issueText,
        })
        if (!bulk.success) return failure(400, 'bad_request', { message: describeIssue(bulk.error) })
        const outcomes = await store.writeMany(bulk.data.writes, reviewer, now())
        // One entry per segment: its verdict and note were saved or refused together.
        const bySegment = new Map(outcomes.map((outcome) => [outcome.entry.key, outcome]))
        return json(200, {
          saved: [...bySegment.values()].filter((outcome) => outcome.ok).map((outcome) => outcome.entry),
          conflicts: [...bySegment.values()].filter((outcome) => !outcome.ok).map((outcome) => outcome.entry),
        })
      }
      case 'GET /api/audit/history': {
        const key = segmentKeySchema.safeParse(query.get('key') ?? '')
        if (!key.success) return failure(400, 'bad_request', { message: '"key" must be a segment key.' })
        return json(200, { history: await store.history(key.data) })
      }
      case 'POST /api/audit/import': {
        const importer = needReviewer(request)
        const source = sourceSchema.safeParse(query.get('source') ?? 'file')
        if (!source.success) return failure(400, 'bad_request', { message: '"source" must be file or browser.' })
        const session = parseSessionFile(await readBody(request, SESSION_MAX_BYTES + 1), now())
        // Here, not only in the page: a file is data from anywhere, and any client may send one.
        assertSameOrigin(session, origin)
        return json(
          200,
          await store.importEntries(session.entries, importer, source.data === 'file' ? 'import' : 'browser', now()),
        )
      }
      case 'GET /api/audit/session-origin':
        // Opaque markers, for the page to write in the session files it exports.
        return json(200, origin)
      case 'GET /api/audit/reviewer':
        return json(200, { reviewer: options.authUserHeader ? needReviewer(request) : null })
      case 'GET /api/audit/provider-cache': {
        const summary = await answers.cacheSummary(options.providerCacheTtlMs, now())
        return json(200, { ...summary, ttlHours: options.providerCacheTtlMs / 3_600_000 })
      }
      case 'GET /api/audit/kept-answers': {
        // What the team's scans fetched, still fresh (as the proxy would serve it): a new browser starts with it.
        const details: { id: string; fetchedAt: string; body: unknown }[] = []
        const series: { id: string; days: number; fetchedAt: string; body: unknown }[] = []
        for (const answer of await answers.freshAnswers(options.providerCacheTtlMs, now())) {
          const segment = readAnswerKey(answer.key)
          const body = segment && keptBody(answer.body)
          if (segment === undefined || body === undefined) continue
          const { id, days } = segment
          if (days === undefined) details.push({ id, fetchedAt: answer.fetchedAt, body })
          else series.push({ id, days, fetchedAt: answer.fetchedAt, body })
        }
        return largeJson(request, { details, series })
      }
    }
    const known = [
      'entries',
      'writes',
      'bulk',
      'history',
      'import',
      'session-origin',
      'reviewer',
      'provider-cache',
      'kept-answers',
    ].some((name) => path === `/api/audit/${name}`)
    if (known) return failure(405, 'method_not_allowed', { message: 'This method is not allowed here.' })
    return failure(404, 'not_found', { message: 'This path is not served.' })
  }

  return async function auditHandler(request: Request): Promise<Response> {
    const url = new URL(request.url)
    if (options.authUserHeader && !requestReviewer(request.headers, options.authUserHeader)) {
      return failure(401, 'unauthenticated', {
        message: `Sign in first: the ${options.authUserHeader} header is missing.`,
      })
    }
    try {
      return await handle(request, url.pathname, url.searchParams)
    } catch (error) {
      if (error instanceof BodyError) return failure(error.status, error.reason, { message: error.message })
      if (error instanceof SessionFileError) {
        return failure(400, 'invalid_session', { reason: error.reason, params: error.params, message: error.message })
      }
      options.log(
        `audit store error on ${request.method} ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`,
      )
      return failure(500, 'store_error', { message: 'The audit database failed; nothing was changed.' })
    }
  }
}

/** Mounts the handler on the Vite server for /api/audit and everything under it. */
export function auditMiddleware(handler: AuditHandler) {
  return function auditRoutes(req: IncomingMessage, res: ServerResponse, next: Next): void {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (path !== '/api/audit' && !path.startsWith('/api/audit/')) return next()
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value)
      else if (Array.isArray(value)) headers.set(name, value.join(', '))
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    const request = new Request(new URL(req.url ?? '/', 'http://localhost'), {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      duplex: 'half',
    } as RequestInit)
    handler(request)
      .then(async (response) => {
        // Bytes, not text: a gzipped answer passes as it was compressed.
        const body = Buffer.from(await response.arrayBuffer())
        res.writeHead(response.status, {
          ...Object.fromEntries(response.headers),
          'Content-Length': body.byteLength,
        })
        res.end(body)
      })
      .catch(next)
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
