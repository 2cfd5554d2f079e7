// The translations: every English key has its French twin (no stray one), placeholders match, French typography holds.
import { describe, expect, it } from 'vitest'

const files = import.meta.glob<Record<string, unknown>>('../src/locales/*/*.json', { eager: true, import: 'default' })

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>()
  if (typeof value === 'string') flat.set(prefix, value)
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value))
      for (const entry of flatten(inner, prefix ? `${prefix}.${key}` : key)) flat.set(...entry)
  }
  return flat
}

const namespaces = Object.keys(files)
  .filter((path) => path.includes('/en/'))
  .map((path) => /\/en\/([^/]+)\.json$/.exec(path)?.[1] ?? '')

/** i18next plural suffixes: French has the same as English here (one, other), plus "many" for large round numbers. */
const withoutPlural = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '')
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((match) => match[1]).sort()

describe.each(namespaces)('the %s translations', (namespace) => {
  const english = flatten(files[`../src/locales/en/${namespace}.json`])
  const french = flatten(files[`../src/locales/fr/${namespace}.json`])

  it('have the same keys in French and English (plural forms aside)', () => {
    expect(new Set([...french.keys()].map(withoutPlural))).toEqual(new Set([...english.keys()].map(withoutPlural)))
  })

  it('give each plural the forms its language counts with, and no other (zero, i18next’s own, aside)', () => {
    for (const [language, words] of [
      ['en', english],
      ['fr', french],
    ] as const) {
      // French has "many" (1 000 000 segments): without it, i18next shows the English text for such a count.
      const forms: string[] = new Intl.PluralRules(language).resolvedOptions().pluralCategories
      const plurals = new Map<string, string[]>()
      for (const key of words.keys()) {
        const form = /_(zero|one|two|few|many|other)$/.exec(key)?.[1]
        if (form) plurals.set(withoutPlural(key), [...(plurals.get(withoutPlural(key)) ?? []), form])
      }
      for (const [key, found] of plurals) {
        const missing = forms.filter((form) => !found.includes(form))
        const unused = found.filter((form) => form !== 'zero' && !forms.includes(form))
        expect({ language, key, missing, unused }).toEqual({ language, key, missing: [], unused: [] })
      }
    }
  })

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of french) {
      const twin = english.get(key) ?? english.get(`${withoutPlural(key)}_other`) ?? english.get(withoutPlural(key))
      expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(twin ?? '') })
    }
  })

  it('write French with a narrow no-break space before : ; ! ? and inside « », and no straight apostrophe', () => {
    for (const [key, text] of french) {
      // Placeholders, URLs and times ("10:30") are not prose.
      const prose = text
        .replace(/\{\{[^}]*\}\}/g, 'x')
        .replace(/https?:\/\/\S+/g, 'x')
        .replace(/\d:\d/g, 'x')
      expect({ key, problem: prose.match(/[^\u202f\u00a0][:;!?](?=\s|$)/)?.[0] ?? null }).toEqual({
        key,
        problem: null,
      })
      expect({ key, problem: prose.match(/«[^\u202f]|[^\u202f]»/)?.[0] ?? null }).toEqual({ key, problem: null })
      expect({ key, problem: prose.match(/[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]/)?.[0] ?? null }).toEqual({ key, problem: null })
    }
  })
})
