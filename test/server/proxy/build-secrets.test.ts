// `npm run build` with real-looking credentials in the environment: the bundle must contain none of them.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from 'vite'
import { PROJECT_ROOT } from './start-proxy'

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('the production build', () => {
  it('contains neither the Braze key nor the Commanders Act token', { timeout: 120_000 }, async () => {
    const secrets = {
      BRAZE_REST_ENDPOINT: 'https://rest.iad-01.braze.com',
      BRAZE_API_KEY: 'buildTimeBrazeKey9f8e7d6c5b4a',
      COMMANDERS_ACT_SITE_ID: '98765',
      COMMANDERS_ACT_TOKEN: 'buildTimeCaTokenZyXwVu123',
    }
    const saved = Object.fromEntries(Object.keys(secrets).map((name) => [name, process.env[name]]))
    Object.assign(process.env, secrets)
    const outDir = mkdtempSync(join(tmpdir(), 'segment-audit-dist-'))
    try {
      await build({
        configFile: join(PROJECT_ROOT, 'vite.config.ts'),
        root: PROJECT_ROOT,
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true },
      })
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) Reflect.deleteProperty(process.env, name)
        else process.env[name] = value
      }
    }
    const files = filesUnder(outDir)
    expect(files.some((file) => file.endsWith('.js'))).toBe(true)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      expect(text, file).not.toContain(secrets.BRAZE_API_KEY)
      expect(text, file).not.toContain(secrets.COMMANDERS_ACT_TOKEN)
    }
  })
})
