// `npm run bench:compare -- <build dir> <build dir> …`: cold loads of several builds of the app, interleaved (for each
// round and each build: the list floor, then a cold load of that build, each in a new context), so that the machine's
// drift from minute to minute falls on every build alike. Prints, per build, the median ratio to the floor, the app's
// and the floor's medians, and the page's main-thread time up to "12,000 segments" painted (Chromium's task and script
// time): a change smaller than the ratio's run-to-run noise (±0.08) still shows in the main thread's work.
//
// Make each build with `npx vite build --outDir /tmp/some-name` from the code to compare. COMPARE_RUNS=9 by default.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { writeFloorPages } from './floor.mjs'
import { openFloor, openList, prepareLoad } from './measure.mjs'
import { median } from './report.mjs'
import { freePort, startPreview } from './server.mjs'

const DEMO = { braze: 10_000, commandersAct: 2_000, latencyMs: 50 }
const FULL_TEXT = `${(DEMO.braze + DEMO.commandersAct).toLocaleString('en-US')} segments`
const CHROMIUM = JSON.parse(readFileSync(fileURLToPath(new URL('../test/e2e/chromium.json', import.meta.url)), 'utf8'))
const CONTEXT_OPTIONS = { viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'UTC' }
const TIMEOUT_MS = 20_000
const ROOT = fileURLToPath(new URL('..', import.meta.url))

const dirs = process.argv.slice(2)
const runs = Number(process.env.COMPARE_RUNS ?? 9)
if (dirs.length === 0 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run bench:compare -- <build dir> [<build dir> …]   (COMPARE_RUNS=9)')
  process.exit(2)
}

/** @param {number[]} values */
const med = (values) => Math.round(median(values) ?? Number.NaN)

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || CHROMIUM.executablePath,
  args: CHROMIUM.args,
})
/**
 * @type {{
 *   dir: string, floorPath: string, server: Awaited<ReturnType<typeof startPreview>>,
 *   ratios: number[], app: number[], floor: number[], task: number[], script: number[]
 * }[]}
 */
const builds = []
try {
  for (const dir of dirs) {
    const { listPath } = await writeFloorPages(dir)
    const server = await startPreview({ root: ROOT, outDir: dir, port: await freePort(), demo: DEMO })
    builds.push({ dir, floorPath: listPath, server, ratios: [], app: [], floor: [], task: [], script: [] })
  }
  // One unmeasured round: the servers' JIT and demo data warm, as in `npm run bench`.
  for (let round = 0; round <= runs; round++) {
    for (const build of builds) {
      const floorContext = await browser.newContext(CONTEXT_OPTIONS)
      const floorPage = await floorContext.newPage()
      await prepareLoad(floorPage, FULL_TEXT)
      const floor = await openFloor(floorPage, `${build.server.url}${build.floorPath}`, 'full', {
        timeoutMs: TIMEOUT_MS,
      })
      await floorContext.close()

      const context = await browser.newContext(CONTEXT_OPTIONS)
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Performance.enable')
      await prepareLoad(page, FULL_TEXT)
      const load = await openList(page, `${build.server.url}/`, { timeoutMs: TIMEOUT_MS })
      const { metrics } = await cdp.send('Performance.getMetrics')
      await context.close()
      const seconds = (/** @type {string} */ name) => metrics.find((metric) => metric.name === name)?.value ?? 0
      const app = load.full?.painted
      if (round === 0 || floor === null || app === undefined) continue
      build.floor.push(floor)
      build.app.push(app)
      build.ratios.push(app / floor)
      // Up to when the metrics were read (the load, then the wait for the speculative pages past the end).
      build.task.push(seconds('TaskDuration') * 1000)
      build.script.push(seconds('ScriptDuration') * 1000)
    }
  }
} finally {
  for (const build of builds) await build.server.stop()
  await browser.close()
}

for (const { dir, ratios, app, floor, task, script } of builds) {
  console.log(
    `${dir}: cold ÷ floor ${(median(ratios) ?? Number.NaN).toFixed(2)} × (runs ${ratios.map((ratio) => ratio.toFixed(2)).join(' ')})` +
      ` | app ${med(app)} ms, floor ${med(floor)} ms | main thread ${med(task)} ms, script ${med(script)} ms`,
  )
}
