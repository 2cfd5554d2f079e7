// The table model: rows built from segments and cached details, sorted (unknowns last), filtered, counted and faceted.
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import {
  COLUMN_BY_ID,
  FACETS,
  isValueColumn,
  segmentColumns,
  type ColumnId,
} from '../../../src/features/segments/columns'
import { EMPTY_FILTERS, type SegmentListFilters } from '../../../src/features/segments/list-state'
import { buildSegmentRows, type SegmentRow } from '../../../src/features/segments/segment-rows'
import {
  countByProvider,
  facetCounts,
  filterRows,
  sortRowsFrom,
  type SortedRows,
} from '../../../src/features/segments/segment-view'
import { computeFindings, type FindingId } from '../../../src/findings/findings'
import type { BrazeSegmentDetails } from '../../../src/providers/braze/schemas'
import { segmentKey } from '../../../src/providers/provider-id'
import { NOT_PROVIDED, type Segment } from '../../../src/providers/segment'
import type { AuditEntry, Verdict } from '../../../src/stores/audit-contract'
import { auditEntriesByKey, auditEntry } from '../../stores/audit-entries'
import { formatSpreadsheetDateTime } from '../../../src/lib/format'
import { commandersAct } from '../../findings/segments'

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** A sort from scratch (nothing kept). */
const sortRows = (rows: readonly SegmentRow[], sort: SortedRows['sort'], by: Intl.Collator) =>
  sortRowsFrom(undefined, rows, sort, by).sorted

function braze(id: string, name: string, tags: Segment['tags'] = [], analyticsTracking = true): Segment {
  return { key: segmentKey('braze', id), provider: 'braze', id, name, tags, analyticsTracking }
}

function details(id: string, fields: Partial<BrazeSegmentDetails> = {}): BrazeSegmentDetails {
  return { id, tags: [], ...fields }
}

const detailsMap = (...entries: BrazeSegmentDetails[]) => new Map(entries.map((entry) => [entry.id, entry]))

/** Stored verdicts by row key, as the verdict store holds them. */
const verdictsMap = (byKey: Record<string, Verdict>): ReadonlyMap<string, AuditEntry> =>
  auditEntriesByKey(...Object.entries(byKey).map(([key, verdict]) => auditEntry(key, verdict)))
const names = (rows: readonly SegmentRow[]) => rows.map((row) => row.name)
const filters = (partial: Partial<SegmentListFilters> = {}): SegmentListFilters => ({ ...EMPTY_FILTERS, ...partial })
const COLUMN_IDS = segmentColumns.map((column) => column.id).filter(isValueColumn)

/** What a column says of a row, as the CSV export (and a reader) gets it. */
const en = i18next.getFixedT('en', ['segments', 'common'])
function cell(id: ColumnId, row: SegmentRow | undefined): string {
  const column = COLUMN_BY_ID.get(id)
  if (!column || !row) throw new Error(`no ${id} for ${String(row?.key)}`)
  return column.meta.csv(row, en, { staleMonths: 12 })
}
function facet(id: ColumnId) {
  const found = FACETS.find((entry) => entry.id === id)
  if (!found) throw new Error(`no facet ${id}`)
  return found
}

