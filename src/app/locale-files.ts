// Which interface language to start in, and where each language's translations are: JSON files
// (src/locales/{lang}/{namespace}.json) served as hashed assets. No i18next here: early-reads.ts needs this before the
// rest of the app is evaluated.
export const LANGUAGES = ['en', 'fr'] as const
export type Language = (typeof LANGUAGES)[number]
export const NAMESPACES = ['common', 'segments', 'detail', 'audit', 'visitor', 'connections'] as const
type Namespace = (typeof NAMESPACES)[number]
/** Missing strings fall back to English, so English is loaded too. */
export const FALLBACK_LANGUAGE: Language = 'en'

export const LANGUAGE_STORAGE_KEY = 'segment-audit:language:v1'

const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value)

/** The remembered choice, else the first of the browser's languages we have, else English. */
export function detectLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY)
    if (isLanguage(stored)) return stored
  } catch {
    // Storage disabled: fall back to the browser's languages.
  }
  for (const tag of typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language])) {
    const base = tag.toLowerCase().split('-')[0]
    if (isLanguage(base)) return base
  }
  return 'en'
}

const localeUrls = import.meta.glob<string>('../locales/*/*.json', { query: '?url', import: 'default', eager: true })

export function translationsUrl(language: string, namespace: string): string | undefined {
  return localeUrls[`../locales/${language}/${namespace}.json`]
}

export interface TranslationsFile {
  language: Language
  namespace: Namespace
  url: string
}

/**
 * The namespaces a page shows at once: the shared words and the page's own (a segment's page also shows the list's
 * navigation). The other pages' words load when they are opened (react-i18next waits for them through Suspense).
 */
export function namespacesFor(pathname: string): Namespace[] {
  if (pathname.startsWith('/segments/')) return ['common', 'detail', 'segments']
  const page = pathname.replace(/^\/+|\/+$/g, '')
  if (page === '') return ['common', 'segments']
  const own = NAMESPACES.find((namespace) => namespace === page && namespace !== 'common' && namespace !== 'detail')
  return own ? ['common', own] : ['common']
}

/** The translations files the app starts with in `language` at `pathname`: its own and English's. */
export function startupTranslations(language: Language, pathname: string): TranslationsFile[] {
  const languages = language === FALLBACK_LANGUAGE ? [language] : [language, FALLBACK_LANGUAGE]
  return languages.flatMap((lng) =>
    namespacesFor(pathname).flatMap((namespace) => {
      const url = translationsUrl(lng, namespace)
      return url ? [{ language: lng, namespace, url }] : []
    }),
  )
}

export async function fetchTranslations(url: string): Promise<unknown> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  return response.json()
}
