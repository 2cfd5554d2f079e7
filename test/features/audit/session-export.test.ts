// The audit session as files: the CSV report for people (every listed segment, its dates, findings and review; formulas
// neutralised) and the session file for machines (the reviews and a snapshot of the providers whose list is complete).
import i18next from 'i18next'
import Papa from 'papaparse'
import { describe, expect, it, vi } from 'vitest'
import { sessionCsv, sessionFile, type SessionReport } from '../../../src/features/audit/session-export'
import { computeFindings } from '../../../src/findings/findings'
import type { BrazeSegmentDetails } from '../../../src/providers/braze/schemas'
import { segmentKey, type ProviderId } from '../../../src/providers/provider-id'
import { NOT_PROVIDED, type Segment } from '../../../src/providers/segment'
import { parseSessionFile, SESSION_FORMAT, SESSION_VERSION } from '../../../src/stores/session-file'
import { auditEntriesByKey, auditEntry, REVIEWED_AT } from '../../stores/audit-entries'
import { commandersAct } from '../../findings/segments'
import { formatSpreadsheetDateTime } from '../../../src/lib/format'
import { REPORT_HEADER } from './report-header'

function braze(id: string, name: string, tags: Segment['tags'], analyticsTracking = true): Segment {
  return { key: segmentKey('braze', id), provider: 'braze', id, name, tags, analyticsTracking }
}

function details(id: string, fields: Partial<BrazeSegmentDetails> = {}): BrazeSegmentDetails {
  return {
    id,
    createdAt: '2024-01-10T09:00:00Z',
    updatedAt: '2025-02-20T10:00:00Z',
    textDescription: 'Who buys twice a year',
    tags: [],
    ...fields,
  }
}

const entry = auditEntry

const NOW = new Date('2025-03-02T08:00:00.000Z')

/** Listed in no particular order: the report sorts them by provider, then by name. */
const SEGMENTS: readonly Segment[] = [
  commandersAct('BBFAC450', 'Visiteurs « été »'),
  braze('b-4', 'test', ['promo'], false),
  braze('b-1', 'Clients fidèles', ['vip', 'été']),
  commandersAct('3DCC6A0A', 'clients fideles'),
  braze('b-3', 'Ancien espace', NOT_PROVIDED),
  braze('b-2', 'Sans tags', []),
]

/** b-3's details are not loaded; b-1 was last updated two years ago; b-2 has no description, b-4 a blank one. */
const DETAILS: ReadonlyMap<string, BrazeSegmentDetails> = new Map(
  [
    details('b-1', { createdAt: '2022-05-02T08:00:00.000Z', updatedAt: '2023-02-01T10:00:00Z' }),
    details('b-2', { textDescription: null }),
    details('b-4', { textDescription: '   ' }),
  ].map((loaded) => [loaded.id, loaded]),
)

function report(fields: Partial<SessionReport> & { staleMonths?: number } = {}): SessionReport {
  const segments = fields.segments ?? SEGMENTS
  const loaded = fields.details ?? DETAILS
  const staleMonths = fields.staleMonths ?? 12
  const findings = computeFindings(
    { segments, details: loaded, sizes: new Map() },
    { staleMonths, namingPattern: null },
    NOW,
  )
  return { segments, entries: new Map(), details: loaded, findings, staleMonths, ...fields }
}

const entriesOf = auditEntriesByKey

/** The report as an English-speaking user exports it. */
const en = i18next.getFixedT('en', ['audit', 'common'])

/** What a spreadsheet reads: the BOM checked and dropped, then papaparse's rows. */
function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true)
  const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', newline: '\r\n' })
  expect(parsed.errors).toEqual([])
  return parsed.data
}

/** The rows of a report as objects by column name, header checked. */
function rowsOf(csv: string): Record<string, string>[] {
  const [header, ...rows] = parse(csv)
  expect(header).toEqual(REPORT_HEADER)
  return rows.map((row) => Object.fromEntries(REPORT_HEADER.map((column, index) => [column, row[index] ?? ''])))
}

