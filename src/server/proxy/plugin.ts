// The Vite plugin that serves /api/* in `vite` and `vite preview` alike, starting the demo
// providers when no credentials are set.
import type { Logger, Plugin, PreviewServer, ViteDevServer } from 'vite'
import { auditMiddleware, createAuditHandler } from '../audit/routes.ts'
import { sessionOriginOf } from '../audit/session-origin.ts'
import { assertSafeListenAddress, openAuditStore, readAuditSettings } from '../audit/setup.ts'
import { readDemoOptions } from '../demo/demo-options.ts'
import { startDemoProviders } from '../demo/serve.ts'
import { findExposedSecrets, hasAnyCredential, readRealTargets, type ProxyTargets, type ServerEnv } from './config.ts'
import { readProxyLimits } from './limits.ts'
import { workspaceOf } from './answer-cache.ts'
import { createProxyMiddleware } from './middleware.ts'
import { requestGuard } from './request-guard.ts'

export interface SegmentAuditProxyOptions {
  /** The server-side environment (process.env merged with .env files). Read here, never passed to the client. */
  env: ServerEnv
  upstreamTimeoutMs?: number
}

/**
 * Braze and Commanders Act answer a page in well under a second; a provider still silent after 12 s is down for the
 * page, which then shows its alert within 15 s instead of waiting on.
 */
const DEFAULT_UPSTREAM_TIMEOUT_MS = 12_000

async function resolveTargets(
  env: ServerEnv,
  logger: Logger,
): Promise<{ targets: ProxyTargets; close: () => Promise<void> }> {
  if (hasAnyCredential(env)) {
    const targets = readRealTargets(env)
    for (const [name, target] of [
      ['Braze', targets.braze],
      ['Commanders Act', targets.commandersAct],
    ] as const) {
      if (!target.configured) {
        const problems = [
          ...target.missing.map((v) => `${v} is not set`),
          ...target.invalid.map((v) => `${v} is invalid`),
        ]
        logger.warn(`  Segment Audit: ${name} is not configured (${problems.join(', ')}).`)
      }
    }
    return { targets, close: async () => {} }
  }
  const demoOptions = readDemoOptions(env)
  const demo = await startDemoProviders(demoOptions)
  const failing = demoOptions.fail ? `, ${demoOptions.fail} set to fail` : ''
  logger.info(
    `  Segment Audit is in demo mode: no provider credentials are set.\n` +
      `  Fake Braze (${demoOptions.brazeCount} segments) and Commanders Act (${demoOptions.commandersActCount} segments) ` +
      `run on 127.0.0.1 with ${demoOptions.latencyMs} ms latency${failing}.\n` +
      `  Set the variables in .env.local (see README) to audit your real segments.`,
  )
  return {
    targets: {
      mode: 'demo',
      braze: { configured: true, value: { endpoint: demo.braze.url, apiKey: demo.braze.apiKey } },
      commandersAct: {
        configured: true,
        value: { apiUrl: demo.commandersAct.url, siteId: demo.commandersAct.siteId, token: demo.commandersAct.token },
      },
    },
    close: () => demo.close(),
  }
}

export function segmentAuditProxy(options: SegmentAuditProxyOptions): Plugin {
  const auditSettings = readAuditSettings(options.env)
  const install = async (server: ViteDevServer | PreviewServer, host: string | boolean | undefined) => {
    const logger = server.config.logger
    assertSafeListenAddress(host, auditSettings)
    const limits = readProxyLimits(options.env)
    // First of all middlewares: frame headers on every page and asset, and /api/* for the app only.
    server.middlewares.use(requestGuard)
    const audit = await openAuditStore(auditSettings, server.config.root)
    logger.info(`  Segment Audit keeps the team's audit in ${audit.description}.`)
    const { targets, close } = await resolveTargets(options.env, logger)
    server.httpServer?.once('close', () => void Promise.all([close(), audit.close()]))
    await audit.store.answers.forgetStale(auditSettings.providerCacheTtlMs, new Date())
    // This workspace's kept Braze answers only: those kept while the server pointed elsewhere are not this one's.
    const answers = audit.store.answers.of(workspaceOf(targets))
    server.middlewares.use(
      auditMiddleware(
        createAuditHandler({
          store: audit.store,
          answers,
          origin: sessionOriginOf(targets),
          authUserHeader: auditSettings.authUserHeader,
          providerCacheTtlMs: auditSettings.providerCacheTtlMs,
          log: (line) => logger.warn(`  [audit] ${line}`, { timestamp: true }),
        }),
      ),
    )
    server.middlewares.use(
      createProxyMiddleware({
        targets,
        limits,
        upstreamTimeoutMs: options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
        log: (line) => logger.warn(`  [proxy] ${line}`, { timestamp: true }),
        answerCache: { store: answers, maxAgeMs: auditSettings.providerCacheTtlMs },
      }),
    )
  }
  return {
    name: 'segment-audit-proxy',
    config() {
      const exposed = findExposedSecrets(options.env)
      if (exposed.length > 0) {
        throw new Error(
          `${exposed.join(', ')} would be bundled into the browser code (VITE_ prefix). Rename without VITE_: secrets stay server side.`,
        )
      }
      // Behind the authenticating proxy, the proxy decides which host names reach the app, and passes on the one its
      // users typed (oauth2-proxy, Cloudflare and Caddy do by default): Vite's own list, localhost alone, would refuse
      // every page. Without it, the server is this machine's alone, and keeps Vite's guard against DNS rebinding.
      if (auditSettings.authUserHeader) return { server: { allowedHosts: true }, preview: { allowedHosts: true } }
    },
    configureServer: (server) => install(server, server.config.server.host),
    configurePreviewServer: (server) => install(server, server.config.preview.host),
  }
}
