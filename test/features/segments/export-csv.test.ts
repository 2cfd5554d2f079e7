// CSV export of the current view: chosen columns in order, readable values for unknowns, formulas neutralised.
import i18next from 'i18next'
import Papa from 'papaparse'
import { describe, expect, it, vi } from 'vitest'
import { columnLabel, isValueColumn, segmentColumns, type ColumnId } from '../../../src/features/segments/columns'
import { csvFilename, segmentsCsv } from '../../../src/features/segments/export-csv'
import { buildSegmentRows } from '../../../src/features/segments/segment-rows'
import type { BrazeSegmentDetails } from '../../../src/providers/braze/schemas'
import { segmentKey } from '../../../src/providers/provider-id'
import { NOT_PROVIDED, type Segment } from '../../../src/providers/segment'
import type { AuditEntry, Verdict } from '../../../src/stores/audit-contract'
import type { FindingId } from '../../../src/findings/findings'
import { auditEntry, REVIEWED_AT } from '../../stores/audit-entries'
import { commandersAct } from '../../findings/segments'
import { formatSpreadsheetDateTime } from '../../../src/lib/format'

/** The one form of every date and time in the export (its own tests are in format.test.ts). */
const local = formatSpreadsheetDateTime

function braze(id: string, name: string, tags: Segment['tags'], analyticsTracking: boolean): Segment {
  return { key: segmentKey('braze', id), provider: 'braze', id, name, tags, analyticsTracking }
}

const loaded: BrazeSegmentDetails = {
  id: 'b-loaded',
  tags: [],
  createdAt: '2024-01-15T08:30:00Z',
  updatedAt: '2025-06-01T12:00:00.000+02:00',
  textDescription: 'Bought twice',
  teams: ['CRM', 'Growth'],
}
const blank: BrazeSegmentDetails = {
  id: 'b-blank',
  tags: [],
  createdAt: '2023-02-03T00:00:00Z',
  updatedAt: '2023-02-04T00:00:00Z',
  textDescription: ' ',
  teams: [],
}

function audit(key: string, verdict: Verdict): [string, AuditEntry] {
  return [
    key,
    auditEntry(key, verdict, { note: `a note; on ${key}`, reviewer: 'Zoé', reviewedAt: '2026-03-01T13:05:00.000Z' }),
  ]
}
const REVIEWS = new Map([
  audit('braze:b-loaded', 'keep'),
  audit('braze:b-blank', 'archive'),
  audit('commanders-act:BBFAC450', 'fix'),
])

const rows = buildSegmentRows(
  [
    braze('b-loaded', 'Clients fidèles', ['vip', 'été'], true),
    braze('b-blank', 'Sans description', [], false),
    braze('b-unloaded', 'Pas chargé', NOT_PROVIDED, true),
    commandersAct('BBFAC450', 'Visiteurs'),
  ],
  {
    details: new Map([
      [loaded.id, loaded],
      [blank.id, blank],
    ]),
    // The latest day counts, whatever the order the series came in; Sans description is untracked: Braze has no size.
    sizes: new Map([
      [
        loaded.id,
        [
          { time: '2025-06-02', size: 1234567 },
          { time: '2025-06-01', size: 99 },
        ],
      ],
    ]),
    // Pas chargé has no stored entry.
    verdicts: REVIEWS,
  },
)

/** What the audit found, by segment key (the page works them out for the export). */
const FINDINGS = new Map<string, readonly FindingId[]>([
  ['braze:b-blank', ['no-description', 'stale']],
  ['commanders-act:BBFAC450', ['duplicate-name']],
])
const OPTIONS = { reviews: REVIEWS, findings: FINDINGS, staleMonths: 12 }

const en = i18next.getFixedT('en', ['segments', 'common'])
const fr = i18next.getFixedT('fr', ['segments', 'common'])

const ALL_COLUMNS: ColumnId[] = [
  'provider',
  'name',
  'id',
  'tags',
  'teams',
  'tracking',
  'created',
  'updated',
  'description',
  'size',
  'verdict',
  'findings',
]

/** The review's cells at the end of every row: note, who set the verdict and when, who wrote the note and when. */
const REVIEW_CELLS = 5

/** Written in every export, chosen or not. */
const ALWAYS: readonly ColumnId[] = ['verdict', 'findings']

/** What a spreadsheet reads: the BOM checked and dropped, then papaparse's rows. */
function parse(csv: string, delimiter = ','): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true)
  const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter, newline: '\r\n' })
  expect(parsed.errors).toEqual([])
  return parsed.data
}