describe('sessionCsv', () => {
  it('looks each word up once, not once per row: a report of 20,000 segments froze the page for over a second', () => {
    const t = vi.fn(en)
    const segments = Array.from({ length: 400 }, () => SEGMENTS).flat()
    expect(rowsOf(sessionCsv(report({ segments }), t as unknown as typeof en))).toHaveLength(segments.length)
    expect(t.mock.calls.length).toBeLessThan(100)
  })

  it('writes a row for every listed segment, reviewed or not, by provider then name, in the documented columns', () => {
    const csv = sessionCsv(
      report({
        entries: entriesOf(
          entry('braze:b-1', 'keep', { note: 'OK' }),
          entry('commanders-act:BBFAC450', 'fix', {
            note: 'Doublon de b-1',
            reviewer: 'Léa',
            reviewedAt: '2025-03-02T09:15:00.000Z',
          }),
          entry('braze:b-2', 'unreviewed', { note: 'Ask the CRM team' }),
        ),
      }),
      en,
    )
    expect(parse(csv)).toEqual([
      REPORT_HEADER,
      [
        'Braze',
        'b-3',
        'Ancien espace',
        'not provided',
        'not loaded',
        'not loaded',
        'not loaded',
        '',
        'Unreviewed',
        '',
        '',
        '',
        '',
        '',
      ],
      [
        'Braze',
        'b-1',
        'Clients fidèles',
        'vip; été',
        formatSpreadsheetDateTime('2022-05-02T08:00:00.000Z'),
        formatSpreadsheetDateTime('2023-02-01T10:00:00Z'),
        'yes',
        'Not updated in 12 months; In both providers',
        'Keep',
        'OK',
        'Camille',
        formatSpreadsheetDateTime(REVIEWED_AT),
        'Camille',
        formatSpreadsheetDateTime(REVIEWED_AT),
      ],
      [
        'Braze',
        'b-2',
        'Sans tags',
        '',
        formatSpreadsheetDateTime('2024-01-10T09:00:00Z'),
        formatSpreadsheetDateTime('2025-02-20T10:00:00Z'),
        'no',
        'No description; No tags',
        'Unreviewed',
        'Ask the CRM team',
        // A note and no verdict ever set: nobody is named for the verdict.
        '',
        '',
        'Camille',
        formatSpreadsheetDateTime(REVIEWED_AT),
      ],
      [
        'Braze',
        'b-4',
        'test',
        'promo',
        formatSpreadsheetDateTime('2024-01-10T09:00:00Z'),
        formatSpreadsheetDateTime('2025-02-20T10:00:00Z'),
        'no',
        'No description; Analytics tracking off; Test or temporary',
        'Unreviewed',
        '',
        '',
        '',
        '',
        '',
      ],
      [
        'Commanders Act',
        '3DCC6A0A',
        'clients fideles',
        'not provided',
        'not provided',
        'not provided',
        'not provided',
        'In both providers',
        'Unreviewed',
        '',
        '',
        '',
        '',
        '',
      ],
      [
        'Commanders Act',
        'BBFAC450',
        'Visiteurs « été »',
        'not provided',
        'not provided',
        'not provided',
        'not provided',
        '',
        'Fix',
        'Doublon de b-1',
        'Léa',
        formatSpreadsheetDateTime('2025-03-02T09:15:00.000Z'),
        'Léa',
        formatSpreadsheetDateTime('2025-03-02T09:15:00.000Z'),
      ],
    ])
  })

  it('credits the verdict to who set it and the note to who wrote it, each with its own time, not the last changer', () => {
    const MONDAY = '2026-03-02T09:00:00.000Z'
    const WEDNESDAY = '2026-03-04T15:30:00.000Z'
    const rows = rowsOf(
      sessionCsv(
        report({
          segments: [braze('b-1', 'Archived by Bob', ['vip']), braze('b-2', 'Kept by Bob', ['vip'])],
          entries: entriesOf(
            // Bob archived it; Alice later edited only its note.
            entry('braze:b-1', 'archive', {
              note: 'Still used?',
              verdictBy: 'Bob',
              verdictAt: MONDAY,
              noteBy: 'Alice',
              noteAt: WEDNESDAY,
              reviewer: 'Alice',
              reviewedAt: WEDNESDAY,
            }),
            // Bob kept it; Carol's bulk Keep with a note left the verdict as it was and wrote the note.
            entry('braze:b-2', 'keep', {
              note: 'Checked in bulk',
              verdictBy: 'Bob',
              verdictAt: MONDAY,
              noteBy: 'Carol',
              noteAt: WEDNESDAY,
              reviewer: 'Carol',
              reviewedAt: WEDNESDAY,
            }),
          ),
        }),
        en,
      ),
    )
    const review = (row: Record<string, string> | undefined) => REPORT_HEADER.slice(-5).map((column) => row?.[column])
    expect(review(rows.find((row) => row.ID === 'b-1'))).toEqual([
      'Still used?',
      'Bob',
      formatSpreadsheetDateTime(MONDAY),
      'Alice',
      formatSpreadsheetDateTime(WEDNESDAY),
    ])
    expect(review(rows.find((row) => row.ID === 'b-2'))).toEqual([
      'Checked in bulk',
      'Bob',
      formatSpreadsheetDateTime(MONDAY),
      'Carol',
      formatSpreadsheetDateTime(WEDNESDAY),
    ])
  })

  it('writes every date and time in one form a spreadsheet reads as a date-time, whatever the source’s precision', () => {
    const rows = rowsOf(
      sessionCsv(
        report({
          segments: [braze('b-1', 'Clients', ['vip'])],
          details: new Map([
            ['b-1', details('b-1', { createdAt: '2026-12-05T20:41:35Z', updatedAt: '2026-12-05T23:49:51.118Z' })],
          ]),
          entries: entriesOf(entry('braze:b-1', 'keep', { note: 'OK', reviewedAt: '2026-12-06T17:32:08.457Z' })),
        }),
        en,
      ),
    )
    const dates = ['Created', 'Updated', 'Verdict set at', 'Note written at'].map((column) => rows[0]?.[column])
    for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(dates).toEqual(
      ['2026-12-05T20:41:35Z', '2026-12-05T23:49:51.118Z', '2026-12-06T17:32:08.457Z', '2026-12-06T17:32:08.457Z'].map(
        formatSpreadsheetDateTime,
      ),
    )
  })

  it('says a date Braze sent that is not one is unreadable, and one it did not send is not provided, as the list does', () => {
    const rows = rowsOf(
      sessionCsv(
        report({
          segments: [braze('b-1', 'Clients', ['vip'])],
          details: new Map([
            ['b-1', details('b-1', { createdAt: undefined, updatedAt: undefined, malformed: ['updated_at'] })],
          ]),
        }),
        en,
      ),
    )
    expect([rows[0]?.Created, rows[0]?.Updated]).toEqual(['not provided', 'unreadable date'])
  })

  it.each([
    { staleMonths: 6, label: 'Not updated in 6 months' },
    { staleMonths: 24, label: 'Not updated in 24 months' },
  ])('names the staleness finding after the period chosen ($staleMonths months)', ({ staleMonths, label }) => {
    // Updated 25 months before NOW: stale whichever period is chosen.
    const rows = rowsOf(sessionCsv(report({ staleMonths, segments: [braze('b-1', 'Clients', ['vip'])] }), en))
    expect(rows.map((row) => row.Findings)).toEqual([label])
  })

  it.each([
    { what: 'no description key (an older workspace)', textDescription: undefined, expected: 'no' },
    { what: 'a null description', textDescription: null, expected: 'no' },
    { what: 'a blank description', textDescription: ' \n ', expected: 'no' },
    { what: 'a description', textDescription: 'VIP buyers', expected: 'yes' },
  ])('says $expected for a Braze segment with $what', ({ textDescription, expected }) => {
    const rows = rowsOf(
      sessionCsv(
        report({
          segments: [braze('b-1', 'Clients', ['vip'])],
          details: new Map([['b-1', details('b-1', { textDescription })]]),
        }),
        en,
      ),
    )
    expect(rows[0]?.['Description present']).toBe(expected)
  })

  it('names and tags a segment as the list does: the details’ name and tags where the list’s answer had none', () => {
    const segments = [braze('b-5', '', NOT_PROVIDED), braze('b-6', 'Ancien espace', NOT_PROVIDED)]
    const loaded = new Map([
      ['b-5', details('b-5', { name: 'Repeat Purchasers - VIP', tags: ['vip'] })],
      ['b-6', details('b-6', { tags: [] })],
    ])
    const rows = rowsOf(sessionCsv(report({ segments, details: loaded }), en))
    expect(rows.map((row) => [row.Name, row.Tags])).toEqual([
      ['Ancien espace', ''],
      ['Repeat Purchasers - VIP', 'vip'],
    ])
  })

  it('adds the reviews of segments no longer listed at the end, in key order, with their review only', () => {
    const rows = parse(
      sessionCsv(
        report({
          entries: entriesOf(
            entry('commanders-act:F92C4F26', 'fix', { note: 'Was a duplicate' }),
            entry('braze:gone', 'keep'),
            entry('braze:b-1', 'archive'),
          ),
        }),
        en,
      ),
    )
    expect(rows).toHaveLength(1 + SEGMENTS.length + 2)
    expect(rows.slice(-2)).toEqual([
      [
        'Braze',
        'gone',
        '(no longer listed)',
        '',
        '',
        '',
        '',
        '',
        'Keep',
        '',
        'Camille',
        formatSpreadsheetDateTime(REVIEWED_AT),
        '',
        '',
      ],
      [
        'Commanders Act',
        'F92C4F26',
        '(no longer listed)',
        '',
        '',
        '',
        '',
        '',
        'Fix',
        'Was a duplicate',
        'Camille',
        formatSpreadsheetDateTime(REVIEWED_AT),
        'Camille',
        formatSpreadsheetDateTime(REVIEWED_AT),
      ],
    ])
    expect(rows.find((row) => row[1] === 'b-1')?.slice(8)).toEqual([
      'Archive',
      '',
      'Camille',
      formatSpreadsheetDateTime(REVIEWED_AT),
      '',
      '',
    ])
  })

  it('splits a gone key at its first colon only, and shows an unknown provider as it is', () => {
    const gone = entriesOf(entry('braze:a:b', 'keep'), entry('constructor:x', 'keep'), entry('mailchimp:x7', 'fix'))
    const rows = parse(sessionCsv(report({ segments: [], entries: gone }), en)).slice(1)
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ['Braze', 'a:b', '(no longer listed)'],
      ['constructor', 'x', '(no longer listed)'],
      ['mailchimp', 'x7', '(no longer listed)'],
    ])
  })

  it.each([
    ['=', '=HYPERLINK("http://x","y")'],
    ['+', '+33 6 12 34 56 78'],
    ['-', '-1 if stale'],
    ['@', '@SUM(A1)'],
    ['a tab', '\tindented'],
  ])('neutralises a note starting with %s', (_start, note) => {
    const rows = rowsOf(
      sessionCsv(
        report({
          segments: [commandersAct('BBFAC450', 'Visiteurs')],
          entries: entriesOf(entry('commanders-act:BBFAC450', 'fix', { note })),
        }),
        en,
      ),
    )
    expect(rows[0]?.Note).toBe(`'${note}`)
  })

  it('writes an id a spreadsheet would read as a number as a formula giving the id, listed or not', () => {
    const rows = rowsOf(
      sessionCsv(
        report({
          segments: [commandersAct('00012345', '00012345')],
          entries: entriesOf(entry('commanders-act:12E34567', 'fix')),
        }),
        en,
      ),
    )
    expect(rows.map((row) => [row.ID, row.Name])).toEqual([
      ['="00012345"', '00012345'],
      ['="12E34567"', '(no longer listed)'],
    ])
  })

  it('neutralises formulas in names, tags and reviewers, listed or not', () => {
    const rows = rowsOf(
      sessionCsv(
        report({
          segments: [braze('f', '=cmd|" /C calc"!A0', ['=x', 'ok'])],
          details: new Map(),
          entries: entriesOf(
            entry('braze:f', 'keep', { reviewer: '@admin' }),
            entry('braze:gone', 'fix', { reviewer: '+33 6 00', note: '-5' }),
          ),
        }),
        en,
      ),
    )
    expect(rows.map((row) => [row.Name, row.Tags, row.Note, row['Verdict set by'], row['Note written by']])).toEqual([
      [`'=cmd|" /C calc"!A0`, `'=x; ok`, '', `'@admin`, ''],
      ['(no longer listed)', '', `'-5`, `'+33 6 00`, `'+33 6 00`],
    ])
  })

  it('quotes commas, quotes and line breaks so that a note stays one cell', () => {
    const note = 'Two issues:\r\n1. name, "iOS"\n2. tags'
    const rows = rowsOf(
      sessionCsv(
        report({
          segments: [braze('b-1', 'Clients, "VIP"', ['vip'])],
          entries: entriesOf(entry('braze:b-1', 'fix', { note })),
        }),
        en,
      ),
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]?.Name).toBe('Clients, "VIP"')
    expect(rows[0]?.Note).toBe(note)
  })

  it('writes the header alone, with a BOM and CRLF, when nothing is listed nor reviewed', () => {
    const empty = sessionCsv(report({ segments: [] }), en)
    expect(empty.startsWith(`\uFEFF${REPORT_HEADER.join(',')}`)).toBe(true)
    expect(
      Papa.parse<string[]>(empty.slice(1), { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data,
    ).toEqual([REPORT_HEADER])
    const csv = sessionCsv(report(), en)
    expect(csv.slice(1).split('\r\n')).toHaveLength(1 + SEGMENTS.length)
    expect(csv.slice(1)).not.toMatch(/[^\r]\n/)
  })
})

