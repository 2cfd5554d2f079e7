// CSV for spreadsheets: a BOM, RFC 4180 quoting that papaparse reads back unchanged, and formula injection neutralised.
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { neutraliseCsvCell, toCsv } from '../../src/lib/csv'

const BOM = '\uFEFF'

/** The BOM checked and removed, then the rows as a spreadsheet would read them. */
function parseBack(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true)
  const parsed = Papa.parse<string[]>(csv.slice(BOM.length), { delimiter: ',', newline: '\r\n' })
  expect(parsed.errors).toEqual([])
  return parsed.data
}

describe('neutraliseCsvCell', () => {
  it.each([
    { what: 'equals', cell: '=1+1', expected: "'=1+1" },
    { what: 'plus', cell: '+33 6 12', expected: "'+33 6 12" },
    { what: 'minus', cell: '-2+3', expected: "'-2+3" },
    { what: 'at', cell: '@SUM(A1)', expected: "'@SUM(A1)" },
    { what: 'tab', cell: '\t=1', expected: "'\t=1" },
    { what: 'carriage return', cell: '\r=1', expected: "'\r=1" },
    { what: 'a lone equals sign', cell: '=', expected: "'=" },
    { what: 'HYPERLINK formula', cell: '=HYPERLINK("http://x","y")', expected: `'=HYPERLINK("http://x","y")` },
    { what: 'a NUL', cell: '\u0000=1', expected: "'\u0000=1" },
    { what: 'a line feed', cell: '\n=1', expected: "'\n=1" },
    { what: 'spaces before an equals sign', cell: '   =1', expected: "'   =1" },
    { what: 'a no-break space before an equals sign', cell: '\u00A0=1', expected: "'\u00A0=1" },
    { what: 'a zero-width space before a plus', cell: '\u200B+1', expected: "'\u200B+1" },
    { what: 'a BOM before an at sign', cell: '\uFEFF@SUM(A1)', expected: "'\uFEFF@SUM(A1)" },
    { what: 'a full-width equals sign', cell: '＝1+1', expected: "'＝1+1" },
    { what: 'a full-width plus, minus or at', cell: '＋1－1＠', expected: "'＋1－1＠" },
    { what: 'a pipe (DDE)', cell: '|calc', expected: "'|calc" },
    { what: 'a control character alone', cell: '\u0001text', expected: "'\u0001text" },
  ])('prefixes a cell starting with $what', ({ cell, expected }) => {
    expect(neutraliseCsvCell(cell)).toBe(expected)
  })

  it.each([
    { what: 'plain text', cell: 'Clients fidèles' },
    { what: 'an equals sign in the middle', cell: 'a=b' },
    { what: 'a minus in the middle', cell: 'seg-123' },
    { what: 'an at sign in the middle', cell: 'me@example.com' },
    { what: 'an empty cell', cell: '' },
    { what: 'a leading space before text', cell: ' fidèle' },
    { what: 'a pipe in the middle', cell: 'a|b' },
    { what: 'a leading quote', cell: "'=1" },
    { what: 'a number', cell: '42' },
  ])('leaves $what alone', ({ cell }) => {
    expect(neutraliseCsvCell(cell)).toBe(cell)
  })
})

describe('toCsv', () => {
  it('starts with a byte order mark so spreadsheet apps read UTF-8 accents', () => {
    const csv = toCsv(['Nom'], [['Clients fidèles']])
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(parseBack(csv)).toEqual([['Nom'], ['Clients fidèles']])
  })

  it('separates rows with CRLF and writes plain cells unquoted', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['1', '2'],
          ['3', '4'],
        ],
      ),
    ).toBe(`${BOM}a,b\r\n1,2\r\n3,4`)
  })

  it('writes only the header when there are no rows', () => {
    expect(toCsv(['Name', 'ID'], [])).toMatch(/^\uFEFFName,ID(\r\n)?$/)
  })

  it.each([
    { what: 'a comma', cell: 'a,b', raw: '"a,b"' },
    { what: 'double quotes, doubled', cell: 'he said "hi"', raw: '"he said ""hi"""' },
    { what: 'a newline', cell: 'line\nbreak', raw: '"line\nbreak"' },
    { what: 'a CRLF', cell: 'line\r\nbreak', raw: '"line\r\nbreak"' },
    { what: 'leading and trailing spaces', cell: ' padded ', raw: '" padded "' },
  ])('quotes a cell holding $what (RFC 4180) and reads back unchanged', ({ cell, raw }) => {
    const csv = toCsv(['before', 'cell', 'after'], [['x', cell, 'y']])
    expect(csv).toBe(`${BOM}before,cell,after\r\nx,${raw},y`)
    expect(parseBack(csv)).toEqual([
      ['before', 'cell', 'after'],
      ['x', cell, 'y'],
    ])
  })

  it('round-trips a mixed table through papaparse', () => {
    const header = ['Name', 'Tags', 'Note']
    const rows = [
      ['Clients fidèles', 'vip; été', 'ok'],
      ['Quotes "inside", commas', 'a,b', 'multi\nline\r\ncell'],
      ['', '', ''],
      ['Ünïcödé ✓ 日本', 'œ æ ß', 'end'],
    ]
    expect(parseBack(toCsv(header, rows))).toEqual([header, ...rows])
  })

  it('neutralises formula cells in the rows and in the header', () => {
    const csv = toCsv(
      ['=Header', 'Name'],
      [
        ['@cmd', '=HYPERLINK("http://x","y")'],
        ['-1', 'a=b'],
      ],
    )
    expect(parseBack(csv)).toEqual([
      ["'=Header", 'Name'],
      ["'@cmd", `'=HYPERLINK("http://x","y")`],
      ["'-1", 'a=b'],
    ])
  })

  it.each([
    { what: 'leading zeros', id: '00012345' },
    { what: 'digits only', id: '12345678' },
    { what: 'digits around an E (read as 1.2E+35)', id: '12E34567' },
    { what: 'a lower-case e', id: '1e5' },
    { what: 'a decimal point', id: '0.5' },
  ])('writes an id of $what as a formula giving its text, so a spreadsheet keeps it as it is', ({ id }) => {
    const csv = toCsv(['ID', 'Name'], [[id, id]], ',', new Set([0]))
    expect(parseBack(csv)).toEqual([
      ['ID', 'Name'],
      [`="${id}"`, id],
    ])
  })

  it.each([
    { what: 'an upper-case hex id', id: 'BBFAC450' },
    { what: 'a UUID', id: '12345678-1234-4234-8234-123456789012' },
    { what: 'an empty id', id: '' },
  ])('writes $what as it is', ({ id }) => {
    expect(parseBack(toCsv(['ID'], [[id]], ',', new Set([0])))).toEqual([['ID'], [id]])
  })

  it('still neutralises a formula in an id column', () => {
    expect(parseBack(toCsv(['ID'], [['=1+1']], ',', new Set([0])))).toEqual([['ID'], ["'=1+1"]])
  })
})
