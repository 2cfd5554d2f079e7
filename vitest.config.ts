// Vitest runs without the proxy plugin: tests that need the proxy start a Vite server themselves.
// Two projects: logic tests (`*.test.ts`) in Node and component tests (`*.test.tsx`, and the logic files that ask
// for jsdom) in jsdom, each sharing its workers' module graph.
import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// Every test runs west of UTC, where a date's UTC midnight is the evening before: a date read or shown in the wrong
// zone moves a day and fails its test, whatever zone the machine is in. Set before any worker starts, so that all of
// them, threads too, take it.
process.env.TZ = 'America/Los_Angeles'

// A logic file that asks for jsdom (`// @vitest-environment jsdom` on its first line) runs with the component files.
// Vitest keeps a worker for the next file only if that file has the same pool and environment: one jsdom file among
// the node ones stopped the worker before it and the one after it, and each new process loaded the app again (six new
// processes for three such files, ~3 s each).
const testFolder = new URL('./test/', import.meta.url)
const jsdomLogicFiles = (readdirSync(testFolder, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.test.ts'))
  .filter((file) => readFileSync(new URL(file, testFolder), 'utf8').startsWith('// @vitest-environment jsdom'))
  .map((file) => `test/${file}`)

export default defineConfig({
  plugins: [react()],
  test: {
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    testTimeout: 15_000,
    // Vitest's default (CPUs − 1) runs the suite on one worker on a 2-CPU machine, where two finish it sooner: each
    // worker spends part of its time waiting (timers, MSW, IndexedDB), not computing.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', ...jsdomLogicFiles],
          environment: 'node',
          // Loading the app's modules once per worker instead of once per file saves most of these files' time; the
          // setup resets every store and setting before each test.
          isolate: false,
        },
      },
      {
        extends: true,
        // The component files share a worker's module graph too (~85 → ~50 s for `npm test` here: React, the app and
        // the translations load once per worker, and run warm). They run in worker threads, which start faster than the
        // default child processes; the node files keep processes: the proxy tests start Vite servers, which need a
        // process of their own.
        test: {
          name: 'dom',
          include: ['test/**/*.test.tsx', ...jsdomLogicFiles],
          environment: 'jsdom',
          pool: 'threads',
          isolate: false,
        },
      },
    ],
  },
})
