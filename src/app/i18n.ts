// The interface language: English or French, from the browser by default, switched by the user and remembered.
// Translations are JSON files (src/locales/{lang}/{namespace}.json) fetched as hashed assets, not JavaScript, so a
// language costs its own strings only; `<html lang>` follows the choice.
import i18next, { type BackendModule, type i18n as I18n, type Resource, type ResourceKey } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { formatNumber } from '../lib/format'
import { takeRead } from '../lib/head-start'
import {
  detectLanguage,
  FALLBACK_LANGUAGE,
  fetchTranslations,
  LANGUAGE_STORAGE_KEY,
  LANGUAGES,
  namespacesFor,
  NAMESPACES,
  startupTranslations,
  translationsUrl,
  type Language,
} from './locale-files'

export { LANGUAGES, type Language } from './locale-files'

const fetchLocales: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (language, namespace, callback) => {
    const url = translationsUrl(language, namespace)
    if (!url) {
      callback(new Error(`No ${language} translations for ${namespace}`), false)
      return
    }
    readTranslations(url).then(
      (data) => callback(null, data as Resource),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    )
  },
}

/**
 * `{{count, number}}` formatted with the app's one Intl.NumberFormat per language. i18next keeps one per set of a
 * call's options, values included: each new count or total made (and first used) a new one, tens of them on the Audit
 * page as its counts grow with the lists. No string gives format options of its own, so every number reads the same.
 */
function formatNumbersPerLanguage(instance: I18n): void {
  instance.services.formatter?.add('number', (value: number, language) => formatNumber(value, language))
}

function followLanguage(instance: I18n): void {
  if (typeof document === 'undefined') return
  const apply = (language: string) => {
    document.documentElement.lang = language
  }
  apply(instance.resolvedLanguage ?? instance.language)
  instance.on('languageChanged', apply)
}

const options = (language: Language, namespaces: readonly string[] = NAMESPACES) =>
  ({
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: [...namespaces],
    defaultNS: 'common',
    // React escapes what it renders: i18next must not escape a second time (provider text is only ever text).
    interpolation: { escapeValue: false },
    returnNull: false,
  }) as const

/** Takes a translations file from early-reads.ts, or fetches it now. */
const readTranslations = (url: string) => takeRead<unknown>(url) ?? fetchTranslations(url)

/**
 * The language's translations, and English's, for the namespaces the page opened shows. A file that fails to load is
 * left out: i18next asks the backend for it again when a page needs it.
 */
async function startupResources(language: Language, pathname: string): Promise<Resource> {
  const resources: Resource = {}
  await Promise.all(
    startupTranslations(language, pathname).map(async (file) => {
      try {
        const data = (await readTranslations(file.url)) as ResourceKey
        resources[file.language] = { ...resources[file.language], [file.namespace]: data }
      } catch {
        // Loaded on demand instead (see fetchLocales).
      }
    }),
  )
  return resources
}

/**
 * The app's instance, ready to render the first page: it starts with the translations early-reads.ts began to fetch
 * (no wait on i18next's own loading); another language is fetched when chosen, and a page waits for what is missing
 * through Suspense.
 */
export async function initI18n(): Promise<I18n> {
  const language = detectLanguage()
  const { pathname } = window.location
  const resources = await startupResources(language, pathname)
  await i18next
    .use(fetchLocales)
    .use(initReactI18next)
    .init({ ...options(language, namespacesFor(pathname)), resources, partialBundledLanguages: true, initAsync: false })
  formatNumbersPerLanguage(i18next)
  followLanguage(i18next)
  return i18next
}

/** Tests and tools: the same instance with every translation given up front, so nothing waits. */
export async function initI18nWithResources(resources: Resource, language: Language = 'en'): Promise<I18n> {
  await i18next.use(initReactI18next).init({ ...options(language), resources, initAsync: false })
  formatNumbersPerLanguage(i18next)
  followLanguage(i18next)
  return i18next
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language)
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language)
  } catch {
    // Storage disabled: the choice still holds for this visit.
  }
}
