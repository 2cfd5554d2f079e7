// `vite preview` serves every file with "Cache-Control: no-cache", so each visit asks again for scripts, styles and
// translations that can never change: their names carry a hash of their content. This plugin marks those as
// immutable, as a production host would, so a reopened app loads them from the browser's cache without a round trip.
// The page itself (index.html) and /api/* keep revalidating: they name the current build and carry live data.
import type { Connect, Plugin } from 'vite'

export const IMMUTABLE = 'public, max-age=31536000, immutable'

/** `/assets/index-CFRA80OO.js`: a file right under the assets folder whose name ends in Vite's content hash. */
export function isHashedAsset(pathname: string, assetsPrefix: string): boolean {
  if (!pathname.startsWith(assetsPrefix)) return false
  return /^[\w.-]+-[\w-]{8}\.[a-z0-9]+$/i.test(pathname.slice(assetsPrefix.length))
}

export function immutableAssetsMiddleware(assetsPrefix: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const pathname = (req.url ?? '').split(/[?#]/, 1)[0] ?? ''
    if ((req.method === 'GET' || req.method === 'HEAD') && isHashedAsset(pathname, assetsPrefix))
      res.setHeader('Cache-Control', IMMUTABLE)
    next()
  }
}

export function immutableAssets(): Plugin {
  return {
    name: 'segment-audit-immutable-assets',
    configurePreviewServer(server) {
      const { base, build } = server.config
      server.middlewares.use(immutableAssetsMiddleware(`${base}${build.assetsDir}/`.replace(/\/{2,}/g, '/')))
    },
  }
}
