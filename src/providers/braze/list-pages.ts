// One request to the proxy's multi-page list route: the pages that came back, read row by row, and those that failed.
import { issueText } from '../../lib/zod-messages'
import { invalidResponseError, ProviderError, providerErrorFromProxy } from '../provider-error'
import { requestProviderAnswer, type ProviderRequestOptions } from '../request'
import type { Segment } from '../segment'
import { brazeSegmentPagesSchema, brazeSegmentsPageSchema, readBrazeListRow } from './schemas'

/** What one request to the multi-page route brought: the pages that came back, and those that did not. */
export interface BrazePagesAnswer {
  pages: Map<number, Segment[]>
  failed: { page: number; error: ProviderError }[]
  /** The answer's rate-limit headers: the latest Braze sent, which say how long to wait after a 429. */
  headers: Headers
}

/** One page's Braze body: the envelope must hold, its rows are read one by one (an odd row is marked, not fatal). */
function readPage(index: number, body: unknown): Segment[] | ProviderError {
  const result = brazeSegmentsPageSchema.safeParse(body, { error: issueText })
  if (!result.success) {
    const base = invalidResponseError('braze', result.error, body)
    const field = ['pages', index, ...(base.field === undefined ? [] : [base.field])].join('.')
    return new ProviderError('braze', 'invalid_response', {
      status: 200,
      field,
      detail: result.error.issues[0]?.message,
      providerMessage: base.providerMessage,
    })
  }
  return result.data.segments.flatMap((row) => readBrazeListRow(row) ?? [])
}

/**
 * `count` consecutive pages from `first`, through the proxy's multi-page route, as one request. The proxy answers per
 * page: the pages that came back are kept even when others failed, so only the failed ones need asking for again.
 */
export async function fetchBrazeSegmentPages(
  first: number,
  count: number,
  options: ProviderRequestOptions = {},
): Promise<BrazePagesAnswer> {
  const params = { page: first, pages: count, sort_direction: 'asc' }
  const { body, headers } = await requestProviderAnswer(
    'braze',
    '/api/braze/segments/list/pages',
    params,
    brazeSegmentPagesSchema,
    options,
  )
  if (body.pages.length !== count) {
    throw new ProviderError('braze', 'invalid_response', {
      status: 200,
      field: 'pages',
      detail: `${count} pages asked for, ${body.pages.length} answered`,
    })
  }
  const answer: BrazePagesAnswer = { pages: new Map(), failed: [], headers }
  body.pages.forEach((entry, index) => {
    const page = first + index
    if (entry.status !== 200 || entry.body === undefined) {
      answer.failed.push({ page, error: providerErrorFromProxy('braze', entry.status, entry.error) })
      return
    }
    const read = readPage(index, entry.body)
    if (read instanceof ProviderError) answer.failed.push({ page, error: read })
    else answer.pages.set(page, read)
  })
  return answer
}
