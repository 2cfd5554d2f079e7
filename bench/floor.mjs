// The floors the app's load times are judged against, served by the same `vite preview` as the app: a bare page that
// fetches the whole list through the proxy and only counts the rows, and a static page of rows in the app's styles.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Where the floor pages are served from, inside the bench's own build folder (never the app's dist/). */
export const FLOOR_PATH = '/bench-floor'
/** The most Braze pages one request may ask the proxy for (`list/pages?pages=K`, K ≤ 5): the floor's best case. */
const PAGES_PER_REQUEST = 5
/** The browser's connections per host: the floor keeps each one busy with Braze and lets the browser queue the rest. */
const CONNECTIONS = 6
/** Data rows the static page paints: about one screen of the app's table, as the warm reopen's first rows. */
const STATIC_ROWS = 40

/**
 * The list floor's script, inline so that nothing but the document stands before the first request. It sends the app's
 * request header, so the proxy treats it exactly as the app. "N segments" in a status is what the bench's load probe
 * waits for, as it does in the app.
 */
const listScript = `
const headers = { 'X-Segment-Audit': '1' }
const status = document.querySelector('[role="status"]')
let rows = 0
let nextPage = 0
let ended = false
async function json(url) {
  const response = await fetch(url, { headers })
  if (!response.ok) throw new Error(url + ' answered ' + response.status)
  return response.json()
}
async function brazeConnection() {
  while (!ended) {
    const first = nextPage
    nextPage += ${PAGES_PER_REQUEST}
    const { pages } = await json('/api/braze/segments/list/pages?page=' + first + '&pages=${PAGES_PER_REQUEST}')
    // The proxy answers per page: { page, status, body } (or an error, which the demo at this size never sends).
    for (const { body } of pages) {
      rows += body.segments.length
      // Braze's paging: the first page with fewer than 100 segments is the last.
      if (body.segments.length < 100) ended = true
    }
  }
}
async function commandersAct() {
  // Not \`rows += await …\`: that reads \`rows\` before the wait and would drop the Braze rows counted meanwhile.
  const segments = await json('/api/commanders-act/segments/list')
  rows += segments.length
}
const connections = Array.from({ length: ${CONNECTIONS} }, brazeConnection)
Promise.all([commandersAct(), ...connections]).then(
  () => { status.textContent = rows.toLocaleString('en-US') + ' segments' },
  (error) => { status.textContent = 'Floor failed: ' + error.message },
)
`

/** @param {string} title @param {string} body @param {string} [head] */
const page = (title, body, head = '') =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>\n`

/** A table as the bench's probe recognises the app's: its first data row marks "first rows painted". */
function staticTable() {
  const rows = Array.from(
    { length: STATIC_ROWS },
    (_, index) => `<tr aria-rowindex="${index + 2}"><td>Segment ${index + 1}</td><td>Braze</td><td>tag</td></tr>`,
  )
  return `<table aria-label="Segments"><thead><tr><th>Name</th><th>Provider</th><th>Tags</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

/**
 * Writes the floor pages into the served folder; returns their paths on the server.
 * @param {string} outDir the folder `vite preview` serves
 */
export async function writeFloorPages(outDir) {
  const folder = join(outDir, ...FLOOR_PATH.split('/').filter(Boolean))
  await mkdir(folder, { recursive: true })
  await writeFile(
    join(folder, 'list.html'),
    page('Floor: the whole list fetched', `<div role="status"></div><script type="module">${listScript}</script>`),
  )
  // The app's stylesheets (already in the profile's cache, as the app's assets are on a reopen), and no script.
  const appIndex = await readFile(join(outDir, 'index.html'), 'utf8')
  const stylesheets = appIndex.match(/<link rel="stylesheet"[^>]*>/g) ?? []
  await writeFile(join(folder, 'static.html'), page('Floor: a static page', staticTable(), stylesheets.join('')))
  return {
    listPath: `${FLOOR_PATH}/list.html`,
    staticPath: `${FLOOR_PATH}/static.html`,
    pagesPerRequest: PAGES_PER_REQUEST,
    connections: CONNECTIONS,
  }
}
