// Code that runs inside the page (serialised by Playwright): each timing the bench reports is taken here, on its clock.
//
// "Next frame" everywhere means: the first task after the frame that contains the change has run its rendering steps
// (requestAnimationFrame, then a MessageChannel message), so style, layout and paint of that change are included.
// performance.now() counts from the navigation's start, so load timings are "navigation → …".

/**
 * Init script for a list page load: marks when the first data row, the full count and the whole list in the table
 * appear in the DOM and when each is painted (reported to the harness as each is painted), and keeps every long task
 * from the start.
 * @param {{ fullText: string, rowCount: number }} options the status text that means "everything is listed", e.g.
 *   "12,000 segments", and how many rows the table has then (aria-rowcount, its header row included)
 */
export function loadProbe({ fullText, rowCount }) {
  /** @type {Record<string, { dom: number, painted?: number }>} */
  const marks = {}
  /** @type {{ start: number, duration: number }[]} */
  const longTasks = []
  Object.assign(window, { __bench: { marks, longTasks } })
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No long task API: reported as missing by the caller.
  }
  /** @param {(time: number) => void} done */
  const afterNextFrame = (done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => done(performance.now())
      channel.port2.postMessage(null)
    })
  /** @param {string} name */
  const mark = (name) => {
    if (marks[name]) return
    /** @type {{ dom: number, painted?: number }} */
    const entry = { dom: performance.now() }
    marks[name] = entry
    afterNextFrame((time) => {
      entry.painted = time
      // To the harness (a binding set up by prepareLoad): it then waits without running anything in the page.
      const report = /** @type {any} */ (window).__benchReport
      if (typeof report === 'function') void report(name, { dom: entry.dom, painted: entry.painted })
    })
  }
  const check = () => {
    if (!marks.firstRow && document.querySelector('table[aria-label="Segments"] tbody tr[aria-rowindex]'))
      mark('firstRow')
    const status = document.querySelector('[role="status"]')
    if (!marks.full && status && (status.textContent ?? '').trim().startsWith(fullText)) mark('full')
    if (!marks.allRows && document.querySelector(`table[aria-label="Segments"][aria-rowcount="${rowCount}"]`))
      mark('allRows')
    if (marks.firstRow && marks.full && marks.allRows) observer.disconnect()
  }
  const observer = new MutationObserver(check)
  observer.observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['aria-rowcount'],
  })
}

/**
 * Keystroke probe, installed once the list is loaded: keydown (its event time, so input queueing counts) → the status
 * text changes → next frame. `__keys.wait()` resolves with the measure of the last keystroke, or `changed: false`
 * when the status did not change within `timeoutMs` (a keystroke that changes no count).
 * Also observes long tasks from now on.
 * @param {{ timeoutMs: number }} options
 */
export function keystrokeProbe({ timeoutMs }) {
  const status = /** @type {HTMLElement} */ (document.querySelector('[role="status"]'))
  /** @type {{ start: number, duration: number }[]} */
  const longTasks = []
  const longTaskObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration })
  })
  longTaskObserver.observe({ type: 'longtask' })

  /**
   * @typedef {{
   *   key: string, down: number, before: string, dom?: number,
   *   result: Promise<unknown>, resolve: (value: unknown) => void
   * }} Entry
   */
  /** @type {Entry | null} */
  let pending = null

  window.addEventListener(
    'keydown',
    (event) => {
      /** @type {(value: unknown) => void} */
      let resolve = () => {}
      const result = new Promise((r) => (resolve = r))
      // event.timeStamp is when the browser received the key: any wait for a busy main thread is included.
      /** @type {Entry} */
      const entry = {
        key: event.key,
        down: Math.min(event.timeStamp, performance.now()),
        before: status.textContent ?? '',
        result,
        resolve,
      }
      pending = entry
      setTimeout(() => {
        if (entry.dom === undefined) resolve({ key: entry.key, changed: false, before: entry.before })
      }, timeoutMs)
    },
    { capture: true },
  )
  new MutationObserver(() => {
    const entry = pending
    if (!entry || entry.dom !== undefined || (status.textContent ?? '') === entry.before) return
    const dom = performance.now()
    entry.dom = dom
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        const painted = performance.now()
        entry.resolve({
          key: entry.key,
          changed: true,
          toDom: dom - entry.down,
          toFrame: painted - entry.down,
          text: status.textContent,
        })
      }
      channel.port2.postMessage(null)
    })
  }).observe(status, { subtree: true, childList: true, characterData: true })

  Object.assign(window, {
    __keys: {
      longTasks,
      stop: () => longTaskObserver.disconnect(),
      statusText: () => status.textContent ?? '',
      wait: () => (pending ? pending.result : Promise.resolve({ changed: false, error: 'no keydown seen' })),
    },
  })
}

