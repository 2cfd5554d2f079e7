// Relays an allowed route's provider call(s): one answer for a single route, one entry per page for the pages route,
// and the Braze reserve kept by answering details and series calls without spending it.
import type { ServerResponse } from 'node:http'
import type { PagesRoute, SingleRoute, UpstreamRequest } from './allowlist.ts'
import { KEPT_AT_HEADER } from '../../providers/cache-policy.ts'
import { answerKey, type AnswerCache } from './answer-cache.ts'
import type { CallContext, ErrorAnswer } from './error-answer.ts'
import type { RateHeaders } from './rate-budget.ts'
import { sendJson, sendJsonText } from './respond.ts'
import { callUpstream, type AnswerShape, type UpstreamOptions, type UpstreamOutcome } from './upstream-call.ts'

export interface ForwardOptions extends UpstreamOptions {
  /** Credential values to redact from any provider message. */
  secrets: readonly string[]
  /** Kept Braze details and series; absent or with maxAgeMs 0, every call goes to Braze. */
  answerCache?: AnswerCache
  /** The page asked for Braze's answer now, not a kept one ("Refresh from Braze"). */
  refresh?: boolean
}

function contextOf(route: SingleRoute | PagesRoute, options: ForwardOptions): CallContext {
  return { provider: route.provider, permission: route.permission, secrets: options.secrets }
}

function shapeOf(route: SingleRoute): AnswerShape {
  if (route.kind === 'jsonp') return 'jsonp'
  return route.provider === 'braze' ? 'braze' : 'array'
}

function sendError(res: ServerResponse, { httpStatus, body }: ErrorAnswer, rate: RateHeaders): void {
  sendJson(res, httpStatus, body, rate)
}

/** Details and series scans are what can drain the budget; a list costs ~1 % of a scan, so it is never held. */
function drawsOnBudget(route: SingleRoute): boolean {
  return route.provider === 'braze' && route.permission !== 'segments.list'
}

function reserveHold(route: SingleRoute, options: ForwardOptions): ErrorAnswer | null {
  if (!drawsOnBudget(route)) return null
  const hold = options.brazeBudget.hold()
  if (!hold) return null
  return { httpStatus: 429, body: { error: 'budget_reserve', provider: 'braze', status: 429, ...hold } }
}

/** Relays one provider call. */
export async function forward(
  res: ServerResponse,
  route: SingleRoute,
  routePath: string,
  upstream: UpstreamRequest,
  options: ForwardOptions,
): Promise<void> {
  const cache = options.answerCache && options.answerCache.maxAgeMs > 0 ? options.answerCache : undefined
  const key = cache && answerKey(route, upstream)
  // A kept answer costs Braze nothing: served even while the reserve holds live calls.
  if (cache && key && !options.refresh) {
    const kept = await cache.store.cachedAnswer(key, cache.maxAgeMs, new Date())
    if (kept) return sendJsonText(res, 200, kept.body, { [KEPT_AT_HEADER]: kept.fetchedAt })
  }
  const held = reserveHold(route, options)
  if (held) return sendError(res, held, { 'retry-after': String(held.body.retryAfterSeconds) })
  // Counted from here, before any await: the next call's hold already sees this one, whose answer is not back yet.
  const back = drawsOnBudget(route) ? options.brazeBudget.sending() : undefined
  const outcome = await callUpstream(
    upstream,
    shapeOf(route),
    contextOf(route, options),
    `${route.provider} ${routePath}`,
    options,
  ).finally(() => back?.())
  if (outcome.kind === 'gone') return
  if (outcome.kind === 'error') return sendError(res, outcome.answer, outcome.rate)
  if (cache && key) {
    // Keeping is a bonus: a database hiccup must not cost the page the answer it waited for.
    await cache.store.keepAnswer(key, outcome.text, new Date()).catch((error: unknown) => {
      options.log(`could not keep a Braze answer: ${error instanceof Error ? error.message : String(error)}`)
    })
  }
  sendJsonText(res, 200, outcome.text, outcome.rate)
}

/** A list page's length, or null for a page that failed (or was not a list). */
function segmentCount(outcome: UpstreamOutcome): number | null {
  if (outcome.kind !== 'answer') return null
  const { value } = outcome
  const segments = typeof value === 'object' && value !== null && 'segments' in value ? value.segments : undefined
  return Array.isArray(segments) ? segments.length : null
}

/**
 * Makes the calls at once and answers 200 `{"pages":[{"page","status":200,"body"} | {"page","status","error"}]}` in
 * page order, so a failed page costs only itself; the rate-limit headers are those of the answer that arrived last.
 */
export async function forwardPages(
  res: ServerResponse,
  route: PagesRoute,
  routePath: string,
  firstPage: number,
  upstreams: UpstreamRequest[],
  options: ForwardOptions,
): Promise<void> {
  let freshest: RateHeaders = {}
  const context = contextOf(route, options)
  const outcomes = await Promise.all(
    upstreams.map(async (upstream, index) => {
      const where = `${route.provider} ${routePath} (call ${index + 1} of ${upstreams.length})`
      const outcome = await callUpstream(upstream, 'braze', context, where, options)
      if (outcome.kind !== 'gone' && Object.keys(outcome.rate).length > 0) freshest = outcome.rate
      return outcome
    }),
  )
  const entries: string[] = []
  for (const [index, outcome] of outcomes.entries()) {
    if (outcome.kind === 'gone') return
    const page = firstPage + index
    // A body is checked JSON: spliced in as text, it stays the bytes Braze sent, without parsing it again.
    entries.push(
      outcome.kind === 'answer'
        ? `{"page":${page},"status":200,"body":${outcome.text}}`
        : JSON.stringify({ page, status: outcome.answer.httpStatus, error: outcome.answer.body }),
    )
  }
  options.brazeList.observe(firstPage, outcomes.map(segmentCount))
  sendJsonText(res, 200, `{"pages":[${entries.join(',')}]}`, freshest)
}
