// The run's figures (medians, percentiles) and the rows of the printed table, with each budget's verdict.
import { kb, median, ms, percentile } from './report.mjs'

/**
 * The figures of one run, from the raw measures.
 * @param {any} input
 */
export function summarise({ cold, warm, typing, sorts, rowSamples, heap, chunks, jsGzipBytes }) {
  const changed = (typing?.keystrokes ?? []).filter((/** @type {any} */ key) => key.changed)
  const toFrame = changed.map((/** @type {any} */ key) => key.toFrame)
  const typingLongTasks = typing?.longTasks ?? []
  const pick = (/** @type {any[]} */ runs, /** @type {string} */ field) =>
    runs.map((run) => run[field]).filter((value) => value !== null)
  return {
    fullListMs: cold.every((/** @type {any} */ run) => run.fullListMs !== null)
      ? median(pick(cold, 'fullListMs'))
      : null,
    fullListRunsMs: pick(cold, 'fullListMs').map(Math.round),
    coldFirstRowMs: median(pick(cold, 'firstRowMs')),
    coldLastListResponseMs: median(pick(cold, 'lastListResponseMs')),
    coldDomContentLoadedMs: median(pick(cold, 'domContentLoadedMs')),
    coldFirstListRequestMs: median(pick(cold, 'firstListRequestMs')),
    coldListRequestMedianMs: median(pick(cold, 'listRequestMedianMs')),
    coldBrazePagesRequested: median(pick(cold, 'brazePagesRequested')),
    coldBrazeListRequests: median(pick(cold, 'brazeListRequests')),
    coldLongTasks: median(pick(cold, 'longTasks')),
    coldLongTaskTotalMs: median(pick(cold, 'longTaskTotalMs')),
    coldLongestTaskMs: median(pick(cold, 'longestTaskMs')),
    keystrokes: typing?.keystrokes.length ?? 0,
    keystrokesMeasured: changed.length,
    keystrokesWithoutCountChange: (typing?.keystrokes ?? []).filter(
      (/** @type {any} */ key) => !key.changed && !key.late,
    ).length,
    keystrokesLate: (typing?.keystrokes ?? []).filter((/** @type {any} */ key) => key.late).length,
    keystrokeP50Ms: percentile(toFrame, 50),
    keystrokeP95Ms: changed.length >= 30 ? percentile(toFrame, 95) : null,
    keystrokeMaxMs: percentile(toFrame, 100),
    keystrokeDomP95Ms: percentile(
      changed.map((/** @type {any} */ key) => key.toDom),
      95,
    ),
    searchClearedAfterTyping: typing ? typing.finalValue === '' : null,
    longTasksWhileTyping: typing ? typingLongTasks.length : null,
    longestTaskWhileTypingMs: Math.max(0, ...typingLongTasks.map((/** @type {any} */ task) => task.duration)),
    sortClicks: sorts.map((/** @type {any} */ sort) => ({
      column: sort.column,
      order: sort.sortState,
      ms: sort.changed ? sort.toFrame : null,
    })),
    sortMaxMs:
      sorts.length && sorts.every((/** @type {any} */ sort) => sort.changed)
        ? Math.max(...sorts.map((/** @type {any} */ sort) => sort.toFrame))
        : null,
    rowsInDom: rowSamples.length ? Math.max(...rowSamples.map((/** @type {any} */ sample) => sample.allRows)) : null,
    dataRowsInDom: rowSamples.length
      ? Math.max(...rowSamples.map((/** @type {any} */ sample) => sample.dataRows))
      : null,
    jsGzipBytes,
    // The chunks the list page itself loaded (the other routes' chunks wait until they are opened).
    listPageJsGzipBytes: chunks
      .filter((/** @type {any} */ chunk) =>
        (cold[0]?.scripts ?? []).some((/** @type {string} */ path) => path.endsWith(`/${chunk.file}`)),
      )
      .reduce((/** @type {number} */ sum, /** @type {any} */ chunk) => sum + chunk.gzipBytes, 0),
    heapUsedBytes: heap?.usedBytes ?? null,
    warmFirstRowsMs:
      warm.length && warm.every((/** @type {any} */ run) => run.firstRowsMs !== null)
        ? median(pick(warm, 'firstRowsMs'))
        : null,
    warmFirstRowsRunsMs: pick(warm, 'firstRowsMs').map(Math.round),
    warmFirstListResponseMs: median(pick(warm, 'firstListResponseMs')),
    warmBeforeNetwork: warm.length > 0 && warm.every((/** @type {any} */ run) => run.beforeNetwork),
    warmFullListMs: median(pick(warm, 'fullListMs')),
    warmAllRowsMs: median(pick(warm, 'allRowsMs')),
    warmDomContentLoadedMs: median(pick(warm, 'domContentLoadedMs')),
    warmFirstListRequestMs: median(pick(warm, 'firstListRequestMs')),
  }
}

