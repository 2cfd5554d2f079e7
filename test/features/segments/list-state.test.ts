// The list's URL state: what is read from the address, what is written back, and what is dropped as noise.
import { describe, expect, it } from 'vitest'
import {
  EMPTY_FILTERS,
  hasActiveFilters,
  listStateToParams,
  parseListState,
  type SegmentListFilters,
  type SegmentListState,
} from '../../../src/features/segments/list-state'
import { DEFAULT_SORT } from '../../../src/features/segments/list-sort'
import { isValueColumn, segmentColumns } from '../../../src/features/segments/columns'

const state = (filters: Partial<SegmentListFilters> = {}, sort = DEFAULT_SORT): SegmentListState => ({
  filters: { ...EMPTY_FILTERS, ...filters },
  sort,
})

describe('parseListState', () => {
  it.each([
    { url: '', expected: state() },
    { url: 'q=fid%C3%A8le', expected: state({ query: 'fidèle' }) },
    { url: 'q=clients+fid', expected: state({ query: 'clients fid' }) },
    { url: 'provider=braze', expected: state({ provider: 'braze' }) },
    { url: 'provider=commanders-act', expected: state({ provider: 'commanders-act' }) },
    { url: 'tag=vip', expected: state({ facets: { tags: ['vip'] } }) },
    { url: 'tag=vip&tag=%C3%A9t%C3%A9', expected: state({ facets: { tags: ['vip', 'été'] } }) },
    { url: 'team=Growth', expected: state({ facets: { teams: ['Growth'] } }) },
    {
      url: 'team=Growth&team=CRM%20%C3%A9quipe&tag=vip',
      expected: state({ facets: { tags: ['vip'], teams: ['Growth', 'CRM équipe'] } }),
    },
    { url: 'sort=-size', expected: state({}, { column: 'size', desc: true }) },
    { url: 'sort=teams', expected: state({}, { column: 'teams', desc: false }) },
    { url: 'tracking=on', expected: state({ tracking: 'on' }) },
    { url: 'tracking=off', expected: state({ tracking: 'off' }) },
    { url: 'finding=no-tags', expected: state({ finding: 'no-tags' }) },
    { url: 'finding=cross-provider', expected: state({ finding: 'cross-provider' }) },
    { url: 'finding=size-zero', expected: state({ finding: 'size-zero' }) },
    { url: 'updatedBefore=2025-11-23', expected: state({ updatedBefore: '2025-11-23' }) },
    { url: 'updatedBefore=2024-02-29', expected: state({ updatedBefore: '2024-02-29' }) },
    { url: 'verdict=keep', expected: state({ verdict: 'keep' }) },
    { url: 'verdict=fix', expected: state({ verdict: 'fix' }) },
    { url: 'verdict=archive', expected: state({ verdict: 'archive' }) },
    { url: 'verdict=unreviewed', expected: state({ verdict: 'unreviewed' }) },
    { url: 'sort=verdict', expected: state({}, { column: 'verdict', desc: false }) },
    { url: 'sort=-verdict', expected: state({}, { column: 'verdict', desc: true }) },
    { url: 'sort=updated', expected: state({}, { column: 'updated', desc: false }) },
    { url: 'sort=-created', expected: state({}, { column: 'created', desc: true }) },
    { url: 'sort=-name', expected: state({}, { column: 'name', desc: true }) },
    {
      url: 'q=vip&provider=braze&tag=a&tag=b&tracking=off&finding=no-tags&sort=-tags',
      expected: state(
        { query: 'vip', provider: 'braze', facets: { tags: ['a', 'b'] }, tracking: 'off', finding: 'no-tags' },
        { column: 'tags', desc: true },
      ),
    },
    {
      url: 'verdict=fix&provider=commanders-act&sort=-verdict',
      expected: state({ verdict: 'fix', provider: 'commanders-act' }, { column: 'verdict', desc: true }),
    },
  ])('reads "$url"', ({ url, expected }) => {
    expect(parseListState(new URLSearchParams(url))).toEqual(expected)
  })

  it.each([
    { what: 'an unknown provider', url: 'provider=foo' },
    { what: 'a provider in the wrong case', url: 'provider=Braze' },
    { what: 'an empty provider', url: 'provider=' },
    { what: 'an unknown sort column', url: 'sort=bogus' },
    { what: 'an unknown descending sort column', url: 'sort=-bogus' },
    { what: 'a bare minus as sort', url: 'sort=-' },
    { what: 'a double minus sort', url: 'sort=--name' },
    { what: 'an empty sort', url: 'sort=' },
    { what: 'an unknown tracking value', url: 'tracking=maybe' },
    { what: 'tracking in the wrong case', url: 'tracking=ON' },
    { what: 'an empty tag', url: 'tag=' },
    { what: 'an unknown finding', url: 'finding=ugly' },
    { what: 'staleness as a finding (it is a date filter)', url: 'finding=stale' },
    { what: 'a finding in capitals', url: 'finding=NO-TAGS' },
    { what: 'a date that does not exist', url: 'updatedBefore=2025-02-30' },
    { what: 'a date in another format', url: 'updatedBefore=23/11/2025' },
    { what: 'a date with a time', url: 'updatedBefore=2025-11-23T10:00' },
    { what: 'an empty date', url: 'updatedBefore=' },
    { what: 'an unrelated parameter', url: 'page=3&utm_source=mail' },
    { what: 'an unknown verdict', url: 'verdict=delete' },
    { what: 'a verdict label instead of its value', url: 'verdict=Keep' },
    { what: 'a verdict in capitals', url: 'verdict=FIX' },
    { what: 'an empty verdict', url: 'verdict=' },
    { what: 'a verdict key number', url: 'verdict=1' },
  ])('ignores $what ("$url")', ({ url }) => {
    expect(parseListState(new URLSearchParams(url))).toEqual(state())
  })

  it('keeps the valid parts when other parts are invalid', () => {
    expect(
      parseListState(new URLSearchParams('provider=foo&tag=&tag=vip&tracking=maybe&sort=bogus&q=x&verdict=maybe')),
    ).toEqual(state({ query: 'x', facets: { tags: ['vip'] } }))
  })

  it('reads the first of repeated verdicts', () => {
    expect(parseListState(new URLSearchParams('verdict=archive&verdict=keep')).filters.verdict).toBe('archive')
  })

  it('deduplicates repeated tags, keeping their first order', () => {
    expect(parseListState(new URLSearchParams('tag=b&tag=a&tag=b&tag=a&tag=c')).filters.facets.tags).toEqual([
      'b',
      'a',
      'c',
    ])
  })
})