describe('sessionFile', () => {
  const BRAZE_ID = '8b922b25-dcc6-4e4d-b345-f7b06106046c'
  /** Segments with ids as the providers give them: a session file accepts no other key. */
  const LISTED: readonly Segment[] = [
    commandersAct('0000002A', 'Visiteurs « été »'),
    braze(BRAZE_ID, 'Clients fidèles', ['vip', 'été']),
    braze('0f4c3a1e-57d2-4c0b-9f1e-2d3c4b5a6978', 'Ancien espace', NOT_PROVIDED),
  ]
  const GONE = 'braze:5c1d7a80-0b9e-4f7a-8e2c-6a4f3e2d1c0b'
  const VERDICT_SET_AT = '2025-02-27T09:00:00.000Z'
  const entries = [
    // Bob set the verdict; Camille wrote the note later.
    entry(`braze:${BRAZE_ID}`, 'keep', { note: 'OK', verdictBy: 'Bob', verdictAt: VERDICT_SET_AT }),
    entry('commanders-act:0000002A', 'unreviewed', { note: 'À revoir', reviewer: 'Léa' }),
    entry(GONE, 'archive', { reviewedAt: '2024-12-31T23:59:59.000Z' }),
  ]

  it('holds each review field with who and when, and a snapshot of the listed segments, and survives JSON', () => {
    const session = sessionFile(entries, LISTED, ['braze', 'commanders-act'], NOW)
    expect(session).toEqual({
      format: SESSION_FORMAT,
      version: SESSION_VERSION,
      exportedAt: '2025-03-02T08:00:00.000Z',
      snapshotProviders: ['braze', 'commanders-act'],
      // The versions and revisions are the server's bookkeeping, not part of a review passed to a colleague.
      // Each field with its own author and time (null where never set); reviewer and reviewedAt for older readers.
      entries: [
        {
          key: `braze:${BRAZE_ID}`,
          verdict: 'keep',
          verdictBy: 'Bob',
          verdictAt: VERDICT_SET_AT,
          note: 'OK',
          noteBy: 'Camille',
          noteAt: REVIEWED_AT,
          reviewer: 'Camille',
          reviewedAt: REVIEWED_AT,
        },
        {
          key: 'commanders-act:0000002A',
          verdict: 'unreviewed',
          verdictBy: null,
          verdictAt: null,
          note: 'À revoir',
          noteBy: 'Léa',
          noteAt: REVIEWED_AT,
          reviewer: 'Léa',
          reviewedAt: REVIEWED_AT,
        },
        {
          key: GONE,
          verdict: 'archive',
          verdictBy: 'Camille',
          verdictAt: '2024-12-31T23:59:59.000Z',
          note: '',
          noteBy: null,
          noteAt: null,
          reviewer: 'Camille',
          reviewedAt: '2024-12-31T23:59:59.000Z',
        },
      ],
      // Only key, name and tags, in list order; tags not provided are null, unlike an empty list.
      segments: [
        { key: 'commanders-act:0000002A', name: 'Visiteurs « été »', tags: null },
        { key: `braze:${BRAZE_ID}`, name: 'Clients fidèles', tags: ['vip', 'été'] },
        { key: 'braze:0f4c3a1e-57d2-4c0b-9f1e-2d3c4b5a6978', name: 'Ancien espace', tags: null },
      ],
    })
    expect(parseSessionFile(JSON.stringify(session), NOW)).toEqual(session)
  })

  it.each<{ complete: ProviderId[]; keys: string[] }>([
    { complete: ['braze'], keys: ['braze:b-4', 'braze:b-1', 'braze:b-3', 'braze:b-2'] },
    { complete: ['commanders-act'], keys: ['commanders-act:BBFAC450', 'commanders-act:3DCC6A0A'] },
    { complete: [], keys: [] },
  ])('snapshots only the providers whose list is complete ($complete), and still every entry', ({ complete, keys }) => {
    const session = sessionFile(entries, SEGMENTS, complete, NOW)
    expect(session.snapshotProviders).toEqual(complete)
    expect(session.segments.map((segment) => segment.key)).toEqual(keys)
    expect(session.entries.map((one) => one.key)).toEqual(entries.map((one) => one.key))
  })

  it('still snapshots the listed segments when nothing is reviewed', () => {
    const session = sessionFile([], SEGMENTS, ['braze', 'commanders-act'], NOW)
    expect(session.entries).toEqual([])
    expect(session.segments.map((segment) => segment.key)).toEqual(SEGMENTS.map((segment) => segment.key))
  })

  it('copies the tags: changing the listed segment later does not change the snapshot', () => {
    const tags = ['vip']
    const session = sessionFile([], [braze('b-1', 'Clients', tags)], ['braze'], NOW)
    tags.push('later')
    expect(session.segments[0]?.tags).toEqual(['vip'])
  })
})
