// Vite: the React app, plus the provider proxy (src/server/proxy) for `vite` and `vite preview`, and long-lived caching of
// hashed assets under `vite preview`.
import { defineConfig, loadEnv } from 'vite'
import react from '@vitejs/plugin-react'
import { immutableAssets } from './src/server/immutable-assets.ts'
import { segmentAuditProxy } from './src/server/proxy/plugin.ts'

export default defineConfig(({ mode }) => {
  // Prefix '' reads every variable, for the Node side only; the bundle still sees only VITE_* ones.
  const env = loadEnv(mode, process.cwd(), '')
  return {
    plugins: [react(), segmentAuditProxy({ env }), immutableAssets()],
    // Same-origin only: the proxy answers nobody else, so no CORS headers at all.
    server: { host: 'localhost', port: 5173, cors: false },
    preview: { host: 'localhost', port: 5173, cors: false },
    build: {
      sourcemap: false,
      // Every browser the app supports preloads modules itself (Chrome 66, Firefox 115, Safari 17): no polyfill in the bundle.
      modulePreload: { polyfill: false },
      // Translations stay JSON files fetched on demand, never inlined into the JavaScript as data URLs.
      assetsInlineLimit: (file: string) => (file.includes('/src/locales/') ? false : undefined),
    },
  }
})
