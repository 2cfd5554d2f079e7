// Whether `npm start` must build first: a fingerprint of everything `vite build` reads, compared with the one the last
// build left next to dist/.
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

/** What the built app is made of; tests, docs and the bench are not. */
export const BUILD_INPUTS = [
  'src',
  'public',
  'index.html',
  'package.json',
  'package-lock.json',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.app.json',
]

/**
 * Next to dist/, not in it: `vite preview` serves every file in dist/. It names the sources and the index.html of the
 * build it describes, so a build made by another command (`npm run build`) does not pass for one of these sources.
 */
export const STAMP_FILE = '.dist-stamp'

/**
 * The pure decision, from today's fingerprint of the sources, the fingerprint of dist/index.html (null when there is
 * none) and what the last `npm start` build wrote (null when there is no stamp or it cannot be read).
 * @param {{ sources: string, builtIndex: string | null, stamp: { sources: string, index: string } | null }} state
 * @returns {{ build: boolean, reason: string }}
 */
export function buildDecision({ sources, builtIndex, stamp }) {
  if (builtIndex === null) return { build: true, reason: 'no built app in dist/' }
  if (stamp === null || stamp.index !== builtIndex) return { build: true, reason: 'dist/ was not built by npm start' }
  if (stamp.sources !== sources) return { build: true, reason: 'the sources changed since the last build' }
  return { build: false, reason: 'dist/ is up to date' }
}

/**
 * The stamp's content as written by `npm start`, or null for anything else.
 * @param {string | null} text
 * @returns {{ sources: string, index: string } | null}
 */
export function parseStamp(text) {
  try {
    const value = JSON.parse(text ?? '')
    return typeof value?.sources === 'string' && typeof value?.index === 'string'
      ? { sources: value.sources, index: value.index }
      : null
  } catch {
    return null
  }
}

/** @param {string | Buffer} content */
export const sha256 = (content) => createHash('sha256').update(content).digest('hex')

/**
 * SHA-256 over the path and content of every input file, in a fixed order. Content rather than modification times: a
 * branch switch or a fresh clone gives files new times but the same build, and `git checkout` of an older file an old
 * time but a different build.
 * @param {string} root
 * @param {readonly string[]} [inputs]
 * @returns {Promise<string>}
 */
export async function fingerprintSources(root, inputs = BUILD_INPUTS) {
  const files = (await Promise.all(inputs.map((input) => filesUnder(join(root, input))))).flat().sort()
  const hash = createHash('sha256')
  for (const file of files) {
    // Forward slashes, so that the same tree gives the same fingerprint on every system.
    hash.update(relative(root, file).split(sep).join('/'))
    hash.update('\0')
    hash.update(await readFile(file))
    hash.update('\0')
  }
  return hash.digest('hex')
}

/**
 * Every file at or under `path`; nothing when it does not exist.
 * @param {string} path
 * @returns {Promise<string[]>}
 */
async function filesUnder(path) {
  let entries
  try {
    entries = await readdir(path, { withFileTypes: true })
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code
    if (code === 'ENOTDIR') return [path]
    if (code === 'ENOENT') return []
    throw error
  }
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? filesUnder(join(path, entry.name)) : [join(path, entry.name)])),
  )
  return nested.flat()
}
