// CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, a BOM so accents survive, and formula injection neutralised.
// Writing CSV is this one rule (quote a cell that holds a quote, a comma, a line break or edge spaces, doubling its
// quotes); a parsing library would weigh 7 KB gzip in the browser for it.

/** OWASP: a cell starting with one of these is read as a formula by spreadsheet apps. */
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/

export function neutraliseCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

function quoteCsvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => cells.map((cell) => quoteCsvCell(neutraliseCsvCell(cell))).join(',')
  return `\uFEFF${[header, ...rows].map(line).join('\r\n')}`
}
