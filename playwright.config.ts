// Browser suite: Debian's Chromium against the app on its demo providers (one healthy, one with a failing provider).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'
// Debian's Chromium and its flags, shared with the bench (bench/run.mjs).
import chromiumSetup from './test/e2e/chromium.json' with { type: 'json' }

/** Empty credentials force demo mode even if the shell running the tests has real ones. */
const DEMO_ENV = {
  BRAZE_REST_ENDPOINT: '',
  BRAZE_API_KEY: '',
  COMMANDERS_ACT_SITE_ID: '',
  COMMANDERS_ACT_TOKEN: '',
  DEMO_LATENCY_MS: '40',
  VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
}

/** E2E_PORT_BASE lets two checkouts run the suite at once on one machine. */
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 4173)
const localUrl = (offset: number) => `http://127.0.0.1:${PORT_BASE + offset}`

export const HEALTHY_URL = localUrl(0)
export const FAILING_CA_URL = localUrl(1)
/**
 * A small workspace, quick to scan in full. Several journeys start there from an unscanned workspace and scan it: its
 * server keeps no Braze answers, or a new browser would start with another journey's scan.
 */
export const SMALL_URL = localUrl(2)
/** A small workspace whose audit only the team journeys write to, one at a time (test/e2e/team-audit.spec.ts). */
export const TEAM_URL = localUrl(3)
/** Braze answering 429 to every 5th call. */
export const RATE_LIMITED_URL = localUrl(4)
/**
 * A Braze budget far smaller than a scan needs (about 260 calls), reset every 30 s: whatever part of a window the scan
 * starts in, it has to wait for a reset at least twice.
 */
export const SMALL_BUDGET_URL = localUrl(5)
/** A Braze key without the details and series permissions. */
export const NO_PERMISSION_URL = localUrl(6)
/**
 * A small workspace whose audit only the review-queue journeys write to (test/e2e/review-queue.spec.ts); its server
 * keeps no Braze answers, so a journey's new browser starts from the list alone, whatever ran before it.
 */
export const QUEUE_URL = localUrl(7)

/** Each run's servers keep audits in a new folder: a run starts from an empty audit, never the project's data/. */
const AUDIT_FOLDER = mkdtempSync(join(tmpdir(), 'segment-audit-e2e-'))

/**
 * The built app, as `npm start` serves it (`npm run test:e2e` builds it here first): no module transformed on demand
 * while a journey waits, as a development server would on a busy machine.
 */
const E2E_BUILD = 'node_modules/.cache/e2e-dist'

const server = (url: string, env: Record<string, string>) => ({
  command: `npx vite preview --outDir ${E2E_BUILD} --port ${new URL(url).port} --strictPort --host 127.0.0.1`,
  url: `${url}/api/status`,
  env: { ...DEMO_ENV, DATABASE_URL: join(AUDIT_FOLDER, `audit-${new URL(url).port}.sqlite`), ...env },
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: 'ignore' as const,
})

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  timeout: 45_000,
  expect: { timeout: 15_000 },
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: HEALTHY_URL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? chromiumSetup.executablePath,
      args: chromiumSetup.args,
    },
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
  },
  webServer: [
    server(HEALTHY_URL, {}),
    server(FAILING_CA_URL, { DEMO_FAIL: 'commanders-act' }),
    server(SMALL_URL, {
      DEMO_BRAZE_SEGMENTS: '240',
      DEMO_CA_SEGMENTS: '60',
      DEMO_LATENCY_MS: '10',
      PROVIDER_CACHE_TTL_HOURS: '0',
    }),
    server(TEAM_URL, { DEMO_BRAZE_SEGMENTS: '240', DEMO_CA_SEGMENTS: '60', DEMO_LATENCY_MS: '10' }),
    server(QUEUE_URL, {
      DEMO_BRAZE_SEGMENTS: '240',
      DEMO_CA_SEGMENTS: '60',
      DEMO_LATENCY_MS: '10',
      PROVIDER_CACHE_TTL_HOURS: '0',
    }),
    server(RATE_LIMITED_URL, {
      DEMO_BRAZE_SEGMENTS: '1200',
      DEMO_CA_SEGMENTS: '50',
      DEMO_FAIL: 'rate-limit',
      DEMO_FAIL_EVERY: '5',
    }),
    server(SMALL_BUDGET_URL, {
      DEMO_BRAZE_SEGMENTS: '150',
      DEMO_CA_SEGMENTS: '10',
      DEMO_LATENCY_MS: '10',
      DEMO_BRAZE_RATE_LIMIT: '100',
      DEMO_BRAZE_RATE_WINDOW_SECONDS: '30',
    }),
    server(NO_PERMISSION_URL, {
      DEMO_BRAZE_SEGMENTS: '150',
      DEMO_CA_SEGMENTS: '10',
      DEMO_LATENCY_MS: '10',
      DEMO_FAIL: 'permission',
    }),
  ],
})
