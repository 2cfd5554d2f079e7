// Budgets, statistics and the printed table.

/**
 * The budgets. Load times are ratios to floors measured in the same run, on the same machine and in the same browser:
 * what slows the machine slows the floor too. Override one for a trial with BENCH_BUDGETS="fullListRatio=1.2" or
 * `--budget fullListRatio=1.2` (the results file records the budgets used).
 */
export const DEFAULT_BUDGETS = {
  /** cold full list (navigation → every segment counted in the status, painted) ÷ the list floor's fetch; medians */
  fullListRatio: 1.5,
  /** warm reopen (navigation → first rows painted) ÷ the static page's first paint in the same profile, both medians */
  warmReopenRatio: 2,
  /** keydown → updated status → next frame, 95th percentile */
  keystrokeP95Ms: 50,
  /** long tasks (> 50 ms) while typing */
  longTasksWhileTyping: 0,
  /** most `tr` elements in the document at any sampled moment */
  rowsInDom: 150,
  /** the JavaScript chunks the list page loads, gzip, in kB of 1,000 bytes */
  jsGzipKb: 170,
  /** 1: on every reopen the first rows must be painted before any list response ends (from a cache); 0: not checked */
  warmRowsBeforeNetwork: 1,
}

/** @typedef {typeof DEFAULT_BUDGETS} Budgets */

/**
 * @param {string[]} specs "name=value" items
 * @returns {Budgets}
 */
export function readBudgets(specs) {
  const budgets = { ...DEFAULT_BUDGETS }
  for (const spec of specs) {
    const match = /^\s*(\w+)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(spec)
    if (!match || !(match[1] in budgets)) {
      throw new Error(
        `Unknown budget "${spec}": use name=value with a name among ${Object.keys(DEFAULT_BUDGETS).join(', ')}.`,
      )
    }
    budgets[/** @type {keyof Budgets} */ (match[1])] = Number(match[2])
  }
  return budgets
}

/**
 * Nearest-rank percentile.
 * @param {number[]} values
 * @param {number} p 0–100
 */
export function percentile(values, p) {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]
}

/** @param {number[]} values */
export const median = (values) => percentile(values, 50)

/** @param {number | null | undefined} value */
export const ms = (value) =>
  value === null || value === undefined ? 'n/a' : `${Math.round(value).toLocaleString('en-US')} ms`

/** @param {number} bytes */
export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`

/**
 * @typedef {{ metric: string, value: string, budget?: string, pass?: boolean, indent?: boolean }} Row
 * @param {Row[]} rows
 */
export function formatTable(rows) {
  const cells = rows.map((row) => [
    `${row.indent ? '  ' : ''}${row.metric}`,
    row.value,
    row.budget ?? '',
    row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL',
  ])
  const header = ['Metric', 'Value', 'Budget', 'Result']
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)))
  /** @param {string[]} line */
  const format = (line) =>
    `| ${line.map((cell, column) => (column === 1 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join(' | ')} |`
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`
  return [format(header), rule, ...cells.map(format)].join('\n')
}