/** The chosen columns of an export (each row then has the verdict and findings if not chosen, and its review). */
function columnsOf(
  rowsToExport: Parameters<typeof segmentsCsv>[0],
  columns: readonly ColumnId[],
  t: typeof en,
): string[][] {
  const added = ALWAYS.filter((id) => !columns.includes(id)).length
  return parse(segmentsCsv(rowsToExport, columns, t, OPTIONS)).map((cells) => cells.slice(0, -REVIEW_CELLS - added))
}

describe('segmentsCsv', () => {
  it('looks each word up once, not once per row: an export of 20,000 segments froze the page for over a second', () => {
    const t = vi.fn(en)
    const many = Array.from({ length: 500 }, () => rows).flat()
    const csv = segmentsCsv(many, ALL_COLUMNS, t as unknown as typeof en, OPTIONS)
    expect(parse(csv)).toHaveLength(many.length + 1)
    expect(t.mock.calls.length).toBeLessThan(100)
  })

  it('writes every column with readable values for each kind of row', () => {
    expect(columnsOf(rows, ALL_COLUMNS, en)).toEqual([
      [
        'Provider',
        'Name',
        'ID',
        'Tags',
        'Teams',
        'Analytics tracking',
        'Created',
        'Last updated',
        'Description',
        'Size',
        'Verdict',
        'Findings',
      ],
      [
        'Braze',
        'Clients fidèles',
        'b-loaded',
        'vip; été',
        'CRM; Growth',
        'On',
        local('2024-01-15T08:30:00Z'),
        local('2025-06-01T12:00:00.000+02:00'),
        'Present',
        '1234567',
        'Keep',
        '',
      ],
      [
        'Braze',
        'Sans description',
        'b-blank',
        '',
        '',
        'Off',
        local('2023-02-03T00:00:00Z'),
        local('2023-02-04T00:00:00Z'),
        'Missing',
        'not provided',
        'Archive',
        'No description; Not updated in 12 months',
      ],
      [
        'Braze',
        'Pas chargé',
        'b-unloaded',
        'not provided',
        'not loaded',
        'On',
        'not loaded',
        'not loaded',
        'not loaded',
        'not scanned',
        'Unreviewed',
        '',
      ],
      [
        'Commanders Act',
        'Visiteurs',
        'BBFAC450',
        'not provided',
        'not provided',
        'not provided',
        'not provided',
        'not provided',
        'not provided',
        'not provided',
        'Fix',
        'Duplicate name',
      ],
    ])
  })

  // Lists joined by a semicolon follow French typography too: a narrow no-break space before it.
  it('writes the header and the values in French when the interface is in French, dates in the same form', () => {
    expect(columnsOf(rows, ALL_COLUMNS, fr)).toEqual([
      [
        'Fournisseur',
        'Nom',
        'ID',
        'Tags',
        'Équipes',
        'Suivi analytique',
        'Création',
        'Dernière mise à jour',
        'Description',
        'Taille',
        'Verdict',
        'Constats',
      ],
      [
        'Braze',
        'Clients fidèles',
        'b-loaded',
        'vip\u202f; été',
        'CRM\u202f; Growth',
        'Activé',
        local('2024-01-15T08:30:00Z'),
        local('2025-06-01T12:00:00.000+02:00'),
        'Présente',
        '1234567',
        'Garder',
        '',
      ],
      [
        'Braze',
        'Sans description',
        'b-blank',
        '',
        '',
        'Désactivé',
        local('2023-02-03T00:00:00Z'),
        local('2023-02-04T00:00:00Z'),
        'Absente',
        'non fourni',
        'Archiver',
        'Sans description\u202f; Pas mis à jour depuis 12 mois',
      ],
      [
        'Braze',
        'Pas chargé',
        'b-unloaded',
        'non fourni',
        'non chargé',
        'Activé',
        'non chargé',
        'non chargé',
        'non chargé',
        'non analysé',
        'Non revu',
        '',
      ],
      [
        'Commanders Act',
        'Visiteurs',
        'BBFAC450',
        'non fourni',
        'non fourni',
        'non fourni',
        'non fourni',
        'non fourni',
        'non fourni',
        'non fourni',
        'Corriger',
        'Nom en double',
      ],
    ])
  })

  it('covers every column of the table that holds a value (the selection’s checkboxes are not exported)', () => {
    expect([...ALL_COLUMNS].sort()).toEqual(
      segmentColumns
        .map((column) => column.id)
        .filter(isValueColumn)
        .sort(),
    )
  })

  it('writes the verdict label of each row: Keep, Fix, Archive, or Unreviewed when none is stored', () => {
    expect(columnsOf(rows, ['name', 'verdict'], en)).toEqual([
      ['Name', 'Verdict'],
      ['Clients fidèles', 'Keep'],
      ['Sans description', 'Archive'],
      ['Pas chargé', 'Unreviewed'],
      ['Visiteurs', 'Fix'],
    ])
  })

  it.each([
    { columns: ['name'] as ColumnId[] },
    { columns: ['description', 'name'] as ColumnId[] },
    { columns: ['id', 'tracking', 'provider'] as ColumnId[] },
    { columns: ['updated', 'created', 'tags', 'name'] as ColumnId[] },
    { columns: ['size', 'teams', 'name'] as ColumnId[] },
    { columns: ['verdict', 'name', 'provider'] as ColumnId[] },
  ])('writes only the chosen columns, in the chosen order: $columns', ({ columns }) => {
    const [header, ...body] = columnsOf(rows, columns, en)
    expect(header).toEqual(columns.map((column) => columnLabel(en, column)))
    const full = columnsOf(rows, ALL_COLUMNS, en).slice(1)
    expect(body).toEqual(full.map((cells) => columns.map((column) => cells[ALL_COLUMNS.indexOf(column)])))
  })

  it('always writes the verdict and the findings as words, even when the view hides those columns', () => {
    const [header, ...body] = parse(segmentsCsv(rows, ['name'], en, OPTIONS)).map((cells) =>
      cells.slice(0, -REVIEW_CELLS),
    )
    expect(header).toEqual(['Name', 'Verdict', 'Findings'])
    expect(body).toEqual([
      ['Clients fidèles', 'Keep', ''],
      ['Sans description', 'Archive', 'No description; Not updated in 12 months'],
      ['Pas chargé', 'Unreviewed', ''],
      ['Visiteurs', 'Fix', 'Duplicate name'],
    ])
  })

  it('keeps the rows in the order given (the current view)', () => {
    const body = columnsOf([...rows].reverse(), ['id'], en).slice(1)
    expect(body).toEqual([['BBFAC450'], ['b-unloaded'], ['b-blank'], ['b-loaded']])
  })

  it('writes a Commanders Act id a spreadsheet would read as a number as a formula giving the id, in the ID column only', () => {
    const numeric = buildSegmentRows([commandersAct('00012345', '00012345'), commandersAct('12E34567', 'Hex')])
    expect(columnsOf(numeric, ['id', 'name'], en).slice(1)).toEqual([
      ['="00012345"', '00012345'],
      ['="12E34567"', 'Hex'],
    ])
  })

  it('writes only the header for an empty view', () => {
    expect(columnsOf([], ['name', 'id'], en).filter((cells) => cells.join('') !== '')).toEqual([['Name', 'ID']])
  })

  it.each([
    { name: '=HYPERLINK("http://x","y")', expected: `'=HYPERLINK("http://x","y")` },
    { name: '+33 campaign', expected: "'+33 campaign" },
    { name: '-10% promo', expected: "'-10% promo" },
    { name: '@everyone', expected: "'@everyone" },
    { name: 'Price = 10', expected: 'Price = 10' },
    { name: 'Quote "this", and, that', expected: 'Quote "this", and, that' },
  ])('neutralises a name that a spreadsheet would run as a formula: $name', ({ name, expected }) => {
    expect(columnsOf(buildSegmentRows([braze('x', name, ['=cmd', 'ok'], true)]), ['name', 'tags'], en)[1]).toEqual([
      expected,
      "'=cmd; ok",
    ])
  })
})

