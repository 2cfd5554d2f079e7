// The scenarios: cold full list, heap, rows in the DOM, keystrokes, sorting, warm reopen. Timings: bench/probes.mjs.
import { countRows, keystrokeProbe, listRequests, loadProbe, nextFrame, sortProbe } from './probes.mjs'
import { median } from './report.mjs'

/** Words typed into the search box, then erased with Backspace: short, common, most keystrokes change the count. */
export const TYPED_WORDS = ['clients', 'vip', 'test', 'ios', 'users', 'promo', 'push']
/** Pause between keystrokes once the previous one has settled: a brisk typist. */
const KEY_PAUSE_MS = 120
/** A keystroke whose status does not change within this is "no count change" (and checked again for a late change). */
const KEY_TIMEOUT_MS = 750

/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */
/** @typedef {import('@playwright/test').Page} Page */

/**
 * The marks each page's load probe has reported, and who waits for which. The probe reports through a binding, so the
 * harness never polls inside a page while it loads: its own scripts would run in the very time being measured.
 * @type {WeakMap<Page, { marks: Map<string, any>, waiting: Map<string, ((entry: any) => void)[]> }>}
 */
const reported = new WeakMap()

/**
 * The mark once the probe reports it painted, or null after `timeoutMs`.
 * @param {Page} page
 * @param {string} name
 * @param {number} timeoutMs
 * @returns {Promise<{ dom: number, painted: number } | null>}
 */
function waitForMark(page, name, timeoutMs) {
  const state = reported.get(page)
  if (!state) throw new Error('prepareLoad(page) first')
  const known = state.marks.get(name)
  if (known) return Promise.resolve(known)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs)
    state.waiting.set(name, [
      ...(state.waiting.get(name) ?? []),
      (entry) => {
        clearTimeout(timer)
        resolve(entry)
      },
    ])
  })
}

/**
 * Opens the list in `page` (a probe already installed by `prepareLoad`) and measures navigation → first row and →
 * full count, with the list requests seen on the way.
 * @param {Page} page
 * @param {string} url
 * @param {{ timeoutMs: number }} options
 */
export async function openList(page, url, { timeoutMs }) {
  await page.goto(url, { waitUntil: 'commit' })
  const full = await waitForMark(page, 'full', timeoutMs)
  const firstRow = await waitForMark(page, 'firstRow', 1000)
  const allRows = await waitForMark(page, 'allRows', timeoutMs)
  // Let the remaining list requests (speculative pages past the end) finish before reading the resource timings.
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {})
  const { requests, scripts, domContentLoadedMs } = await page.evaluate(listRequests)
  const longTasks = await page.evaluate(() => /** @type {any} */ (window).__bench.longTasks)
  return { full, firstRow, allRows, requests, scripts, domContentLoadedMs, longTasks }
}

/**
 * Opens a floor page (a probe already installed by `prepareLoad`) and measures navigation → `mark` painted, as the
 * app's load is measured: "full" for the list floor, "firstRow" for the static page.
 * @param {Page} page
 * @param {string} url
 * @param {'full' | 'firstRow'} mark
 * @param {{ timeoutMs: number }} options
 */
export async function openFloor(page, url, mark, { timeoutMs }) {
  await page.goto(url, { waitUntil: 'commit' })
  const entry = await waitForMark(page, mark, timeoutMs)
  return entry?.painted ?? null
}

/**
 * @param {Page} page
 * @param {string} fullText
 */
export async function prepareLoad(page, fullText) {
  // "12,000 segments": the table then has 12,000 rows and its header row.
  const rowCount = Number(fullText.replace(/\D/g, '')) + 1
  /** @type {Map<string, any>} */
  const marks = new Map()
  /** @type {Map<string, ((entry: any) => void)[]>} */
  const waiting = new Map()
  reported.set(page, { marks, waiting })
  await page.exposeBinding('__benchReport', (_source, /** @type {string} */ name, /** @type {any} */ entry) => {
    marks.set(name, entry)
    for (const resolve of waiting.get(name) ?? []) resolve(entry)
    waiting.delete(name)
  })
  await page.addInitScript(loadProbe, { fullText, rowCount })
}

