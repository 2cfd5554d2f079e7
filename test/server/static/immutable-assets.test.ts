// `vite preview` as the project configures it: hashed build files are cached for good, the page and the API are not.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IMMUTABLE, isHashedAsset } from '../../../src/server/immutable-assets'
import { NO_CREDENTIALS, rawRequest, startProjectPreview } from '../proxy/start-proxy'

/** A build folder as `vite build` leaves it: the page, hashed assets, and a file copied from public/. */
function fakeBuild(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'segment-audit-dist-'))
  mkdirSync(join(outDir, 'assets'))
  writeFileSync(
    join(outDir, 'index.html'),
    '<!doctype html><title>Segment Audit</title><script type="module" src="/assets/index-CFRA80OO.js"></script>',
  )
  writeFileSync(join(outDir, 'assets', 'index-CFRA80OO.js'), 'console.log("app")')
  writeFileSync(join(outDir, 'assets', 'rolldown-runtime-WkwZ5CU-.js'), '')
  writeFileSync(join(outDir, 'assets', 'segments-6bNlb7B-.json'), '{}')
  writeFileSync(join(outDir, 'assets', 'index-CVGMjBv1.css'), 'body{}')
  writeFileSync(join(outDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  return outDir
}

describe('vite preview caching', () => {
  let preview: Awaited<ReturnType<typeof startProjectPreview>>
  beforeAll(async () => {
    preview = await startProjectPreview({ ...NO_CREDENTIALS, DEMO_LATENCY_MS: '0' }, fakeBuild())
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
