// CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, a BOM so accents survive, and formula injection neutralised.
// Writing CSV is this one rule (quote a cell that holds a quote, a comma, a line break or edge spaces, doubling its
// quotes); a parsing library would weigh 7 KB gzip in the browser for it.

/**
 * Spreadsheets skip these before reading a formula (OWASP ASVS 1.2.10): control characters, spaces, no-break and
 * zero-width spaces, the BOM.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this must find
const IGNORED_LEAD = /^[\u0000-\u0020\u00A0\u1680\u2000-\u200F\u2028-\u202F\u205F-\u2060\u3000\uFEFF]+/
/** Then a cell starting with one of these is read as a formula: ASCII and full-width `= + - @`, and `|` (DDE). */
const FORMULA_START = /^[=+\-@|\uFF1D\uFF0B\uFF0D\uFF20]/
const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/

export function neutraliseCsvCell(value: string): string {
  const lead = IGNORED_LEAD.exec(value)?.[0] ?? ''
  // A leading control character is itself refused by some importers as the start of a formula: always neutralised.
  const controlLead = value.length > 0 && value.charCodeAt(0) < 0x20
  return controlLead || FORMULA_START.test(value.slice(lead.length)) ? `'${value}` : value
}

/**
 * A spreadsheet opening a CSV reads a cell of digits (around a decimal point or an exponent) as a number: a Commanders
 * Act id such as 00012345 loses its zeros, and 12E34567 becomes 1.2E+35. Only such ids need more than their text.
 */
const NUMBER_LIKE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/**
 * An identifier a spreadsheet would read as a number, written as a formula giving that text (`="00012345"`): Excel
 * and Google Sheets show the id as it is (LibreOffice too, when it evaluates formulas as it opens a CSV). Built here
 * from digits, a point and an E only, so it is no formula injection; any other identifier is written as its text.
 */
function identifierCell(value: string): string {
  return NUMBER_LIKE.test(value) ? `="${value}"` : neutraliseCsvCell(value)
}

function quoteCsvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** Excel opens a CSV with the computer's regional list separator: `;` where the decimal mark is a comma (French). */
export type CsvSeparator = ',' | ';'

export function csvSeparatorFor(language: string): CsvSeparator {
  return language.toLowerCase().startsWith('fr') ? ';' : ','
}

/** `identifiers`: the columns that hold ids, which must reach the spreadsheet as text, not as numbers. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  separator: CsvSeparator = ',',
  identifiers: ReadonlySet<number> = new Set(),
): string {
  const cell = (value: string, column: number) =>
    quoteCsvCell(identifiers.has(column) ? identifierCell(value) : neutraliseCsvCell(value))
  const head = header.map((value) => quoteCsvCell(neutraliseCsvCell(value))).join(separator)
  const body = rows.map((cells) => cells.map(cell).join(separator))
  return `\uFEFF${[head, ...body].join('\r\n')}`
}

/**
 * A translate function that looks each text up once: an export of 20,000 segments asks for the same few words ("not
 * loaded", "Unreviewed", a finding's name) 100,000 times, and i18next's lookup of each froze the page for a second.
 */
export function translatingOnce<T>(t: T): T {
  const translate = t as (key: string, options?: object) => string
  const texts = new Map<string, string>()
  return ((key: string, options?: object) => {
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`
    let text = texts.get(id)
    if (text === undefined) {
      text = translate(key, options)
      texts.set(id, text)
    }
    return text
  }) as T
}