/**
 * The floors' medians and runs.
 * @param {{ listFloorRuns: (number | null)[], staticRuns: (number | null)[] }} runs
 */
export function summariseFloors({ listFloorRuns, staticRuns }) {
  const complete = (/** @type {(number | null)[]} */ values) =>
    values.length > 0 && values.every((value) => value !== null)
  const measured = (/** @type {(number | null)[]} */ values) => values.filter((value) => value !== null)
  return {
    listFetchMs: complete(listFloorRuns) ? median(measured(listFloorRuns)) : null,
    listFetchRunsMs: measured(listFloorRuns).map(Math.round),
    staticFirstPaintMs: complete(staticRuns) ? median(measured(staticRuns)) : null,
    staticFirstPaintRunsMs: measured(staticRuns).map(Math.round),
  }
}

/**
 * The judged ratios: the app's median over its floor's median, or null when either is missing.
 * @param {ReturnType<typeof summarise>} figures
 * @param {ReturnType<typeof summariseFloors>} floors
 */
export function ratiosOf(figures, floors) {
  const ratio = (/** @type {number | null} */ value, /** @type {number | null} */ floor) =>
    value === null || floor === null || floor <= 0 ? null : Math.round((100 * value) / floor) / 100
  return {
    fullList: ratio(figures.fullListMs, floors.listFetchMs),
    warmReopen: ratio(figures.warmFirstRowsMs, floors.staticFirstPaintMs),
  }
}

/** @param {number | null} value */
const times = (value) => (value === null ? 'n/a' : `${value.toFixed(2)} ×`)

/**
 * The printed table: one line per figure, the budgeted ones with their verdict.
 * @param {ReturnType<typeof summarise>} f
 * @param {{
 *   budgets: import('./report.mjs').Budgets, fullText: string, chunks: any[],
 *   floors: ReturnType<typeof summariseFloors>, ratios: ReturnType<typeof ratiosOf>,
 *   floorPages: { pagesPerRequest: number, connections: number }
 * }} context
 * @returns {import('./report.mjs').Row[]}
 */