describe('listStateToParams', () => {
  it('writes nothing for the default state', () => {
    expect(listStateToParams(state()).toString()).toBe('')
  })

  it.each(['keep', 'fix', 'archive', 'unreviewed'] as const)('writes the verdict filter %s', (verdict) => {
    expect(listStateToParams(state({ verdict })).toString()).toBe(`verdict=${verdict}`)
  })

  it.each([
    { what: 'default sort', sort: { column: 'name', desc: false } as const, expected: '' },
    { what: 'name descending', sort: { column: 'name', desc: true } as const, expected: 'sort=-name' },
    { what: 'another column ascending', sort: { column: 'updated', desc: false } as const, expected: 'sort=updated' },
    {
      what: 'another column descending',
      sort: { column: 'provider', desc: true } as const,
      expected: 'sort=-provider',
    },
  ])('writes the sort only when it differs from the default: $what', ({ sort, expected }) => {
    expect(listStateToParams(state({}, sort)).toString()).toBe(expected)
  })

  it('writes each non-default filter, tags repeated, in a stable order', () => {
    const params = listStateToParams(
      state(
        {
          query: 'clients fid',
          provider: 'commanders-act',
          facets: { teams: ['CRM'], tags: ['vip', 'été'] },
          tracking: 'on',
          verdict: 'unreviewed',
          finding: 'duplicate-name',
          updatedBefore: '2025-06-01',
        },
        { column: 'created', desc: true },
      ),
    )
    expect([...params]).toEqual([
      ['q', 'clients fid'],
      ['provider', 'commanders-act'],
      ['tag', 'vip'],
      ['tag', 'été'],
      ['team', 'CRM'],
      ['tracking', 'on'],
      ['verdict', 'unreviewed'],
      ['finding', 'duplicate-name'],
      ['updatedBefore', '2025-06-01'],
      ['sort', '-created'],
    ])
  })
})

