// The audit session as files: the CSV for people (named, readable, formulas neutralised) and the JSON for machines (entries and a snapshot).
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { sessionCsv, sessionJson } from '../../../src/features/audit/session-export'
import { NOT_PROVIDED, segmentKey, type Segment } from '../../../src/providers/segment'
import { parseSessionFile, SESSION_FORMAT, SESSION_VERSION } from '../../../src/stores/session-file'
import type { AuditEntry, Verdict } from '../../../src/stores/verdict-store'

function braze(id: string, name: string, tags: Segment['tags']): Segment {
  return { key: segmentKey('braze', id), provider: 'braze', id, name, tags, analyticsTracking: true }
}

function commandersAct(id: string, name: string): Segment {
  return { key: segmentKey('commanders-act', id), provider: 'commanders-act', id, name, tags: NOT_PROVIDED, analyticsTracking: NOT_PROVIDED }
}

function entry(key: string, verdict: Verdict, fields: Partial<AuditEntry> = {}): AuditEntry {
  return { key, verdict, note: '', reviewer: 'Camille', reviewedAt: '2025-03-01T10:00:00.000Z', ...fields }
}

const SEGMENTS: ReadonlyMap<string, Segment> = new Map(
  [
    braze('b-1', 'Clients fidèles', ['vip', 'été']),
    braze('b-2', 'Sans tags', []),
    braze('b-3', 'Ancien espace', NOT_PROVIDED),
    braze('b-4', 'Jamais revu', ['promo']),
    commandersAct('42', 'Visiteurs « été »'),
  ].map((segment) => [segment.key, segment]),
)

const HEADER = ['Provider', 'ID', 'Name', 'Tags', 'Verdict', 'Note', 'Reviewer', 'Reviewed at']

/** What a spreadsheet reads: the BOM checked and dropped, then papaparse's rows. */
function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true)
  const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', newline: '\r\n' })
  expect(parsed.errors).toEqual([])
  return parsed.data
}