describe('buildSegmentRows', () => {
  it('keeps a row while its segment, details, verdict and findings stay the same, and rebuilds it when one changes', () => {
    const segments = [braze('b1', 'Clients'), braze('b2', 'Prospects')]
    const loaded = detailsMap(details('b1', { textDescription: 'x' }))
    const first = buildSegmentRows(segments, { details: loaded })
    const again = buildSegmentRows(segments, { details: loaded })
    expect(again[0]).toBe(first[0])
    expect(again[1]).toBe(first[1])
    const withVerdict = buildSegmentRows(segments, { details: loaded, verdicts: verdictsMap({ 'braze:b2': 'fix' }) })
    expect(withVerdict[0]).toBe(first[0])
    expect(withVerdict[1]).not.toBe(first[1])
    expect(withVerdict[1]?.verdict).toBe('fix')
    const newDetails = buildSegmentRows(segments, { details: detailsMap(details('b1', { textDescription: '' })) })
    expect(cell('description', newDetails[0])).toBe('Missing')
    const sizes = new Map([['b1', [{ time: '2025-06-01', size: 5 }]]])
    const withSizes = buildSegmentRows(segments, { details: loaded, sizes })
    expect(withSizes[1]).toBe(buildSegmentRows(segments, { details: loaded })[1])
    expect(cell('size', withSizes[0])).toBe('5')
  })

  it.each([
    { what: 'a text description', textDescription: 'Bought twice in 90 days', expected: true },
    { what: 'an empty text description', textDescription: '', expected: false },
    { what: 'a whitespace-only text description', textDescription: '  \n\t ', expected: false },
    { what: 'a null text description', textDescription: null, expected: false },
    { what: 'no text description key', textDescription: undefined, expected: false },
  ])('Braze details with $what → description present: $expected', ({ textDescription, expected }) => {
    const [row] = buildSegmentRows([braze('b1', 'Segment')], {
      details: detailsMap(details('b1', { textDescription })),
    })
    expect(cell('description', row)).toBe(expected ? 'Present' : 'Missing')
  })

  it('leaves description, dates and teams unknown for a Braze segment whose details are not loaded, and its size unscanned', () => {
    const [row] = buildSegmentRows([braze('b1', 'Segment')], {
      details: detailsMap(
        details('other', { textDescription: 'x', createdAt: '2024-01-01T00:00:00Z', teams: ['CRM'] }),
      ),
      sizes: new Map([['other', [{ time: '2025-06-01', size: 5 }]]]),
    })
    expect((['description', 'created', 'updated', 'teams', 'size'] as const).map((id) => cell(id, row))).toEqual([
      'not loaded',
      'not loaded',
      'not loaded',
      'not loaded',
      'not scanned',
    ])
  })

  it('takes the teams from the loaded details: none, several, or not provided by an older workspace', () => {
    const rows = buildSegmentRows([braze('b1', 'One'), braze('b2', 'Two'), braze('b3', 'Three')], {
      details: detailsMap(details('b1', { teams: [] }), details('b2', { teams: ['CRM', 'Growth'] }), details('b3')),
    })
    expect(rows.map((row) => cell('teams', row))).toEqual(['', 'CRM; Growth', 'not provided'])
  })

  it('takes the size of the latest day of the series, in whatever order the days came', () => {
    const series = [
      { time: '2025-06-02', size: 40 },
      { time: '2025-06-03', size: 0 },
      { time: '2025-06-01', size: 70 },
    ]
    const [row] = buildSegmentRows([braze('b1', 'One')], { sizes: new Map([['b1', series]]) })
    expect(cell('size', row)).toBe('0')
  })

  it('says Braze provides no size without analytics tracking, scanned or not, and "not scanned" for a tracked one', () => {
    const rows = buildSegmentRows(
      [braze('b1', 'One', [], false), braze('b2', 'Two', [], false), braze('b3', 'Three', [], true)],
      {
        sizes: new Map([['b1', []]]),
      },
    )
    expect(rows.map((row) => cell('size', row))).toEqual(['not provided', 'not provided', 'not scanned'])
  })

  it('takes the dates from the loaded details', () => {
    const loaded = details('b1', { createdAt: '2024-01-01T00:00:00Z', updatedAt: '2025-02-03T04:05:06.789+02:00' })
    const [row] = buildSegmentRows([braze('b1', 'Segment')], { details: detailsMap(loaded) })
    // As every exported date: one form a spreadsheet reads, whatever the precision Braze sent.
    expect([cell('created', row), cell('updated', row)]).toEqual([
      formatSpreadsheetDateTime('2024-01-01T00:00:00Z'),
      formatSpreadsheetDateTime('2025-02-03T04:05:06.789+02:00'),
    ])
  })

  it('marks what Commanders Act never supplies as not provided, even when a Braze detail has the same id', () => {
    const [row] = buildSegmentRows([commandersAct('42', 'Visiteurs')], {
      details: detailsMap(details('42', { textDescription: 'x', createdAt: '2024-01-01T00:00:00Z', teams: ['CRM'] })),
      sizes: new Map([['42', [{ time: '2025-06-01', size: 5 }]]]),
    })
    const never = ['tags', 'teams', 'tracking', 'created', 'updated', 'description', 'size'] as const
    expect(never.map((id) => cell(id, row))).toEqual(never.map(() => 'not provided'))
  })

  it('takes each row’s verdict from its own key, and Unreviewed when none is stored', () => {
    // Ids collide across providers: the verdict of braze:1 is not that of commanders-act:1.
    const rows = buildSegmentRows(
      [braze('1', 'One'), commandersAct('1', 'Un'), braze('2', 'Two'), commandersAct('2', 'Deux')],
      { verdicts: verdictsMap({ 'braze:1': 'archive', 'commanders-act:2': 'fix', 'braze:gone': 'keep' }) },
    )
    expect(rows.map((row) => [row.key, row.verdict])).toEqual([
      ['braze:1', 'archive'],
      ['commanders-act:1', 'unreviewed'],
      ['braze:2', 'unreviewed'],
      ['commanders-act:2', 'fix'],
    ])
  })

  it('marks every row Unreviewed when no verdicts are given', () => {
    expect(buildSegmentRows([braze('1', 'One'), commandersAct('7', 'Sept')]).map((row) => row.verdict)).toEqual([
      'unreviewed',
      'unreviewed',
    ])
  })

  it('keeps the segment fields and order', () => {
    const segments = [braze('b1', 'One', ['vip'], false), commandersAct('7', 'Two')]
    const rows = buildSegmentRows(segments)
    expect(
      rows.map(({ key, provider, id, name, tags, analyticsTracking }) => ({
        key,
        provider,
        id,
        name,
        tags,
        analyticsTracking,
      })),
    ).toEqual(segments)
  })
})

