// The list's view state (search, filters, sort) and its URL form: a view can be shared, reloaded, and Back works.
import { isFindingId, type FindingId } from '../../findings/findings'
import { parseDateParam, toDateParam } from '../../findings/staleness'
import { isProviderId, type ProviderId } from '../../providers/provider-id'
import { VERDICTS, type Verdict } from '../../stores/audit-contract'
import { FACETS, isColumnId, isValueColumn, type ColumnId } from './columns'

export interface SegmentListSort {
  column: ColumnId
  desc: boolean
}

export interface SegmentListFilters {
  query: string
  provider: ProviderId | null
  /** The values picked in each multi-value filter (Tags, Teams), by column; a row must carry all of them. */
  facets: Readonly<Partial<Record<ColumnId, readonly string[]>>>
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

export const EMPTY_FILTERS: SegmentListFilters = {
  query: '',
  provider: null,
  facets: {},
  tracking: null,
  verdict: null,
  finding: null,
  updatedBefore: null,
}

function parseSort(raw: string | null): SegmentListSort {
  if (!raw) return DEFAULT_SORT
  const desc = raw.startsWith('-')
  const column = desc ? raw.slice(1) : raw
  return isColumnId(column) && isValueColumn(column) ? { column, desc } : DEFAULT_SORT
}

export function parseListState(params: URLSearchParams): SegmentListState {
  const provider = params.get('provider')
  const tracking = params.get('tracking')
  const verdict = params.get('verdict')
  const finding = params.get('finding')
  const updatedBefore = parseDateParam(params.get('updatedBefore'))
  const facets: Partial<Record<ColumnId, readonly string[]>> = {}
  for (const { id, param } of FACETS) {
    const values = [...new Set(params.getAll(param).filter((value) => value !== ''))]
    if (values.length > 0) facets[id] = values
  }
  return {
    filters: {
      query: params.get('q') ?? '',
      provider: isProviderId(provider) ? provider : null,
      facets,
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
  for (const { id, param } of FACETS) for (const value of filters.facets[id] ?? []) params.append(param, value)
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
    Object.values(filters.facets).some((values) => values.length > 0) ||
    filters.tracking !== null ||
    filters.verdict !== null ||
    filters.finding !== null ||
    filters.updatedBefore !== null
  )
}