export function tableRows(f, { budgets, fullText, chunks, floors, ratios, floorPages }) {
  const within = (/** @type {number | null} */ value, /** @type {number} */ limit) => value !== null && value <= limit
  return [
    {
      metric: `Cold full list ÷ list floor (ratio of medians)`,
      value: times(ratios.fullList),
      budget: `≤ ${budgets.fullListRatio} ×`,
      pass: within(ratios.fullList, budgets.fullListRatio),
    },
    {
      metric: `app: navigation → "${fullText}" painted (median of ${f.fullListRunsMs.length}; runs ${f.fullListRunsMs.join(' / ')} ms)`,
      value: ms(f.fullListMs),
      indent: true,
    },
    {
      metric: `floor: a bare page fetching every list page (${floorPages.connections} × ${floorPages.pagesPerRequest} pages in flight) and counting rows (runs ${floors.listFetchRunsMs.join(' / ')} ms)`,
      value: ms(floors.listFetchMs),
      indent: true,
    },
    {
      metric: 'document ready / first list request / first row painted',
      value: `${ms(f.coldDomContentLoadedMs)} / ${ms(f.coldFirstListRequestMs)} / ${ms(f.coldFirstRowMs)}`,
      indent: true,
    },
    {
      metric: 'one list request (median) / last list response',
      value: `${ms(f.coldListRequestMedianMs)} / ${ms(f.coldLastListResponseMs)}`,
      indent: true,
    },
    {
      metric: 'Braze list pages requested (in requests)',
      value: `${f.coldBrazePagesRequested ?? 'n/a'} (${f.coldBrazeListRequests ?? 'n/a'})`,
      indent: true,
    },
    {
      metric: 'long tasks during the load (count / total / longest)',
      value: `${f.coldLongTasks ?? 'n/a'} / ${ms(f.coldLongTaskTotalMs)} / ${ms(f.coldLongestTaskMs)}`,
      indent: true,
    },
    {
      metric: `Keystroke → updated status → next frame, p95 (${f.keystrokesMeasured} of ${f.keystrokes} keys changed the count)`,
      value: ms(f.keystrokeP95Ms),
      budget: `≤ ${ms(budgets.keystrokeP95Ms)} (≥ 30 keys)`,
      pass: within(f.keystrokeP95Ms, budgets.keystrokeP95Ms) && f.keystrokesLate === 0,
    },
    { metric: 'p50 / max', value: `${ms(f.keystrokeP50Ms)} / ${ms(f.keystrokeMaxMs)}`, indent: true },
    {
      metric: 'p95 up to the DOM change only (before style, layout, paint)',
      value: ms(f.keystrokeDomP95Ms),
      indent: true,
    },
    { metric: 'keys whose count changed after 750 ms (late)', value: `${f.keystrokesLate}`, indent: true },
    {
      metric: 'Long tasks (> 50 ms) while typing',
      value:
        f.longTasksWhileTyping === null
          ? 'n/a'
          : `${f.longTasksWhileTyping}${f.longTasksWhileTyping ? ` (longest ${ms(f.longestTaskWhileTypingMs)})` : ''}`,
      budget: `≤ ${budgets.longTasksWhileTyping}`,
      pass: within(f.longTasksWhileTyping, budgets.longTasksWhileTyping),
    },
    ...f.sortClicks.map((/** @type {any} */ sort, /** @type {number} */ index) => ({
      metric: `${index === 0 ? 'Sort click → first rows change → next frame: ' : ''}${sort.column} (${sort.order})`,
      value: ms(sort.ms),
      indent: index > 0,
    })),
    {
      metric: 'Rows in the DOM (most `tr` seen: top/middle/bottom, before and after sorting)',
      value: `${f.rowsInDom ?? 'n/a'} (${f.dataRowsInDom ?? 'n/a'} data rows)`,
      budget: `≤ ${budgets.rowsInDom}`,
      pass: within(f.rowsInDom, budgets.rowsInDom),
    },
    {
      metric: 'JavaScript the list page loads, gzip',
      value: kb(f.listPageJsGzipBytes),
      budget: `≤ ${budgets.jsGzipKb} kB`,
      pass: f.listPageJsGzipBytes > 0 && f.listPageJsGzipBytes <= budgets.jsGzipKb * 1000,
    },
    { metric: `all chunks (${chunks.length})`, value: kb(f.jsGzipBytes), indent: true },
    ...chunks.map((/** @type {any} */ chunk) => ({
      metric: chunk.file,
      value: `${kb(chunk.gzipBytes)} (${kb(chunk.bytes)} raw)`,
      indent: true,
    })),
    {
      metric: 'Warm reopen ÷ static page first paint, same browser profile on disk (ratio of medians)',
      value: times(ratios.warmReopen),
      budget: `≤ ${budgets.warmReopenRatio} ×${budgets.warmRowsBeforeNetwork ? ', before network' : ''}`,
      pass:
        within(ratios.warmReopen, budgets.warmReopenRatio) && (f.warmBeforeNetwork || !budgets.warmRowsBeforeNetwork),
    },
    {
      metric: `app: navigation → first rows painted (median of ${f.warmFirstRowsRunsMs.length}; runs ${f.warmFirstRowsRunsMs.join(' / ')} ms)`,
      value: ms(f.warmFirstRowsMs),
      indent: true,
    },
    {
      metric: `floor: a static page of rows, navigation → painted (runs ${floors.staticFirstPaintRunsMs.join(' / ')} ms)`,
      value: ms(floors.staticFirstPaintMs),
      indent: true,
    },
    {
      metric: 'rows painted before the first list response?',
      value: `${f.warmBeforeNetwork ? 'yes' : 'no'} (${f.warmFirstListResponseMs === null ? 'no list request' : `first response ${ms(f.warmFirstListResponseMs)}`})`,
      indent: true,
    },
    {
      metric: `document ready / first list request / "${fullText}" painted / all rows in the table`,
      value: `${ms(f.warmDomContentLoadedMs)} / ${ms(f.warmFirstListRequestMs)} / ${ms(f.warmFullListMs)} / ${ms(f.warmAllRowsMs)}`,
      indent: true,
    },
    {
      metric: 'JS heap used after the list is loaded (after GC)',
      value: f.heapUsedBytes === null ? 'n/a' : `${(f.heapUsedBytes / 2 ** 20).toFixed(1)} MB`,
    },
  ]
}
