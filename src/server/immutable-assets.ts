// `vite preview` serves every file with "Cache-Control: no-cache", so each visit asks again for scripts, styles and
// translations that can never change: their names carry a hash of their content. This plugin marks those as
// immutable, as a production host would, so a reopened app loads them from the browser's cache without a round trip.
// The page itself (index.html) and /api/* keep revalidating: they name the current build and carry live data.
// It also compresses those files once, at build time (`name.gz` beside each): `vite preview` would otherwise gzip the
// app's half-megabyte script again for every new visitor (~12 ms of the server's CPU on a slow two-core machine, while
// that visitor waits for it).
import { readFile, writeFile } from 'node:fs/promises'
import { extname, join, resolve } from 'node:path'
import { gzipSync, constants } from 'node:zlib'
import type { Connect, Plugin } from 'vite'

export const IMMUTABLE = 'public, max-age=31536000, immutable'

/** `/assets/index-CFRA80OO.js`: a file right under the assets folder whose name ends in Vite's content hash. */
export function isHashedAsset(pathname: string, assetsPrefix: string): boolean {
  if (!pathname.startsWith(assetsPrefix)) return false
  return /^[\w.-]+-[\w-]{8}\.[a-z0-9]+$/i.test(pathname.slice(assetsPrefix.length))
}

/** The hashed files worth compressing, with the type they are served as. */
const COMPRESSED_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
}

/**
 * A hashed file's compressed copy, read once (it never changes), or null when the build has none. Only copies found are
 * remembered: names asked for in vain (anyone can ask for any name) would otherwise pile up for the server's lifetime.
 */
function compressedCopies(assetsFolder: string): (name: string) => Promise<Buffer | null> {
  const copies = new Map<string, Promise<Buffer | null>>()
  return (name) => {
    let copy = copies.get(name)
    if (!copy) {
      copy = readFile(join(assetsFolder, `${name}.gz`)).catch(() => {
        copies.delete(name)
        return null
      })
      copies.set(name, copy)
    }
    return copy
  }
}

/** `assetsFolder`: where the build's hashed files are on disk, to serve their compressed copies from. */
function immutableAssetsMiddleware(assetsPrefix: string, assetsFolder: string): Connect.NextHandleFunction {
  const compressed = compressedCopies(assetsFolder)
  return (req, res, next) => {
    const pathname = (req.url ?? '').split(/[?#]/, 1)[0] ?? ''
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isHashedAsset(pathname, assetsPrefix)) return next()
    res.setHeader('Cache-Control', IMMUTABLE)
    const type = COMPRESSED_TYPES[extname(pathname)]
    if (!type || req.method !== 'GET' || !/\bgzip\b/.test(String(req.headers['accept-encoding']))) return next()
    // Never rejects: a missing copy is null, and the file is then served as it is.
    void compressed(pathname.slice(assetsPrefix.length)).then((body) => {
      if (!body) return next()
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Encoding': 'gzip',
        'Content-Length': body.length,
        Vary: 'Accept-Encoding',
      })
      res.end(body)
    })
  }
}

export function immutableAssets(): Plugin {
  let assetsDir = 'assets'
  return {
    name: 'segment-audit-immutable-assets',
    configResolved(config) {
      assetsDir = config.build.assetsDir
    },
    async writeBundle(options, bundle) {
      const outDir = options.dir
      if (!outDir) return
      const files = Object.keys(bundle).filter(
        (file) => file.startsWith(`${assetsDir}/`) && extname(file) in COMPRESSED_TYPES,
      )
      await Promise.all(
        files.map(async (file) => {
          const path = join(outDir, file)
          await writeFile(`${path}.gz`, gzipSync(await readFile(path), { level: constants.Z_BEST_COMPRESSION }))
        }),
      )
    },
    configurePreviewServer(server) {
      const { base, build, root } = server.config
      const assetsPrefix = `${base}${build.assetsDir}/`.replace(/\/{2,}/g, '/')
      server.middlewares.use(immutableAssetsMiddleware(assetsPrefix, resolve(root, build.outDir, build.assetsDir)))
    },
  }
}