describe('sessionCsv', () => {
  it('writes one row per entry, named from the listed segments, in key order', () => {
    const entries = [
      entry('commanders-act:42', 'fix', { note: 'Doublon de b-1', reviewer: 'Léa', reviewedAt: '2025-03-02T09:15:00.000Z' }),
      entry('braze:b-3', 'archive'),
      entry('braze:b-1', 'keep', { note: 'OK' }),
      entry('braze:b-2', 'unreviewed', { note: 'Ask the CRM team' }),
    ]
    expect(parse(sessionCsv(entries, SEGMENTS))).toEqual([
      HEADER,
      ['Braze', 'b-1', 'Clients fidèles', 'vip; été', 'Keep', 'OK', 'Camille', '2025-03-01T10:00:00.000Z'],
      ['Braze', 'b-2', 'Sans tags', '', 'Unreviewed', 'Ask the CRM team', 'Camille', '2025-03-01T10:00:00.000Z'],
      ['Braze', 'b-3', 'Ancien espace', 'not provided', 'Archive', '', 'Camille', '2025-03-01T10:00:00.000Z'],
      ['Commanders Act', '42', 'Visiteurs « été »', 'not provided', 'Fix', 'Doublon de b-1', 'Léa', '2025-03-02T09:15:00.000Z'],
    ])
  })

  it('names a segment no longer listed "(no longer listed)", with no tags', () => {
    expect(parse(sessionCsv([entry('braze:gone', 'keep'), entry('commanders-act:99', 'fix')], SEGMENTS)).slice(1)).toEqual([
      ['Braze', 'gone', '(no longer listed)', '', 'Keep', '', 'Camille', '2025-03-01T10:00:00.000Z'],
      ['Commanders Act', '99', '(no longer listed)', '', 'Fix', '', 'Camille', '2025-03-01T10:00:00.000Z'],
    ])
  })

  it('splits the key at its first colon only, and shows an unknown provider as it is', () => {
    const rows = parse(sessionCsv([entry('braze:a:b', 'keep'), entry('mailchimp:7', 'fix')], SEGMENTS)).slice(1)
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ['Braze', 'a:b', '(no longer listed)'],
      ['mailchimp', '7', '(no longer listed)'],
    ])
  })

  it.each([
    ['=', '=HYPERLINK("http://x","y")'],
    ['+', '+33 6 12 34 56 78'],
    ['-', '-1 if stale'],
    ['@', '@SUM(A1)'],
    ['a tab', '\tindented'],
  ])('neutralises a note starting with %s', (_start, note) => {
    const [, row] = parse(sessionCsv([entry('braze:b-1', 'fix', { note })], SEGMENTS))
    expect(row?.[5]).toBe(`'${note}`)
  })

  it('neutralises formulas in names and reviewers too', () => {
    const segments = new Map([['braze:f', braze('f', '=cmd|" /C calc"!A0', ['=x'])]])
    const [, row] = parse(sessionCsv([entry('braze:f', 'keep', { reviewer: '@admin' })], segments))
    expect(row).toEqual(['Braze', 'f', `'=cmd|" /C calc"!A0`, `'=x`, 'Keep', '', `'@admin`, '2025-03-01T10:00:00.000Z'])
  })

  it('quotes commas, quotes and line breaks so that a note stays one cell', () => {
    const note = 'Two issues:\r\n1. name, "iOS"\n2. tags'
    const [, row, ...rest] = parse(sessionCsv([entry('braze:b-1', 'fix', { note })], SEGMENTS))
    expect(row?.[5]).toBe(note)
    expect(rest).toEqual([])
  })

  it('writes the header alone, with a BOM and CRLF, when there is nothing to export', () => {
    const empty = sessionCsv([], SEGMENTS)
    expect(empty.startsWith(`\uFEFF${HEADER.join(',')}`)).toBe(true)
    expect(Papa.parse<string[]>(empty.slice(1), { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data).toEqual([HEADER])
    const csv = sessionCsv([entry('braze:b-1', 'keep'), entry('braze:b-2', 'fix')], SEGMENTS)
    expect(csv.slice(1).split('\r\n')).toHaveLength(3)
    expect(csv.slice(1)).not.toMatch(/[^\r]\n/)
  })
})

describe('sessionJson', () => {
  const NOW = new Date('2025-03-02T08:00:00.000Z')

  it('holds the entries as they are and a snapshot of every listed segment, and parses back', () => {
    const entries = [
      entry('braze:b-1', 'keep', { note: 'OK' }),
      entry('commanders-act:42', 'unreviewed', { note: 'À revoir', reviewer: 'Léa' }),
      entry('braze:gone', 'archive', { reviewedAt: '2024-12-31T23:59:59Z' }),
    ]
    const text = sessionJson(entries, SEGMENTS, ['braze', 'commanders-act'], NOW)
    const session = parseSessionFile(text)
    expect(session).toEqual({
      format: SESSION_FORMAT,
      version: SESSION_VERSION,
      exportedAt: '2025-03-02T08:00:00.000Z',
      snapshotProviders: ['braze', 'commanders-act'],
      entries,
      // Only key, name and tags; tags not provided are null, unlike an empty list.
      segments: [
        { key: 'braze:b-1', name: 'Clients fidèles', tags: ['vip', 'été'] },
        { key: 'braze:b-2', name: 'Sans tags', tags: [] },
        { key: 'braze:b-3', name: 'Ancien espace', tags: null },
        { key: 'braze:b-4', name: 'Jamais revu', tags: ['promo'] },
        { key: 'commanders-act:42', name: 'Visiteurs « été »', tags: null },
      ],
    })
    // Exactly what was written: no field dropped by the parse.
    expect(JSON.parse(text)).toEqual(session)
  })

  it('still snapshots the listed segments when nothing is reviewed', () => {
    const session = parseSessionFile(sessionJson([], SEGMENTS, ['braze', 'commanders-act'], NOW))
    expect(session.entries).toEqual([])
    expect(session.segments.map((segment) => segment.key)).toEqual([...SEGMENTS.keys()])
  })
})
