// `npm start` builds only when what the built app is made of changed since the last build.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildDecision, fingerprintSources, parseStamp } from '../../scripts/build-stamp.mjs'

describe('buildDecision', () => {
  const stamp = { sources: 'sources-a', index: 'index-a' }
  it.each([
    { what: 'there is no built app', state: { sources: 'sources-a', builtIndex: null, stamp }, build: true },
    { what: 'there is no stamp', state: { sources: 'sources-a', builtIndex: 'index-a', stamp: null }, build: true },
    {
      what: 'another command rebuilt dist/',
      state: { sources: 'sources-a', builtIndex: 'index-b', stamp },
      build: true,
    },
    { what: 'the sources changed', state: { sources: 'sources-b', builtIndex: 'index-a', stamp }, build: true },
    { what: 'nothing changed', state: { sources: 'sources-a', builtIndex: 'index-a', stamp }, build: false },
  ])('builds when $what: $build', ({ state, build }) => {
    expect(buildDecision(state).build).toBe(build)
  })
})

describe('parseStamp', () => {
  it('reads what npm start wrote, and nothing else', () => {
    expect(parseStamp('{"sources":"s","index":"i"}\n')).toEqual({ sources: 's', index: 'i' })
    for (const text of [null, '', 'e12f494e', '{"sources":"s"}', '[]']) expect(parseStamp(text)).toBeNull()
  })
})

describe('fingerprintSources', () => {
  let root = ''
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'segment-audit-stamp-'))
    await mkdir(join(root, 'src', 'app'), { recursive: true })
    await writeFile(join(root, 'src', 'app', 'app.tsx'), 'export const app = 1\n')
    await writeFile(join(root, 'index.html'), '<div id="root"></div>\n')
    await mkdir(join(root, 'test'))
    await writeFile(join(root, 'test', 'app.test.ts'), 'it()\n')
  })
  afterEach(() => rm(root, { recursive: true, force: true }))

  it('is the same for the same sources', async () => {
    expect(await fingerprintSources(root)).toBe(await fingerprintSources(root))
  })

  it.each([
    {
      what: 'a source file is edited',
      change: () => writeFile(join(root, 'src', 'app', 'app.tsx'), 'export const app = 2\n'),
    },
    { what: 'a source file is added', change: () => writeFile(join(root, 'src', 'app', 'more.ts'), '\n') },
    { what: 'the lockfile appears', change: () => writeFile(join(root, 'package-lock.json'), '{}\n') },
    { what: 'index.html is edited', change: () => writeFile(join(root, 'index.html'), '<main></main>\n') },
  ])('changes when $what', async ({ change }) => {
    const before = await fingerprintSources(root)
    await change()
    expect(await fingerprintSources(root)).not.toBe(before)
  })

  it('ignores what the built app is not made of, and file times', async () => {
    const before = await fingerprintSources(root)
    await writeFile(join(root, 'test', 'app.test.ts'), 'it("changed")\n')
    await writeFile(join(root, 'README.md'), '# notes\n')
    await writeFile(join(root, 'index.html'), '<div id="root"></div>\n')
    expect(await fingerprintSources(root)).toBe(before)
  })
})
