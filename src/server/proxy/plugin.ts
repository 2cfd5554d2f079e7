// The Vite plugin that serves /api/* in `vite` and `vite preview` alike, starting the demo providers when no credentials are set.
import type { Connect, Logger, Plugin, PreviewServer, ViteDevServer } from 'vite'
import { readDemoOptions } from '../demo/demo-options.ts'
import { startDemoProviders } from '../demo/serve.ts'
import { findExposedSecrets, hasAnyCredential, readRealTargets, type ProxyTargets, type ServerEnv } from './config.ts'
import { readProxyLimits } from './limits.ts'
import { createProxyMiddleware } from './middleware.ts'
import { requestGuard } from './request-guard.ts'

export interface SegmentAuditProxyOptions {
  /** The server-side environment (process.env merged with .env files). Read here, never passed to the client. */
  env: ServerEnv
  upstreamTimeoutMs?: number
  /**
   * Other /api/* middlewares (e.g. the audit store's /api/audit routes): installed behind the request guard and before
   * the proxy, which answers 404 to any /api path they leave to it.
   */
  apiMiddlewares?: Connect.NextHandleFunction[]
}

const DEFAULT_UPSTREAM_TIMEOUT_MS = 20_000

async function resolveTargets(env: ServerEnv, logger: Logger): Promise<{ targets: ProxyTargets; close: () => Promise<void> }> {
  if (hasAnyCredential(env)) {
    const targets = readRealTargets(env)
    for (const [name, target] of [['Braze', targets.braze], ['Commanders Act', targets.commandersAct]] as const) {
      if (!target.configured) {
        const problems = [...target.missing.map((v) => `${v} is not set`), ...target.invalid.map((v) => `${v} is invalid`)]
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
  const install = async (server: ViteDevServer | PreviewServer) => {
    const logger = server.config.logger
    const limits = readProxyLimits(options.env)
    // First of all middlewares: frame headers on every page and asset, and /api/* for the app only.
    server.middlewares.use(requestGuard)
    for (const middleware of options.apiMiddlewares ?? []) server.middlewares.use(middleware)
    const { targets, close } = await resolveTargets(options.env, logger)
    server.httpServer?.once('close', () => void close())
    server.middlewares.use(
      createProxyMiddleware({
        targets,
        limits,
        upstreamTimeoutMs: options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
        log: (line) => logger.warn(`  [proxy] ${line}`, { timestamp: true }),
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
    },
    configureServer: install,
    configurePreviewServer: install,
  }
}
