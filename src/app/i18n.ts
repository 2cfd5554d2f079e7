// The interface language: English or French, from the browser by default, switched by the user and remembered.
// Translations are JSON files (src/locales/{lang}/{namespace}.json) fetched as hashed assets, not JavaScript, so a
// language costs its own strings only; `<html lang>` follows the choice.
import i18next, { type BackendModule, type i18n as I18n, type Resource } from 'i18next'
import { initReactI18next } from 'react-i18next'

export const LANGUAGES = ['en', 'fr'] as const
export type Language = (typeof LANGUAGES)[number]
export const NAMESPACES = ['common', 'segments', 'detail', 'audit', 'visitor', 'connections'] as const

const STORAGE_KEY = 'segment-audit:language:v1'

const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value)

/** The remembered choice, else the first of the browser's languages we have, else English. */
export function detectLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
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

const fetchLocales: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (language, namespace, callback) => {
    const url = localeUrls[`../locales/${language}/${namespace}.json`]
    if (!url) {
      callback(new Error(`No ${language} translations for ${namespace}`), false)
      return
    }
    fetch(url)
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${url}: HTTP ${response.status}`))))
      .then((data: Resource) => callback(null, data), (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false))
  },
}

function followLanguage(instance: I18n): void {
  if (typeof document === 'undefined') return
  const apply = (language: string) => {
    document.documentElement.lang = language
  }
  apply(instance.resolvedLanguage ?? instance.language)
  instance.on('languageChanged', apply)
}

const options = (language: Language) =>
  ({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    // React escapes what it renders: i18next must not escape a second time (provider text is only ever text).
    interpolation: { escapeValue: false },
    returnNull: false,
  }) as const

/** The app's instance: translations fetched on demand, the page waits for them through Suspense. */
export async function initI18n(): Promise<I18n> {
  await i18next.use(fetchLocales).use(initReactI18next).init(options(detectLanguage()))
  followLanguage(i18next)
  return i18next
}

/** Tests and tools: the same instance with every translation given up front, so nothing waits. */
export async function initI18nWithResources(resources: Resource, language: Language = 'en'): Promise<I18n> {
  await i18next.use(initReactI18next).init({ ...options(language), resources, initAsync: false })
  followLanguage(i18next)
  return i18next
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language)
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Storage disabled: the choice still holds for this visit.
  }
}
