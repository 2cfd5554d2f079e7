// Builds the app into its own folder and serves it with `vite preview` on the demo providers; the caller stops it.
import { spawn } from 'node:child_process'
import { readdir, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const require = createRequire(import.meta.url)
/** Vite's own CLI, run with this Node: one process to stop, no npx in between. */
const VITE_BIN = join(require.resolve('vite/package.json'), '..', 'bin', 'vite.js')

/** Demo mode forced even if the shell has real credentials: an empty value counts as unset. */
const NO_CREDENTIALS = {
  BRAZE_API_KEY: '',
  BRAZE_REST_ENDPOINT: '',
  COMMANDERS_ACT_SITE_ID: '',
  COMMANDERS_ACT_TOKEN: '',
}

/**
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<void>}
 */
function runVite(args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITE_BIN, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite ${args[0]} exited with ${code}:\n${output}`)),
    )
  })
}

/**
 * `vite build` of the app into its own folder, so that a concurrent `npm run build` (dist/) is neither clobbered nor
 * measured.
 * @param {{ root: string, outDir: string }} options
 */
export async function buildApp({ root, outDir }) {
  const started = performance.now()
  await runVite(['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    env: { VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', NO_COLOR: '1' },
  })
  return Math.round(performance.now() - started)
}

/**
 * Every JavaScript file the build emitted, with its raw and gzip size (zlib's default level 6, as servers often send).
 * @param {string} outDir
 * @returns {Promise<{ file: string, bytes: number, gzipBytes: number }[]>}
 */
export async function javascriptSizes(outDir) {
  /** @type {{ file: string, bytes: number, gzipBytes: number }[]} */
  const chunks = []
  /** @param {string} dir */
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) await walk(path)
      else if (/\.m?js$/.test(entry.name)) {
        const content = await readFile(path)
        chunks.push({ file: path.slice(outDir.length + 1), bytes: content.length, gzipBytes: gzipSync(content).length })
      }
    }
  }
  await walk(outDir)
  return chunks.sort((a, b) => b.gzipBytes - a.gzipBytes)
}

/** @returns {Promise<number>} a TCP port free on 127.0.0.1 right now */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts `vite preview` on the built app with the demo providers; resolves once /api/status answers.
 * @param {{
 *   root: string, outDir: string, port: number, demo: { braze: number, commandersAct: number, latencyMs: number }
 * }} options
 * @returns {Promise<{ url: string, stop: () => Promise<void>, log: () => string }>}
 */
export async function startPreview({ root, outDir, port, demo }) {
  // An audit database of its own, empty at each start: no Braze answers kept by an earlier run reach the page.
  const database = join(tmpdir(), `segment-audit-bench-${process.pid}-${port}-${Date.now()}.sqlite`)
  const child = spawn(
    process.execPath,
    [VITE_BIN, 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      cwd: root,
      // Its own process group, so that stopping it cannot miss a child.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...NO_CREDENTIALS,
        DATABASE_URL: database,
        DEMO_BRAZE_SEGMENTS: String(demo.braze),
        DEMO_CA_SEGMENTS: String(demo.commandersAct),
        DEMO_LATENCY_MS: String(demo.latencyMs),
        DEMO_FAIL: '',
        VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
      },
    },
  )
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => child.once('exit', () => resolve()))
  let running = true
  void exited.then(async () => {
    running = false
    await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(database + suffix, { force: true })))
  })

  const stop = async () => {
    if (!running || child.pid === undefined) return
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      return
    }
    const timeout = new Promise((resolve) => setTimeout(resolve, 5000, 'timeout'))
    if ((await Promise.race([exited, timeout])) === 'timeout') {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
  }

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (!running) throw new Error(`vite preview exited before answering:\n${output}`)
    try {
      // The app's request header: /api answers nobody else.
      const response = await fetch(`${url}/api/status`, { headers: { 'X-Segment-Audit': '1' } })
      if (response.ok) {
        const status = await response.json()
        if (status?.mode !== 'demo') {
          await stop()
          throw new Error(`The server is not in demo mode (/api/status says ${JSON.stringify(status?.mode)}).`)
        }
        return { url, stop, log: () => output }
      }
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('The server is not')) throw error
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  await stop()
  throw new Error(`vite preview did not answer on ${url} within 60 s:\n${output}`)
}
