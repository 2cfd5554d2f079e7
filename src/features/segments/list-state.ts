// The list's view state (search, filters, sort) and its URL form: a view can be shared, reloaded, and Back works.
import { isFindingId, type FindingId } from '../../findings/findings'
import { parseDateParam, toDateParam } from '../../findings/staleness'
import type { ProviderId } from '../../providers/provider-error'
import { VERDICTS, type Verdict } from '../../stores/audit-contract'

export const SORT_COLUMNS = ['provider', 'name', 'id', 'tags', 'tracking', 'created', 'updated', 'description', 'verdict'] as const
export type SortColumn = (typeof SORT_COLUMNS)[number]

export interface SegmentListSort {
  column: SortColumn
  desc: boolean
}

export interface SegmentListFilters {
  query: string
  provider: ProviderId | null
  tags: readonly string[]
  tracking: 'on' | 'off' | null
  verdict: Verdict | null
  /** One of the audit's findings; staleness has its own date filter instead. */
  finding: ListFinding | null
  /** Last updated strictly before this local day (YYYY-MM-DD). */
  updatedBefore: string | null
}

export type ListFinding = Exclude<FindingId, 'stale'>

export interface SegmentListState {
  filters: SegmentListFilters
  sort: SegmentListSort
}

export const DEFAULT_SORT: SegmentListSort = { column: 'name', desc: false }

export const EMPTY_FILTERS: SegmentListFilters = { query: '', provider: null, tags: [], tracking: null, verdict: null, finding: null, updatedBefore: null }

const isSortColumn = (value: string): value is SortColumn => (SORT_COLUMNS as readonly string[]).includes(value)

function parseSort(raw: string | null): SegmentListSort {
  if (!raw) return DEFAULT_SORT
  const desc = raw.startsWith('-')
  const column = desc ? raw.slice(1) : raw
  return isSortColumn(column) ? { column, desc } : DEFAULT_SORT
}

export function parseListState(params: URLSearchParams): SegmentListState {
  const provider = params.get('provider')
  const tracking = params.get('tracking')
  const verdict = params.get('verdict')
  const finding = params.get('finding')
  const updatedBefore = parseDateParam(params.get('updatedBefore'))
  return {
    filters: {
      query: params.get('q') ?? '',
      provider: provider === 'braze' || provider === 'commanders-act' ? provider : null,
      tags: [...new Set(params.getAll('tag').filter((tag) => tag !== ''))],
      tracking: tracking === 'on' || tracking === 'off' ? tracking : null,
      verdict: VERDICTS.find((known) => known === verdict) ?? null,
      finding: isFindingId(finding) && finding !== 'stale' ? finding : null,
      updatedBefore: updatedBefore ? toDateParam(updatedBefore) : null,
    },
    sort: parseSort(params.get('sort')),
  }
}

/** Only what differs from the defaults goes into the URL, in a stable order. */
export function listStateToParams(state: SegmentListState): URLSearchParams {
  const params = new URLSearchParams()
  const { filters, sort } = state
  if (filters.query !== '') params.set('q', filters.query)
  if (filters.provider) params.set('provider', filters.provider)
  for (const tag of filters.tags) params.append('tag', tag)
  if (filters.tracking) params.set('tracking', filters.tracking)
  if (filters.verdict) params.set('verdict', filters.verdict)
  if (filters.finding) params.set('finding', filters.finding)
  if (filters.updatedBefore) params.set('updatedBefore', filters.updatedBefore)
  if (sort.column !== DEFAULT_SORT.column || sort.desc !== DEFAULT_SORT.desc) {
    params.set('sort', `${sort.desc ? '-' : ''}${sort.column}`)
  }
  return params
}

export function hasActiveFilters(filters: SegmentListFilters): boolean {
  return (
    filters.query.trim() !== '' ||
    filters.provider !== null ||
    filters.tags.length > 0 ||
    filters.tracking !== null ||
    filters.verdict !== null ||
    filters.finding !== null ||
    filters.updatedBefore !== null
  )
}
