// CSV for spreadsheets: RFC 4180 quoting by papaparse, a BOM so accents survive, and formula injection neutralised.
import Papa from 'papaparse'

/** OWASP: a cell starting with one of these is read as a formula by spreadsheet apps. */
const FORMULA_START = /^[=+\-@\t\r]/

export function neutraliseCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const safeRows = rows.map((row) => row.map(neutraliseCsvCell))
  // papaparse's own escapeFormulae is off: the rule above is applied to every cell, headers included.
  return `\uFEFF${Papa.unparse({ fields: header.map(neutraliseCsvCell), data: safeRows }, { quotes: false, newline: '\r\n' })}`
}