/**
 * JS heap in use after a forced garbage collection, through the DevTools protocol.
 * @param {Page} page
 */
export async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage')
    return { usedBytes: usedSize, totalBytes: totalSize }
  } finally {
    await cdp.detach()
  }
}

/**
 * Rows in the DOM at the top, middle and bottom of the list (after the virtualiser has settled at each).
 * @param {Page} page
 */
export async function rowsWhileScrolling(page) {
  /** @type {{ at: string, allRows: number, dataRows: number }[]} */
  const samples = []
  for (const [at, fraction] of /** @type {const} */ ([
    ['top', 0],
    ['middle', 0.5],
    ['bottom', 1],
    ['top again', 0],
  ])) {
    await page.evaluate(
      (f) => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * f),
      fraction,
    )
    await page.evaluate(nextFrame)
    await page.waitForTimeout(150)
    await page.evaluate(nextFrame)
    samples.push({ at, ...(await page.evaluate(countRows)) })
  }
  return samples
}

/**
 * Types TYPED_WORDS into the search box with real key events, erasing each with Backspace.
 * @param {Page} page
 */
export async function typeInSearch(page) {
  const search = page.getByRole('searchbox', { name: 'Search segments' })
  await search.click()
  await page.evaluate(keystrokeProbe, { timeoutMs: KEY_TIMEOUT_MS })
  /** @type {any[]} */
  const keystrokes = []
  const press = async (/** @type {string} */ key) => {
    await page.keyboard.press(key)
    /** @type {any} */
    const result = await page.evaluate(() => /** @type {any} */ (window).__keys.wait())
    if (!result.changed) {
      // Not a slow update in disguise: the status must still read as before the key.
      await page.waitForTimeout(250)
      const now = await page.evaluate(() => /** @type {any} */ (window).__keys.statusText())
      if (now !== result.before) result.late = true
    }
    keystrokes.push(result)
    await page.waitForTimeout(KEY_PAUSE_MS)
  }
  for (const word of TYPED_WORDS) {
    for (const character of word) await press(character)
    for (let i = 0; i < word.length; i++) await press('Backspace')
  }
  const longTasks = await page.evaluate(() => {
    const keys = /** @type {any} */ (window).__keys
    keys.stop()
    return keys.longTasks
  })
  const finalValue = await search.inputValue()
  return { keystrokes, longTasks, finalValue }
}

/**
 * Clicks sortable headers with the mouse: pointerdown → the first rows change → next frame, for each click.
 * @param {Page} page
 * @param {string[]} labels column header labels, clicked in this order
 */
export async function sortClicks(page, labels) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.evaluate(sortProbe, { timeoutMs: 5000 })
  /** @type {any[]} */
  const clicks = []
  for (const label of labels) {
    const button = page.getByRole('columnheader', { name: label, exact: true }).getByRole('button')
    await button.scrollIntoViewIfNeeded()
    await button.click()
    const result = await page.evaluate(() => /** @type {any} */ (window).__sort.wait())
    const sortState = await page.getByRole('columnheader', { name: label, exact: true }).getAttribute('aria-sort')
    clicks.push({ column: label, sortState, ...result })
    await page.waitForTimeout(300)
  }
  return clicks
}

/**
 * Where a load's time went: document ready, first list request sent, how long one list request takes (the server's
 * part, 50 ms of it demo latency) — long requests mean a slow server, late ones a busy page.
 * @param {{ requests: { start: number, end: number }[], domContentLoadedMs: number | null }} result
 */
export function loadTimings({ requests, domContentLoadedMs }) {
  return {
    domContentLoadedMs,
    firstListRequestMs: requests.length ? Math.min(...requests.map((request) => request.start)) : null,
    listRequestMedianMs: median(requests.map((request) => request.end - request.start)),
  }
}
