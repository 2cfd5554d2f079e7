// Vite: the React app, plus the provider proxy (src/server/proxy) for `vite` and `vite preview`, and long-lived caching of
// hashed assets under `vite preview`.
import { defineConfig, loadEnv } from 'vite'
import react from '@vitejs/plugin-react'
import { beforeAppHtml } from './src/server/before-app-html.ts'
import { immutableAssets } from './src/server/immutable-assets.ts'
import { segmentAuditProxy } from './src/server/proxy/plugin.ts'

/** The modules only the pages loaded on demand use (see src/app/router.tsx). */
const onDemand = (id: string) =>
  /\/src\/(features\/(segment-detail|audit|visitor|connections)\/|app\/segment-detail-route)/.test(id)

export default defineConfig(({ mode }) => {
  // Prefix '' reads every variable, for the Node side only; the bundle still sees only VITE_* ones.
  const env = loadEnv(mode, process.cwd(), '')
  return {
    plugins: [react(), beforeAppHtml(), segmentAuditProxy({ env }), immutableAssets()],
    // Same-origin only: the proxy answers nobody else, so no CORS headers at all.
    server: { host: 'localhost', port: 5173, cors: false },
    preview: { host: 'localhost', port: 5173, cors: false },
    build: {
      sourcemap: false,
      // Every browser the app supports preloads modules itself (Chrome 66, Firefox 115, Safari 17): no polyfill in the bundle.
      modulePreload: { polyfill: false },
      // Translations stay JSON files fetched on demand, never inlined into the JavaScript as data URLs.
      assetsInlineLimit: (file: string) => (file.includes('/src/locales/') ? false : undefined),
      // One chunk for everything the list page needs, rather than the dozen shared fragments the bundler would cut
      // along the lines of the pages loaded on demand (each compressed apart, and each a request): those pages stay
      // chunks of their own, loaded when opened.
      rolldownOptions: {
        output: { advancedChunks: { groups: [{ name: 'app', test: (id: string) => !onDemand(id) }] } },
      },
    },
  }
})
