// The interface language and a translate function for components drawn hundreds of times at once (the list's cells):
// react-i18next's useTranslation copies its i18n instance for each component that calls it, ~40 ms of a cold list
// load here; these read the language through one store subscription and share one function per language and namespace.
import i18next, { type DefaultNamespace, type Namespace, type TFunction } from 'i18next'
import { useSyncExternalStore } from 'react'

function subscribe(onChange: () => void): () => void {
  i18next.on('languageChanged', onChange)
  return () => i18next.off('languageChanged', onChange)
}

const currentLanguage = () => i18next.resolvedLanguage ?? i18next.language

/** The interface language; the component renders again when it changes. */
export function useLanguage(): string {
  return useSyncExternalStore(subscribe, currentLanguage)
}

const fixed = new Map<string, unknown>()

/** `t` for `namespace` in the interface language (only for namespaces already loaded: the list's own and 'common'). */
export function useFixedT<const N extends Namespace = DefaultNamespace>(namespace?: N): TFunction<N> {
  const language = useLanguage()
  const key = `${language}|${String(namespace ?? '')}`
  let t = fixed.get(key) as TFunction<N> | undefined
  if (!t) {
    t = i18next.getFixedT(language, namespace) as unknown as TFunction<N>
    fixed.set(key, t)
  }
  return t
}