describe('URL round trip', () => {
  it.each([
    { what: 'defaults', value: state() },
    { what: 'query with spaces and accents', value: state({ query: ' Clients  fidèles & co ' }) },
    { what: 'provider', value: state({ provider: 'braze' }) },
    { what: 'several tags', value: state({ facets: { tags: ['a b', 'été', 'x&y=z'] } }) },
    { what: 'tracking off', value: state({ tracking: 'off' }) },
    { what: 'a finding', value: state({ finding: 'leftover' }) },
    { what: 'not updated since', value: state({ updatedBefore: '2026-01-31' }) },
    { what: 'verdict keep', value: state({ verdict: 'keep' }) },
    { what: 'verdict fix', value: state({ verdict: 'fix' }) },
    { what: 'verdict archive', value: state({ verdict: 'archive' }) },
    { what: 'verdict unreviewed', value: state({ verdict: 'unreviewed' }) },
    { what: 'every sort column, descending', value: state({}, { column: 'description', desc: true }) },
    {
      what: 'everything at once',
      value: state(
        {
          query: 'vip',
          provider: 'commanders-act',
          facets: { tags: ['t1', 't2'], teams: ['Growth'] },
          tracking: 'on',
          verdict: 'archive',
          finding: 'naming',
          updatedBefore: '2025-01-01',
        },
        { column: 'verdict', desc: true },
      ),
    },
  ])('state → URL → state keeps $what', ({ value }) => {
    const url = listStateToParams(value).toString()
    expect(parseListState(new URLSearchParams(url))).toEqual(value)
  })

  it('never sorts by the selection’s checkboxes: the default order instead', () => {
    expect(parseListState(new URLSearchParams('sort=select')).sort).toEqual(parseListState(new URLSearchParams()).sort)
  })

  it.each(segmentColumns.map((column) => column.id).filter(isValueColumn))(
    'sort by %s survives both directions',
    (column) => {
      for (const desc of [false, true]) {
        const value = state({}, { column, desc })
        expect(parseListState(listStateToParams(value))).toEqual(value)
      }
    },
  )

  it('URL → state → URL drops noise and duplicates', () => {
    const noisy = new URLSearchParams(
      'tag=a&tag=a&tag=&team=&provider=foo&sort=name&tracking=maybe&finding=stale&updatedBefore=nope&utm=x&q=&verdict=Keep',
    )
    expect(listStateToParams(parseListState(noisy)).toString()).toBe('tag=a')
  })
})

describe('hasActiveFilters', () => {
  it.each([
    { what: 'no filter', filters: {}, expected: false },
    { what: 'a blank query', filters: { query: '   ' }, expected: false },
    { what: 'a query', filters: { query: 'vip' }, expected: true },
    { what: 'a provider', filters: { provider: 'braze' as const }, expected: true },
    { what: 'a tag', filters: { facets: { tags: ['vip'] } }, expected: true },
    { what: 'a team', filters: { facets: { teams: ['Growth'] } }, expected: true },
    { what: 'a facet left empty', filters: { facets: { teams: [] } }, expected: false },
    { what: 'tracking on', filters: { tracking: 'on' as const }, expected: true },
    { what: 'tracking off', filters: { tracking: 'off' as const }, expected: true },
    { what: 'a finding', filters: { finding: 'no-tags' as const }, expected: true },
    { what: 'not updated since', filters: { updatedBefore: '2025-01-01' }, expected: true },
    { what: 'a verdict', filters: { verdict: 'fix' as const }, expected: true },
    { what: 'the verdict Unreviewed', filters: { verdict: 'unreviewed' as const }, expected: true },
  ])('$what → $expected', ({ filters, expected }) => {
    expect(hasActiveFilters({ ...EMPTY_FILTERS, ...filters })).toBe(expected)
  })

  it('ignores the sort: a sorted list without filters is not filtered', () => {
    expect(hasActiveFilters(parseListState(new URLSearchParams('sort=-updated')).filters)).toBe(false)
  })
})
