// `npm start`: builds the app when its sources changed since the last build, then serves dist/ with `vite preview` and
// the provider proxy. Arguments go to `vite preview` (`npm start -- --port 4000 --strictPort --host 127.0.0.1`).
import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildDecision, fingerprintSources, parseStamp, sha256, STAMP_FILE } from './build-stamp.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = join(ROOT, 'dist')
/** Vite's own CLI, run with this Node: no npx in between, and signals reach it directly. */
const VITE_BIN = join(createRequire(import.meta.url).resolve('vite/package.json'), '..', 'bin', 'vite.js')

/**
 * Runs Vite with the terminal attached; resolves with its exit code, passing Ctrl+C and kills on to it.
 * @param {string[]} args
 * @returns {Promise<number>}
 */
function runVite(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITE_BIN, ...args], { cwd: ROOT, stdio: 'inherit' })
    const forward = (/** @type {NodeJS.Signals} */ signal) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}

async function main() {
  const sources = await fingerprintSources(ROOT)
  const readIndex = () => readFile(join(DIST, 'index.html')).then(sha256, () => null)
  const stamp = parseStamp(await readFile(join(ROOT, STAMP_FILE), 'utf8').catch(() => null))
  const decision = buildDecision({ sources, builtIndex: await readIndex(), stamp })
  if (decision.build) {
    console.log(`Building… (${decision.reason})`)
    const code = await runVite(['build', '--logLevel', 'warn'])
    if (code !== 0) {
      process.exitCode = code
      return
    }
    await writeFile(join(ROOT, STAMP_FILE), `${JSON.stringify({ sources, index: await readIndex() })}\n`)
  }
  process.exitCode = await runVite(['preview', ...process.argv.slice(2)])
}

main().catch((error) => {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
