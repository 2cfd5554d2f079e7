// Which translations a page starts with: the shared words and the page's own, in the language and in English.
import { describe, expect, it } from 'vitest'
import { namespacesFor, startupTranslations } from '../../src/app/locale-files'

describe('translations at start', () => {
  it.each([
    ['/', ['common', 'segments']],
    ['/segments/braze/abc', ['common', 'detail', 'segments']],
    ['/audit', ['common', 'audit']],
    ['/visitor/', ['common', 'visitor']],
    ['/connections', ['common', 'connections']],
    ['/no-such-page', ['common']],
  ])('%s starts with %j', (pathname, namespaces) => {
    expect(namespacesFor(pathname)).toEqual(namespaces)
  })

  it('loads French and the English it falls back on, for those namespaces only', () => {
    const files = startupTranslations('fr', '/audit').map(({ language, namespace }) => `${language}/${namespace}`)
    expect(files).toEqual(['fr/common', 'fr/audit', 'en/common', 'en/audit'])
  })
})