describe('segmentsCsv: reviews and spreadsheets in French', () => {
  it('ends every row with its note, who set the verdict and when, and who wrote the note and when', () => {
    const review = (cells: string[]) => [cells[0], ...cells.slice(-REVIEW_CELLS)]
    const at = local('2026-03-01T13:05:00.000Z')
    expect(parse(segmentsCsv(rows, ['name'], en, OPTIONS)).map(review)).toEqual([
      ['Name', 'Note', 'Verdict set by', 'Verdict set at', 'Note written by', 'Note written at'],
      ['Clients fidèles', 'a note; on braze:b-loaded', 'Zoé', at, 'Zoé', at],
      ['Sans description', 'a note; on braze:b-blank', 'Zoé', at, 'Zoé', at],
      ['Pas chargé', '', '', '', '', ''],
      ['Visiteurs', 'a note; on commanders-act:BBFAC450', 'Zoé', at, 'Zoé', at],
    ])
  })

  it('credits the verdict to who set it and the note to who wrote it, not to whoever changed the review last', () => {
    const MONDAY = '2026-03-02T09:00:00.000Z'
    const WEDNESDAY = '2026-03-04T15:30:00.000Z'
    const reviews = new Map([
      // Bob archived it; Alice later edited only its note.
      [
        'braze:b-loaded',
        auditEntry('braze:b-loaded', 'archive', {
          note: 'Still used?',
          verdictBy: 'Bob',
          verdictAt: MONDAY,
          noteBy: 'Alice',
          noteAt: WEDNESDAY,
          reviewer: 'Alice',
          reviewedAt: WEDNESDAY,
        }),
      ],
      // Bob kept it; Carol's bulk Keep with a note left the verdict as it was and wrote the note.
      [
        'braze:b-blank',
        auditEntry('braze:b-blank', 'keep', {
          note: 'Checked in bulk',
          verdictBy: 'Bob',
          verdictAt: MONDAY,
          noteBy: 'Carol',
          noteAt: WEDNESDAY,
          reviewer: 'Carol',
          reviewedAt: WEDNESDAY,
        }),
      ],
      // Only a note, no verdict ever set: nobody is named for the verdict.
      [
        'commanders-act:BBFAC450',
        auditEntry('commanders-act:BBFAC450', 'unreviewed', { note: 'Ask', reviewer: 'Alice QA' }),
      ],
    ])
    const csv = segmentsCsv(rows, ['name'], en, { ...OPTIONS, reviews })
    const review = (cells: string[]) => [cells[0], ...cells.slice(-REVIEW_CELLS)]
    expect(parse(csv).map(review)).toEqual([
      ['Name', 'Note', 'Verdict set by', 'Verdict set at', 'Note written by', 'Note written at'],
      ['Clients fidèles', 'Still used?', 'Bob', local(MONDAY), 'Alice', local(WEDNESDAY)],
      ['Sans description', 'Checked in bulk', 'Bob', local(MONDAY), 'Carol', local(WEDNESDAY)],
      ['Pas chargé', '', '', '', '', ''],
      ['Visiteurs', 'Ask', '', '', 'Alice QA', local(REVIEWED_AT)],
    ])
  })

  it('names the review columns in French, in the same order as the Audit page’s report', () => {
    const header = parse(segmentsCsv([], ['name'], fr, { ...OPTIONS, separator: ';' }), ';')[0]
    expect(header?.slice(-REVIEW_CELLS)).toEqual([
      'Note',
      'Verdict donné par',
      'Verdict donné le',
      'Note écrite par',
      'Note écrite le',
    ])
  })

  it('writes every date and time in one form a spreadsheet reads as a date-time, whatever the source’s precision', () => {
    const details: BrazeSegmentDetails = {
      id: 'b-mixed',
      tags: [],
      createdAt: '2026-12-05T20:41:35Z',
      updatedAt: '2026-12-05T23:49:51.118Z',
    }
    const mixed = buildSegmentRows([braze('b-mixed', 'Mixed', [], true)], { details: new Map([['b-mixed', details]]) })
    const reviews = new Map([
      ['braze:b-mixed', auditEntry('braze:b-mixed', 'keep', { note: 'OK', reviewedAt: '2026-12-06T17:32:08.457Z' })],
    ])
    const [header = [], cells = []] = parse(segmentsCsv(mixed, ['created', 'updated'], en, { ...OPTIONS, reviews }))
    const dates = ['Created', 'Last updated', 'Verdict set at', 'Note written at'].map(
      (column) => cells[header.indexOf(column)],
    )
    for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(dates).toEqual(
      ['2026-12-05T20:41:35Z', '2026-12-05T23:49:51.118Z', '2026-12-06T17:32:08.457Z', '2026-12-06T17:32:08.457Z'].map(
        local,
      ),
    )
  })

  it('separates cells with ";" for French spreadsheets, quoting a cell that holds one', () => {
    const csv = segmentsCsv(rows.slice(1, 2), ['name', 'verdict'], fr, { ...OPTIONS, separator: ';' })
    expect(csv.split('\r\n')[1]).toMatch(
      /^Sans description;Archiver;"Sans description\u202f; Pas mis à jour depuis 12 mois";"a note; on braze:b-blank";Zoé;/,
    )
    expect(parse(csv, ';')[1]?.slice(0, 4)).toEqual([
      'Sans description',
      'Archiver',
      'Sans description\u202f; Pas mis à jour depuis 12 mois',
      'a note; on braze:b-blank',
    ])
  })
})

describe('csvFilename', () => {
  it.each([
    { now: [2026, 2, 5, 10, 0], expected: 'segments-2026-03-05.csv' },
    { now: [2025, 11, 31, 23, 59], expected: 'segments-2025-12-31.csv' },
    { now: [2024, 1, 29, 0, 30], expected: 'segments-2024-02-29.csv' },
  ])('local time $now → $expected', ({ now, expected }) => {
    const [year = 0, month = 0, day = 0, hour = 0, minute = 0] = now
    expect(csvFilename(new Date(year, month, day, hour, minute))).toBe(expected)
  })
})