/**
 * Sort probe: pointerdown on a header button → the first rows' content changes → next frame.
 * `__sort.wait()` resolves with the measure of the click just made.
 * @param {{ timeoutMs: number }} options
 */
export function sortProbe({ timeoutMs }) {
  const table = () => document.querySelector('table[aria-label="Segments"]')
  // The first five rows: a sort that happens to keep the very first row in place still changes the view.
  const firstRowsText = () =>
    [...(table()?.querySelectorAll('tbody tr[aria-rowindex]') ?? [])]
      .slice(0, 5)
      .map((row) => row.textContent)
      .join('\n')
  /**
   * @typedef {{
   *   down: number, before: string, dom?: number, result: Promise<unknown>, resolve: (value: unknown) => void
   * }} Entry
   */
  /** @type {Entry | null} */
  let pending = null
  window.addEventListener(
    'pointerdown',
    (event) => {
      /** @type {(value: unknown) => void} */
      let resolve = () => {}
      const result = new Promise((r) => (resolve = r))
      /** @type {Entry} */
      const entry = { down: Math.min(event.timeStamp, performance.now()), before: firstRowsText(), result, resolve }
      pending = entry
      setTimeout(() => {
        if (entry.dom === undefined) resolve({ changed: false })
      }, timeoutMs)
    },
    { capture: true },
  )
  new MutationObserver(() => {
    const entry = pending
    if (!entry || entry.dom !== undefined || firstRowsText() === entry.before) return
    const dom = performance.now()
    entry.dom = dom
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () =>
        entry.resolve({
          changed: true,
          toDom: dom - entry.down,
          toFrame: performance.now() - entry.down,
          firstRow: firstRowsText().split('\n')[0],
        })
      channel.port2.postMessage(null)
    })
  }).observe(document.body, { subtree: true, childList: true, characterData: true })
  Object.assign(window, {
    __sort: {
      wait: () => (pending ? pending.result : Promise.resolve({ changed: false, error: 'no pointerdown seen' })),
    },
  })
}

/** Rows in the DOM now: every `tr` of the document, and the segments table's data rows. */
export function countRows() {
  return {
    allRows: document.querySelectorAll('tr').length,
    dataRows: document.querySelectorAll('table[aria-label="Segments"] tbody tr[aria-rowindex]').length,
  }
}

/** Resolves after the next frame has rendered (see the top of this file). */
export function nextFrame() {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(null)
    }),
  )
}

/**
 * The list requests this page made, on the page's clock (ms since navigation start), the scripts it loaded, and when
 * the document was ready.
 */
export function listRequests() {
  const navigation = /** @type {PerformanceNavigationTiming | undefined} */ (
    performance.getEntriesByType('navigation')[0]
  )
  const requests = performance
    .getEntriesByType('resource')
    .filter((entry) => /\/api\/(braze\/segments\/list|commanders-act\/segments\/list)/.test(entry.name))
    .map((entry) => {
      const timing = /** @type {PerformanceResourceTiming} */ (entry)
      return {
        url: new URL(timing.name).pathname + new URL(timing.name).search,
        start: timing.startTime,
        end: timing.responseEnd,
      }
    })
  const scripts = performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => /\.m?js$/.test(path))
  return { requests, scripts, domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? null }
}