describe('sortRows', () => {
  it.each([false, true])('puts a row whose name did not read last, sorted by name (descending: %s)', (desc) => {
    const rows = buildSegmentRows([braze('b1', 'Beta'), braze('b2', ''), braze('b3', 'Alpha')])
    expect(names(sortRows(rows, { column: 'name', desc }, collator))).toEqual(
      desc ? ['Beta', 'Alpha', ''] : ['Alpha', 'Beta', ''],
    )
  })

  // One row per kind of value: distinct known values, details not loaded (Charlie), tags not sent by the list
  // but by the details (Delta: none), and Commanders Act rows (Able, Foxtrot) whose names would sort first and
  // last if unknowns were sorted by name.
  const rows = buildSegmentRows(
    [
      braze('b-3', 'Alpha', ['x', 'y'], true),
      braze('b-1', 'Bravo', [], false),
      braze('b-2', 'Charlie', ['x'], true),
      braze('b-4', 'Delta', NOT_PROVIDED, false),
      commandersAct('7', 'Able'),
      commandersAct('12', 'Foxtrot'),
    ],
    {
      details: detailsMap(
        details('b-3', {
          createdAt: '2024-01-01T00:00:00Z',
          updatedAt: '2025-09-01T00:00:00Z',
          textDescription: 'Described',
          teams: ['A', 'B'],
        }),
        details('b-1', {
          createdAt: '2023-06-01T00:00:00Z',
          updatedAt: '2025-01-01T00:00:00Z',
          textDescription: '  ',
          teams: [],
        }),
        details('b-4', { createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-06-01T00:00:00Z', textDescription: null }),
      ),
      // Charlie's size was scanned though its details were not loaded; Delta was never scanned.
      sizes: new Map([
        ['b-3', [{ time: '2025-06-01', size: 500 }]],
        ['b-1', [{ time: '2025-06-01', size: 20 }]],
        ['b-2', [{ time: '2025-06-01', size: 0 }]],
      ]),
      // Two Keeps (a tie), one each of Fix and Archive, a stored Unreviewed (Delta) and no entry at all (Foxtrot).
      verdicts: verdictsMap({
        'braze:b-3': 'fix',
        'braze:b-1': 'keep',
        'braze:b-2': 'archive',
        'braze:b-4': 'unreviewed',
        'commanders-act:7': 'keep',
      }),
      // Three findings, two, one, and none at all (Charlie, Delta, Foxtrot).
      findings: new Map<string, readonly FindingId[]>([
        ['commanders-act:7', ['leftover', 'duplicate-name', 'cross-provider']],
        ['braze:b-3', ['no-tags', 'stale']],
        ['braze:b-1', ['leftover']],
      ]),
    },
  )

  const cases: { column: ColumnId; asc: string[]; desc: string[] }[] = [
    {
      column: 'name',
      asc: ['Able', 'Alpha', 'Bravo', 'Charlie', 'Delta', 'Foxtrot'],
      desc: ['Foxtrot', 'Delta', 'Charlie', 'Bravo', 'Alpha', 'Able'],
    },
    {
      // Numeric collation: "7" < "12" < "b-1".
      column: 'id',
      asc: ['Able', 'Foxtrot', 'Bravo', 'Charlie', 'Alpha', 'Delta'],
      desc: ['Delta', 'Alpha', 'Charlie', 'Bravo', 'Foxtrot', 'Able'],
    },
    {
      // Ties within a provider keep name order in both directions.
      column: 'provider',
      asc: ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Able', 'Foxtrot'],
      desc: ['Able', 'Foxtrot', 'Alpha', 'Bravo', 'Charlie', 'Delta'],
    },
    {
      // By tag count, the details' for Delta; "not provided" last either way.
      column: 'tags',
      asc: ['Bravo', 'Delta', 'Charlie', 'Alpha', 'Able', 'Foxtrot'],
      desc: ['Alpha', 'Charlie', 'Bravo', 'Delta', 'Able', 'Foxtrot'],
    },
    {
      // By team count; not loaded (Charlie) and not provided (Delta's workspace, Commanders Act) last either way.
      column: 'teams',
      asc: ['Bravo', 'Alpha', 'Able', 'Charlie', 'Delta', 'Foxtrot'],
      desc: ['Alpha', 'Bravo', 'Able', 'Charlie', 'Delta', 'Foxtrot'],
    },
    {
      // Latest size; not scanned (Delta) and not provided (Commanders Act) last either way.
      column: 'size',
      asc: ['Charlie', 'Bravo', 'Alpha', 'Able', 'Delta', 'Foxtrot'],
      desc: ['Alpha', 'Bravo', 'Charlie', 'Able', 'Delta', 'Foxtrot'],
    },
    {
      column: 'tracking',
      asc: ['Bravo', 'Delta', 'Alpha', 'Charlie', 'Able', 'Foxtrot'],
      desc: ['Alpha', 'Charlie', 'Bravo', 'Delta', 'Able', 'Foxtrot'],
    },
    {
      // Not loaded (Charlie) and not provided (Able, Foxtrot) last either way.
      column: 'created',
      asc: ['Bravo', 'Alpha', 'Delta', 'Able', 'Charlie', 'Foxtrot'],
      desc: ['Delta', 'Alpha', 'Bravo', 'Able', 'Charlie', 'Foxtrot'],
    },
    {
      column: 'updated',
      asc: ['Bravo', 'Delta', 'Alpha', 'Able', 'Charlie', 'Foxtrot'],
      desc: ['Alpha', 'Delta', 'Bravo', 'Able', 'Charlie', 'Foxtrot'],
    },
    {
      // Missing before present ascending; unknown last either way.
      column: 'description',
      asc: ['Bravo', 'Delta', 'Alpha', 'Able', 'Charlie', 'Foxtrot'],
      desc: ['Alpha', 'Bravo', 'Delta', 'Able', 'Charlie', 'Foxtrot'],
    },
    {
      // Keep, Fix, Archive; ties (Able, Bravo) by name; Unreviewed, stored or not, last either way.
      column: 'verdict',
      asc: ['Able', 'Bravo', 'Alpha', 'Charlie', 'Delta', 'Foxtrot'],
      desc: ['Charlie', 'Alpha', 'Able', 'Bravo', 'Delta', 'Foxtrot'],
    },
    {
      // By how many findings; none last either way.
      column: 'findings',
      asc: ['Bravo', 'Alpha', 'Able', 'Charlie', 'Delta', 'Foxtrot'],
      desc: ['Able', 'Alpha', 'Bravo', 'Charlie', 'Delta', 'Foxtrot'],
    },
  ]

  it('covers every sortable column', () => {
    expect(cases.map((entry) => entry.column).sort()).toEqual([...COLUMN_IDS].sort())
  })

  it.each(cases)('by $column ascending', ({ column, asc }) => {
    expect(names(sortRows(rows, { column, desc: false }, collator))).toEqual(asc)
  })

  it.each(cases)('by $column descending', ({ column, desc }) => {
    expect(names(sortRows(rows, { column, desc: true }, collator))).toEqual(desc)
  })

  it.each(cases)(
    'by $column gives the same order whatever the input order, and leaves the input alone',
    ({ column, asc, desc }) => {
      const reversed = [...rows].reverse()
      const rotated = [...rows.slice(3), ...rows.slice(0, 3)]
      for (const input of [reversed, rotated]) {
        const before = [...input]
        expect(names(sortRows(input, { column, desc: false }, collator))).toEqual(asc)
        expect(names(sortRows(input, { column, desc: true }, collator))).toEqual(desc)
        expect(input).toEqual(before)
      }
    },
  )

  it('compares dates as instants, not as text', () => {
    const withOffsets = buildSegmentRows(
      [braze('a', 'Paris ten o’clock'), braze('b', 'UTC nine o’clock'), braze('c', 'Unparseable')],
      {
        details: detailsMap(
          // 10:00+02:00 is 08:00Z: earlier than 09:00Z although it reads later.
          details('a', { createdAt: '2025-01-01T10:00:00+02:00' }),
          details('b', { createdAt: '2025-01-01T09:00:00Z' }),
          details('c', { createdAt: 'not a date' }),
        ),
      },
    )
    expect(names(sortRows(withOffsets, { column: 'created', desc: false }, collator))).toEqual([
      'Paris ten o’clock',
      'UTC nine o’clock',
      'Unparseable',
    ])
    expect(names(sortRows(withOffsets, { column: 'created', desc: true }, collator))).toEqual([
      'UTC nine o’clock',
      'Paris ten o’clock',
      'Unparseable',
    ])
  })

  it.each([false, true])(
    'puts an unreadable date after the readable ones, apart from the dates not provided or not loaded (desc: %s)',
    (desc) => {
      const dated = buildSegmentRows(
        [
          braze('b-old', 'Older'),
          braze('b-new', 'Newer'),
          braze('b-odd', 'Zulu unreadable'),
          braze('b-none', 'Mike no date sent'),
          braze('b-later', 'Kilo not loaded'),
          commandersAct('7', 'Able'),
        ],
        {
          details: detailsMap(
            details('b-old', { updatedAt: '2024-01-01T00:00:00Z' }),
            details('b-new', { updatedAt: '2025-01-01T00:00:00Z' }),
            // As the schema reads a date Braze sent that is not one (brazeDetailsDate: UNREADABLE_DATE).
            details('b-odd', { malformed: ['updated_at'] }),
            details('b-none'),
          ),
        },
      )
      const sorted = sortRows(dated, { column: 'updated', desc }, collator)
      expect(names(sorted)).toEqual([
        ...(desc ? ['Newer', 'Older'] : ['Older', 'Newer']),
        'Zulu unreadable',
        'Able',
        'Kilo not loaded',
        'Mike no date sent',
      ])
      // The cells (and the CSV) say each group as it sorts.
      expect(sorted.slice(2).map((row) => cell('updated', row))).toEqual([
        'unreadable date',
        'not provided',
        'not loaded',
        'not provided',
      ])
    },
  )

  it.each([
    { desc: false, expected: ['eau', 'Élan', 'segment 1', 'Segment 2', 'Segment 10', 'Zèbre'] },
    { desc: true, expected: ['Zèbre', 'Segment 10', 'Segment 2', 'segment 1', 'Élan', 'eau'] },
  ])('sorts names with the collator: accents, case and numbers (desc: $desc)', ({ desc, expected }) => {
    const segments = ['Zèbre', 'Segment 10', 'Élan', 'Segment 2', 'eau', 'segment 1'].map((name, index) =>
      braze(`id-${index}`, name),
    )
    expect(names(sortRows(buildSegmentRows(segments), { column: 'name', desc }, collator))).toEqual(expected)
  })

  it.each([false, true])('breaks equal values by name, then by key, in both directions (desc: %s)', (desc) => {
    const tied = buildSegmentRows([
      commandersAct('a', 'Same'),
      braze('b', 'Same', [], true),
      braze('z', 'Earlier', [], true),
      braze('a', 'same', [], true),
    ])
    const sorted = sortRows(tied, { column: 'tracking', desc }, collator)
    // Tracking is on for every Braze row: the tie falls to the name ("Same" = "same" for the collator), then the key.
    expect(sorted.map((row) => row.key)).toEqual(['braze:z', 'braze:a', 'braze:b', 'commanders-act:a'])
  })

  it('breaks equal names by key when sorting by name', () => {
    const tied = buildSegmentRows([commandersAct('1', 'Same'), braze('2', 'Same'), braze('1', 'Same')])
    for (const desc of [false, true]) {
      expect(sortRows(tied, { column: 'name', desc }, collator).map((row) => row.key)).toEqual([
        'braze:1',
        'braze:2',
        'commanders-act:1',
      ])
    }
  })
})

describe('sortRowsFrom (a kept sort reused)', () => {
  /** A small seeded generator: the same "random" lists on every run. */
  function seeded(seed: number) {
    let state = seed
    return () => {
      state = (state * 1664525 + 1013904223) % 2 ** 32
      return state / 2 ** 32
    }
  }
  const words = ['Clients', 'clients', 'Élan', 'Segment 2', 'Segment 10', 'VIP', 'vip', 'Zèbre', 'Abandon', 'Test']

  function randomSegments(random: () => number, count: number, prefix: string): Segment[] {
    return Array.from({ length: count }, (_, index) => {
      const name = `${words[Math.floor(random() * words.length)]}${random() < 0.5 ? '' : ` ${Math.floor(random() * 20)}`}`
      return random() < 0.2
        ? commandersAct(`${prefix}${index}`, name)
        : braze(`${prefix}${index}`, name, random() < 0.5 ? [] : ['x'], random() < 0.7)
    })
  }

  it.each(COLUMN_IDS.flatMap((column) => [false, true].map((desc) => ({ column, desc }))))(
    'gives the same order as a full sort as a list grows, shrinks and changes (by $column, desc: $desc)',
    ({ column, desc }) => {
      const random = seeded(column.length * 31 + (desc ? 7 : 3))
      const sort = { column, desc }
      const segments = randomSegments(random, 60, 'a')
      const verdictsByKey: Record<string, Verdict> = {}
      let rows = buildSegmentRows(segments)
      let kept = sortRowsFrom(undefined, rows, sort, collator)
      expect(kept.sorted).toEqual(sortRows(rows, sort, collator))
      for (let step = 0; step < 8; step++) {
        // Pages appended, some segments gone, some re-reviewed (new row objects), some details arrived.
        segments.push(...randomSegments(random, 25, `s${step}-`))
        segments.splice(Math.floor(random() * segments.length), 3)
        for (const segment of segments.slice(0, 10))
          if (random() < 0.5) verdictsByKey[segment.key] = random() < 0.5 ? 'keep' : 'archive'
        const loaded = detailsMap(
          ...segments
            .filter(() => random() < 0.3)
            .map((segment) =>
              details(segment.id, {
                createdAt: `2025-0${1 + Math.floor(random() * 9)}-01T00:00:00Z`,
                textDescription: random() < 0.5 ? 'x' : '',
              }),
            ),
        )
        rows = buildSegmentRows(segments, { details: loaded, verdicts: verdictsMap(verdictsByKey) })
        kept = sortRowsFrom(kept, rows, sort, collator)
        expect(names(kept.sorted)).toEqual(names(sortRows(rows, sort, collator)))
        expect(kept.sorted).toEqual(sortRows(rows, sort, collator))
      }
    },
  )

  it('returns the kept result itself when neither the rows nor the order changed', () => {
    const rows = buildSegmentRows([braze('1', 'B'), braze('2', 'A')])
    const first = sortRowsFrom(undefined, rows, { column: 'name', desc: false }, collator)
    expect(sortRowsFrom(first, rows, { column: 'name', desc: false }, collator)).toBe(first)
    expect(names(sortRowsFrom(first, rows, { column: 'name', desc: true }, collator).sorted)).toEqual(['B', 'A'])
  })

  it('does not take a kept order from another collator', () => {
    const rows = buildSegmentRows([braze('1', 'Zèbre'), braze('2', 'zebra'), braze('3', 'Ärger')])
    const swedish = new Intl.Collator('sv', { sensitivity: 'base', numeric: true })
    const kept = sortRowsFrom(undefined, rows, { column: 'name', desc: false }, swedish)
    const more = [...rows, ...buildSegmentRows([braze('4', 'Apple')])]
    expect(names(sortRowsFrom(kept, more, { column: 'name', desc: false }, collator).sorted)).toEqual([
      'Apple',
      'Ärger',
      'zebra',
      'Zèbre',
    ])
  })
})

describe('filterRows', () => {
  const segments = [
    braze('b-fid', 'Clients fidèles', ['vip', 'loyalty'], true),
    braze('b-pro', 'Prospects été', ['Saison'], false),
    braze('b-none', 'Sans tags', [], true),
    braze('b-old', 'Old workspace', NOT_PROVIDED, false),
    commandersAct('42', 'Visiteurs fidèles'),
    commandersAct('43', 'Panier abandonné'),
  ]
  // Local times: the "Not updated since" day starts at local midnight, whatever the machine's time zone.
  const loaded = detailsMap(
    details('b-fid', {
      updatedAt: new Date(2025, 5, 1, 0, 0, 0).toISOString(),
      textDescription: 'Fidèles',
      teams: ['CRM'],
    }),
    details('b-pro', { updatedAt: new Date(2025, 4, 31, 23, 59, 59).toISOString(), teams: ['CRM', 'Growth'] }),
    details('b-none', { updatedAt: 'not a date' }),
  )
  const found = computeFindings(
    { segments, details: loaded, sizes: new Map() },
    { staleMonths: 12, namingPattern: null },
    new Date(2026, 0, 1),
  )
  const rows = buildSegmentRows(segments, {
    details: loaded,
    // braze:43 is no listed segment: its Archive must not reach Commanders Act's 43.
    verdicts: verdictsMap({
      'braze:b-fid': 'keep',
      'braze:b-pro': 'fix',
      'commanders-act:42': 'fix',
      'braze:b-none': 'unreviewed',
      'braze:43': 'archive',
    }),
    findings: found.bySegment,
  })
  const all = names(rows)

  it.each([
    { what: 'no filter', given: {}, expected: all },
    { what: 'a blank query', given: { query: '   ' }, expected: all },
    {
      what: 'query without accent finds accented names',
      given: { query: 'fidele' },
      expected: ['Clients fidèles', 'Visiteurs fidèles'],
    },
    {
      what: 'query in capitals with accents',
      given: { query: 'FIDÈLES' },
      expected: ['Clients fidèles', 'Visiteurs fidèles'],
    },
    { what: 'partial last word', given: { query: 'clients fid' }, expected: ['Clients fidèles'] },
    { what: 'words in any order', given: { query: 'fid clients' }, expected: ['Clients fidèles'] },
    { what: 'every word must match', given: { query: 'clients prospects' }, expected: [] },
    { what: 'query matches a tag', given: { query: 'VIP' }, expected: ['Clients fidèles'] },
    { what: 'query matches a tag ignoring case', given: { query: 'saison' }, expected: ['Prospects été'] },
    { what: 'query matches a Braze id', given: { query: 'b-pro' }, expected: ['Prospects été'] },
    { what: 'query matches a Commanders Act id', given: { query: '42' }, expected: ['Visiteurs fidèles'] },
    { what: 'query matches name and tag together', given: { query: 'loyalty clients' }, expected: ['Clients fidèles'] },
    { what: 'accent-insensitive both ways', given: { query: 'ETE' }, expected: ['Prospects été'] },
    { what: 'query with no match', given: { query: 'nothing' }, expected: [] },
    {
      what: 'provider Braze',
      given: { provider: 'braze' as const },
      expected: ['Clients fidèles', 'Prospects été', 'Sans tags', 'Old workspace'],
    },
    {
      what: 'provider Commanders Act',
      given: { provider: 'commanders-act' as const },
      expected: ['Visiteurs fidèles', 'Panier abandonné'],
    },
    { what: 'one tag', given: { facets: { tags: ['vip'] } }, expected: ['Clients fidèles'] },
    {
      what: 'two tags on the same segment',
      given: { facets: { tags: ['vip', 'loyalty'] } },
      expected: ['Clients fidèles'],
    },
    { what: 'two tags never together', given: { facets: { tags: ['vip', 'Saison'] } }, expected: [] },
    { what: 'a tag nobody has', given: { facets: { tags: ['unused'] } }, expected: [] },
    { what: 'one team', given: { facets: { teams: ['Growth'] } }, expected: ['Prospects été'] },
    {
      what: 'a team on two segments',
      given: { facets: { teams: ['CRM'] } },
      expected: ['Clients fidèles', 'Prospects été'],
    },
    { what: 'a team and a tag', given: { facets: { teams: ['CRM'], tags: ['vip'] } }, expected: ['Clients fidèles'] },
    {
      what: 'tracking on (Commanders Act excluded)',
      given: { tracking: 'on' as const },
      expected: ['Clients fidèles', 'Sans tags'],
    },
    {
      what: 'tracking off (Commanders Act excluded)',
      given: { tracking: 'off' as const },
      expected: ['Prospects été', 'Old workspace'],
    },
    {
      what: 'finding no tags (not provided excluded)',
      given: { finding: 'no-tags' as const },
      expected: ['Sans tags'],
    },
    {
      what: 'finding no description (only loaded details count)',
      given: { finding: 'no-description' as const },
      expected: ['Prospects été', 'Sans tags'],
    },
    {
      what: 'finding tracking off',
      given: { finding: 'tracking-off' as const },
      expected: ['Prospects été', 'Old workspace'],
    },
    { what: 'finding test or temporary, none here', given: { finding: 'leftover' as const }, expected: [] },
    { what: 'finding in both providers', given: { finding: 'cross-provider' as const }, expected: [] },
    {
      what: 'not updated since: strictly before local midnight',
      given: { updatedBefore: '2025-06-01' },
      expected: ['Prospects été'],
    },
    {
      what: 'not updated since a later day',
      given: { updatedBefore: '2025-06-02' },
      expected: ['Clients fidèles', 'Prospects été'],
    },
    {
      what: 'not updated since: unknown dates never match',
      given: { updatedBefore: '2030-01-01' },
      expected: ['Clients fidèles', 'Prospects été'],
    },
    {
      what: 'not updated since, and a finding',
      given: { updatedBefore: '2030-01-01', finding: 'no-description' as const },
      expected: ['Prospects été'],
    },
    {
      what: 'provider and query',
      given: { provider: 'commanders-act' as const, query: 'fidele' },
      expected: ['Visiteurs fidèles'],
    },
    { what: 'query and tracking', given: { query: 'fidele', tracking: 'on' as const }, expected: ['Clients fidèles'] },
    { what: 'query and tracking off', given: { query: 'old', tracking: 'off' as const }, expected: ['Old workspace'] },
    {
      what: 'provider and no tags',
      given: { provider: 'braze' as const, finding: 'no-tags' as const },
      expected: ['Sans tags'],
    },
    { what: 'no tags and a tag', given: { finding: 'no-tags' as const, facets: { tags: ['vip'] } }, expected: [] },
    { what: 'tag and tracking off', given: { facets: { tags: ['vip'] }, tracking: 'off' as const }, expected: [] },
    {
      what: 'Commanders Act and tracking on',
      given: { provider: 'commanders-act' as const, tracking: 'on' as const },
      expected: [],
    },
    { what: 'verdict Keep', given: { verdict: 'keep' as const }, expected: ['Clients fidèles'] },
    {
      what: 'verdict Fix, both providers',
      given: { verdict: 'fix' as const },
      expected: ['Prospects été', 'Visiteurs fidèles'],
    },
    { what: 'verdict Archive on no listed segment', given: { verdict: 'archive' as const }, expected: [] },
    {
      what: 'verdict Unreviewed: stored as such or never reviewed',
      given: { verdict: 'unreviewed' as const },
      expected: ['Sans tags', 'Old workspace', 'Panier abandonné'],
    },
    {
      what: 'verdict and provider',
      given: { verdict: 'fix' as const, provider: 'commanders-act' as const },
      expected: ['Visiteurs fidèles'],
    },
    { what: 'verdict and query', given: { verdict: 'fix' as const, query: 'ete' }, expected: ['Prospects été'] },
    {
      what: 'verdict and tracking',
      given: { verdict: 'unreviewed' as const, tracking: 'off' as const },
      expected: ['Old workspace'],
    },
    {
      what: 'verdict and a tag',
      given: { verdict: 'keep' as const, facets: { tags: ['vip'] } },
      expected: ['Clients fidèles'],
    },
    {
      what: 'verdict and a tag never together',
      given: { verdict: 'fix' as const, facets: { tags: ['vip'] } },
      expected: [],
    },
  ])('$what', ({ given, expected }) => {
    expect(names(filterRows(rows, filters(given)))).toEqual(expected)
  })

  it('keeps the order it is given', () => {
    const sorted = sortRows(rows, { column: 'name', desc: true }, collator)
    expect(names(filterRows(sorted, filters({ query: 'fidele' })))).toEqual(['Visiteurs fidèles', 'Clients fidèles'])
  })
})

describe('countByProvider', () => {
  it.each([
    { what: 'no rows', segments: [], expected: { braze: 0, 'commanders-act': 0 } },
    { what: 'Braze only', segments: [braze('1', 'a'), braze('2', 'b')], expected: { braze: 2, 'commanders-act': 0 } },
    {
      what: 'both, with colliding ids',
      segments: [
        braze('1', 'a'),
        commandersAct('1', 'b'),
        commandersAct('2', 'c'),
        braze('3', 'd'),
        commandersAct('3', 'e'),
      ],
      expected: { braze: 2, 'commanders-act': 3 },
    },
  ])('$what', ({ segments, expected }) => {
    expect(countByProvider(buildSegmentRows(segments))).toEqual(expected)
  })
})

describe('facetCounts', () => {
  const rows = buildSegmentRows(
    [
      braze('a', 'Alpha', ['vip', 'loyalty'], true),
      braze('b', 'Bravo', ['vip'], false),
      braze('c', 'Charlie', ['loyalty', 'été'], true),
      braze('d', 'Delta', ['zeta'], true),
      braze('e', 'Echo', [], true),
      braze('f', 'Old workspace', NOT_PROVIDED, true),
      commandersAct('g', 'Visiteurs vip'),
    ],
    {
      details: detailsMap(
        details('a', { teams: ['CRM'] }),
        details('b', { teams: ['CRM', 'Growth'] }),
        details('c', { teams: [] }),
      ),
      verdicts: verdictsMap({ 'braze:a': 'keep', 'braze:c': 'keep', 'braze:b': 'fix' }),
    },
  )

  it.each([
    {
      what: 'no filter: most used first, then by name with the collator ("été" before "zeta")',
      given: {},
      expected: [
        ['loyalty', 2],
        ['vip', 2],
        ['été', 1],
        ['zeta', 1],
      ],
    },
    { what: 'tag counts follow the team filter', given: { facets: { teams: ['Growth'] } }, expected: [['vip', 1]] },
    {
      what: 'the tag filter itself does not change the counts',
      given: { facets: { tags: ['vip'] } },
      expected: [
        ['loyalty', 2],
        ['vip', 2],
        ['été', 1],
        ['zeta', 1],
      ],
    },
    {
      what: 'counts follow the tracking filter',
      given: { tracking: 'on' as const },
      expected: [
        ['loyalty', 2],
        ['été', 1],
        ['vip', 1],
        ['zeta', 1],
      ],
    },
    {
      what: 'counts follow the verdict filter',
      given: { verdict: 'keep' as const },
      expected: [
        ['loyalty', 2],
        ['été', 1],
        ['vip', 1],
      ],
    },
    {
      what: 'counts follow the query (name, id or tag)',
      given: { query: 'zeta' },
      expected: [['zeta', 1]],
    },
    {
      what: 'selected tags with no row left are still listed, with 0',
      given: { tracking: 'on' as const, facets: { tags: ['vip', 'missing'] } },
      expected: [
        ['loyalty', 2],
        ['été', 1],
        ['vip', 1],
        ['zeta', 1],
        ['missing', 0],
      ],
    },
    {
      what: 'selected tags under a filter that leaves no tagged row',
      given: { query: 'delta', facets: { tags: ['vip', 'loyalty'] } },
      expected: [
        ['zeta', 1],
        ['loyalty', 0],
        ['vip', 0],
      ],
    },
    { what: 'Commanders Act has no tags', given: { provider: 'commanders-act' as const }, expected: [] },
    {
      what: 'Commanders Act with a selected tag',
      given: { provider: 'commanders-act' as const, facets: { tags: ['vip'] } },
      expected: [['vip', 0]],
    },
    { what: 'only untagged rows', given: { finding: 'no-tags' as const }, expected: [] },
  ])('$what', ({ given, expected }) => {
    expect(
      facetCounts(rows, filters(given), facet('tags'), collator).map(({ value, count }) => [value, count]),
    ).toEqual(expected)
  })

  it.each([
    {
      what: 'teams from the loaded details only',
      given: {},
      expected: [
        ['CRM', 2],
        ['Growth', 1],
      ],
    },
    { what: 'team counts follow the tag filter', given: { facets: { tags: ['loyalty'] } }, expected: [['CRM', 1]] },
    {
      what: 'the team filter itself does not change the team counts',
      given: { facets: { teams: ['Growth'] } },
      expected: [
        ['CRM', 2],
        ['Growth', 1],
      ],
    },
  ])('$what', ({ given, expected }) => {
    expect(
      facetCounts(rows, filters(given), facet('teams'), collator).map(({ value, count }) => [value, count]),
    ).toEqual(expected)
  })
})
