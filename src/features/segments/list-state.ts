// The list's view state (search, filters, sort: see list-sort.ts) and its URL form: a view can be shared, reloaded,
// and Back works.
// Each single-choice filter is declared once here; its URL form, "any filter active", its test on a row and its select
// in the toolbar all derive from that declaration.
import { FINDING_IDS, type FindingId } from '../../findings/finding-ids'
import { parseDateParam, toDateParam } from '../../findings/staleness'
import { PROVIDER_IDS, providerLabel } from '../../providers/provider-id'
import { VERDICTS } from '../../stores/audit-contract'
import type { FindingSettingsValue } from '../../stores/finding-settings'
import { FACETS, type ColumnId, type SegmentsT } from './columns'
import { DEFAULT_SORT, parseSort, type SegmentListSort } from './list-sort'
import type { SegmentRow } from './segment-rows'

export type { SegmentListSort } from './list-sort'

/** A filter keeping the rows with one value. Its URL parameter is also its field and the key of its label's words. */
export interface ChoiceFilter<P extends string = ChoiceParam, V extends string = string> {
  param: P
  /** In the order the select lists them. */
  values: readonly V[]
  /** The blank option's word, "Any" unless said. */
  blank?: 'all'
  option(value: V, t: SegmentsT): string
  /** An option listed but not offered until a setting is made (a finding that needs the naming pattern). */
  waiting?(value: V, settings: FindingSettingsValue): boolean
  keeps(row: SegmentRow, value: V): boolean
  /** Shown, and written to the URL, before the multi-value filters (Tags, Teams); the others come after them. */
  beforeFacets?: true
}

const choice = <P extends string, V extends string>(filter: ChoiceFilter<P, V>) => filter

const DECLARED = [
  choice({
    param: 'provider',
    values: PROVIDER_IDS,
    blank: 'all',
    option: (provider) => providerLabel[provider],
    keeps: (row, provider) => row.provider === provider,
    beforeFacets: true,
  }),
  choice({
    param: 'tracking',
    values: ['on', 'off'],
    option: (tracking, t) => t(`toolbar.${tracking}`),
    keeps: (row, tracking) => row.analyticsTracking === (tracking === 'on'),
  }),
  choice({
    param: 'verdict',
    values: VERDICTS,
    option: (verdict, t) => t(`common:verdict.${verdict}`),
    keeps: (row, verdict) => row.verdict === verdict,
  }),
  choice({
    param: 'finding',
    // Staleness has its own date filter instead.
    values: FINDING_IDS.filter((id): id is Exclude<FindingId, 'stale'> => id !== 'stale'),
    option: (finding, t) => t(`common:finding.${finding}.label`),
    waiting: (finding, { namingPattern }) => finding === 'naming' && namingPattern === '',
    keeps: (row, finding) => row.findings.includes(finding),
  }),
] as const

type ChoiceParam = (typeof DECLARED)[number]['param']
type Choices = { [F in (typeof DECLARED)[number] as F['param']]: F['values'][number] | null }

/** Provider, Tracking, Verdict, Finding, seen alike (values as plain text) by code that goes through each in turn. */
export const CHOICE_FILTERS: readonly ChoiceFilter[] = DECLARED

/** One of the filter's values, or null for anything else (a value from an old link, a typo, the blank option). */
export const readChoice = (filter: ChoiceFilter, raw: string | null): string | null =>
  filter.values.find((value) => value === raw) ?? null

export interface SegmentListFilters extends Choices {
  query: string
  /** The values picked in each multi-value filter (Tags, Teams), by column; a row must carry all of them. */
  facets: Readonly<Partial<Record<ColumnId, readonly string[]>>>
  /** Last updated strictly before this local day (YYYY-MM-DD). */
  updatedBefore: string | null
}

export interface SegmentListState {
  filters: SegmentListFilters
  sort: SegmentListSort
}

export function parseListState(params: URLSearchParams): SegmentListState {
  const updatedBefore = parseDateParam(params.get('updatedBefore'))
  const facets: Partial<Record<ColumnId, readonly string[]>> = {}
  for (const { id, param } of FACETS) {
    const values = [...new Set(params.getAll(param).filter((value) => value !== ''))]
    if (values.length > 0) facets[id] = values
  }
  // Each value comes from its own filter's values (readChoice): the cast says what TypeScript cannot follow in a loop.
  const choices = Object.fromEntries(
    CHOICE_FILTERS.map((filter) => [filter.param, readChoice(filter, params.get(filter.param))]),
  ) as Choices
  return {
    filters: {
      query: params.get('q') ?? '',
      ...choices,
      facets,
      updatedBefore: updatedBefore ? toDateParam(updatedBefore) : null,
    },
    sort: parseSort(params.get('sort')),
  }
}

export const EMPTY_FILTERS: SegmentListFilters = parseListState(new URLSearchParams()).filters

/** Only what differs from the defaults goes into the URL, in the toolbar's order. */
export function listStateToParams(state: SegmentListState): URLSearchParams {
  const params = new URLSearchParams()
  const { filters, sort } = state
  const writeChoice = ({ param }: ChoiceFilter) => {
    const value = filters[param]
    if (value !== null) params.set(param, value)
  }
  if (filters.query !== '') params.set('q', filters.query)
  CHOICE_FILTERS.filter((filter) => filter.beforeFacets).forEach(writeChoice)
  for (const { id, param } of FACETS) for (const value of filters.facets[id] ?? []) params.append(param, value)
  CHOICE_FILTERS.filter((filter) => !filter.beforeFacets).forEach(writeChoice)
  if (filters.updatedBefore) params.set('updatedBefore', filters.updatedBefore)
  if (sort.column !== DEFAULT_SORT.column || sort.desc !== DEFAULT_SORT.desc) {
    params.set('sort', `${sort.desc ? '-' : ''}${sort.column}`)
  }
  return params
}

/** A filter is active when it shows in the URL; a blank search does not count. */
export function hasActiveFilters(filters: SegmentListFilters): boolean {
  return (
    listStateToParams({ filters: { ...filters, query: filters.query.trim() }, sort: DEFAULT_SORT }).toString() !== ''
  )
}
