// `vite preview` as the project configures it: hashed build files are cached for good and sent as compressed at build
// time; the page and the API are not.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { constants, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IMMUTABLE, immutableAssets, isHashedAsset } from '../../../src/server/immutable-assets'
import { NO_CREDENTIALS, rawRequest, startProjectPreview } from '../proxy/start-proxy'

const APP_SCRIPT = `console.log(${JSON.stringify('app '.repeat(400))})`

/** A build folder as `vite build` leaves it: the page, hashed assets, and a file copied from public/. */
function fakeBuild(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'segment-audit-dist-'))
  mkdirSync(join(outDir, 'assets'))
  writeFileSync(
    join(outDir, 'index.html'),
    '<!doctype html><title>Segment Audit</title><script type="module" src="/assets/index-CFRA80OO.js"></script>',
  )
  writeFileSync(join(outDir, 'assets', 'index-CFRA80OO.js'), APP_SCRIPT)
  // As the build leaves it: compressed once, at the highest level (which no server picks on the fly).
  writeFileSync(join(outDir, 'assets', 'index-CFRA80OO.js.gz'), gzipSync(APP_SCRIPT, { level: 9 }))
  writeFileSync(join(outDir, 'assets', 'rolldown-runtime-WkwZ5CU-.js'), '')
  writeFileSync(join(outDir, 'assets', 'segments-6bNlb7B-.json'), '{}')
  writeFileSync(join(outDir, 'assets', 'index-CVGMjBv1.css'), 'body{}')
  writeFileSync(join(outDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  return outDir
}

describe('vite preview caching', () => {
  let preview: Awaited<ReturnType<typeof startProjectPreview>>
  let outDir: string
  beforeAll(async () => {
    outDir = fakeBuild()
    preview = await startProjectPreview({ ...NO_CREDENTIALS, DEMO_LATENCY_MS: '0' }, outDir)
  })
  afterAll(() => preview.close())

  it.each([
    '/assets/index-CFRA80OO.js',
    '/assets/rolldown-runtime-WkwZ5CU-.js',
    '/assets/segments-6bNlb7B-.json',
    '/assets/index-CVGMjBv1.css',
  ])('serves the hashed file %s as immutable for a year', async (path) => {
    const res = await rawRequest(preview.base, path)
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe(IMMUTABLE)
  })

  it('keeps asking again for the page, whose script names change with each build', async () => {
    for (const path of ['/', '/index.html', '/segments/braze/abc']) {
      const res = await rawRequest(preview.base, path)
      expect(res.headers['cache-control'], path).toBe('no-cache')
    }
  })

  it('keeps asking again for unhashed files and for the API', async () => {
    expect((await rawRequest(preview.base, '/favicon.svg')).headers['cache-control']).toBe('no-cache')
    const status = await rawRequest(preview.base, '/api/status')
    expect(status.status).toBe(200)
    expect(status.headers['cache-control']).not.toBe(IMMUTABLE)
  })

  it("sends a browser that takes gzip the build's compressed script, not one compressed again for each visitor", async () => {
    const res = await rawRequest(preview.base, '/assets/index-CFRA80OO.js', {
      headers: { 'Accept-Encoding': 'gzip, br' },
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.headers['content-type']).toMatch(/^text\/javascript/)
    expect(res.headers['cache-control']).toBe(IMMUTABLE)
    expect(res.headers.vary).toBe('Accept-Encoding')
    expect(res.bytes.equals(gzipSync(APP_SCRIPT, { level: 9 }))).toBe(true)
    expect(gunzipSync(res.bytes).toString('utf8')).toBe(APP_SCRIPT)
  })

  it('sends a hashed file the build left no compressed copy of as it is', async () => {
    const res = await rawRequest(preview.base, '/assets/segments-6bNlb7B-.json', {
      headers: { 'Accept-Encoding': 'gzip' },
    })
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe(IMMUTABLE)
    expect(res.text).toBe('{}')
  })

  it('does not hold on to a compressed copy found missing: once the build has written it, it is sent', async () => {
    const first = await rawRequest(preview.base, '/assets/rolldown-runtime-WkwZ5CU-.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    })
    expect(first.headers['content-encoding']).toBeUndefined()
    writeFileSync(join(outDir, 'assets', 'rolldown-runtime-WkwZ5CU-.js.gz'), gzipSync(''))
    const later = await rawRequest(preview.base, '/assets/rolldown-runtime-WkwZ5CU-.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    })
    expect(later.headers['content-encoding']).toBe('gzip')
  })

  it('sends the plain script to a client that takes no gzip', async () => {
    const res = await rawRequest(preview.base, '/assets/index-CFRA80OO.js')
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.text).toBe(APP_SCRIPT)
  })

  it('does not mark a missing asset immutable', async () => {
    const res = await rawRequest(preview.base, '/assets/gone-AAAAAAAA.js')
    expect(res.headers['cache-control']).not.toBe(IMMUTABLE)
  })
})

describe('isHashedAsset', () => {
  it('knows a hashed file under the assets folder from anything else', () => {
    expect(isHashedAsset('/assets/index-CFRA80OO.js', '/assets/')).toBe(true)
    expect(isHashedAsset('/assets/audit-page-DFfQyyXu.js', '/assets/')).toBe(true)
    expect(isHashedAsset('/assets/index.js', '/assets/')).toBe(false)
    expect(isHashedAsset('/assets/nested/index-CFRA80OO.js', '/assets/')).toBe(false)
    expect(isHashedAsset('/index-CFRA80OO.js', '/assets/')).toBe(false)
    expect(isHashedAsset('/api/assets/index-CFRA80OO.js', '/assets/')).toBe(false)
  })
})

describe('the build', () => {
  it("leaves a compressed copy beside each of its scripts, styles and translations, and nothing else's", async () => {
    const outDir = fakeBuild()
    const plugin = immutableAssets()
    const files = [
      'assets/index-CFRA80OO.js',
      'assets/segments-6bNlb7B-.json',
      'assets/index-CVGMjBv1.css',
      'favicon.svg',
    ]
    writeFileSync(join(outDir, 'assets', 'photo-AAAAAAAA.png'), 'not text')
    const bundle = Object.fromEntries([...files, 'assets/photo-AAAAAAAA.png'].map((file) => [file, {}]))
    const hook = plugin.writeBundle
    const writeBundle = typeof hook === 'function' ? hook : hook?.handler
    if (!writeBundle) throw new Error('no writeBundle hook')
    await writeBundle.call({} as ThisParameterType<typeof writeBundle>, { dir: outDir } as never, bundle as never)

    for (const file of files.slice(0, 3)) {
      const copy = readFileSync(join(outDir, `${file}.gz`))
      expect(gunzipSync(copy).equals(readFileSync(join(outDir, file))), file).toBe(true)
      expect(copy.equals(gzipSync(readFileSync(join(outDir, file)), { level: constants.Z_BEST_COMPRESSION }))).toBe(
        true,
      )
    }
    expect(existsSync(join(outDir, 'favicon.svg.gz'))).toBe(false)
    expect(existsSync(join(outDir, 'assets', 'photo-AAAAAAAA.png.gz'))).toBe(false)
  })
})
