// Vite: the React app, plus the provider proxy (src/server/proxy) for `vite` and `vite preview`, and long-lived caching
// of hashed assets under `vite preview`.
import { fileURLToPath } from 'node:url'
import { defineConfig, loadEnv, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { beforeAppHtml } from './src/server/before-app-html.ts'
import { immutableAssets } from './src/server/immutable-assets.ts'
import { segmentAuditProxy } from './src/server/proxy/plugin.ts'

/**
 * The modules the app's entry imports statically, directly or not: what the first page needs before anything loads on
 * demand. Worked out once the module graph is built, for the chunking below.
 */
function staticallyLoaded(): { plugin: Plugin; has: (id: string) => boolean } {
  const loaded = new Set<string>()
  const plugin: Plugin = {
    name: 'segment-audit-statically-loaded',
    apply: 'build',
    buildEnd() {
      const pending = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry)
      for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
        if (loaded.has(id)) continue
        loaded.add(id)
        pending.push(...(this.getModuleInfo(id)?.importedIds ?? []))
      }
    },
  }
  return { plugin, has: (id) => loaded.has(id) }
}

/**
 * React Router's package exports only its development build (its warnings and checks); the production build it ships
 * beside it is the same router without them: 475 bytes gzip less on the list page, and less work per navigation.
 */
const REACT_ROUTER_PRODUCTION = fileURLToPath(
  new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
)

export default defineConfig(({ mode }) => {
  // Prefix '' reads every variable, for the Node side only; the bundle still sees only VITE_* ones.
  const env = loadEnv(mode, process.cwd(), '')
  const firstLoad = staticallyLoaded()
  return {
    resolve: mode === 'production' ? { alias: [{ find: /^react-router$/, replacement: REACT_ROUTER_PRODUCTION }] } : {},
    plugins: [react(), firstLoad.plugin, beforeAppHtml(), segmentAuditProxy({ env }), immutableAssets()],
    // Same-origin only: the proxy answers nobody else, so no CORS headers at all.
    server: { host: 'localhost', port: 5173, cors: false },
    preview: { host: 'localhost', port: 5173, cors: false },
    build: {
      sourcemap: false,
      // No preload helper: a page loaded on demand fetches the small chunks it shares with another page after its own,
      // one round trip later, which measured no later on screen (README, Loading less), and the list page's JavaScript
      // no longer lists every on-demand chunk's dependencies (408 bytes gzip).
      modulePreload: false,
      // Translations stay JSON files fetched on demand, never inlined into the JavaScript as data URLs.
      assetsInlineLimit: (file: string) => (file.includes('/src/locales/') ? false : undefined),
      // One chunk for everything the list page needs, rather than the dozen shared fragments the bundler would cut
      // along the lines of the pages loaded on demand (each compressed apart, and each a request): those pages stay
      // chunks of their own, loaded when opened.
      rolldownOptions: {
        output: { advancedChunks: { groups: [{ name: 'app', test: firstLoad.has }] } },
      },
    },
  }
})
