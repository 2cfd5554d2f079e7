// The mark for a field a provider does not supply: distinct from an empty value, with the reason.
import type { TFunction } from 'i18next'
import { useFixedT } from './use-fixed-t'

/** A table shows this mark in hundreds of cells: its three texts are worked out once per language and provider. */
const textsByT = new WeakMap<TFunction, Map<string, { title: string; text: string; by: string }>>()

function notProvidedTexts(t: TFunction, provider: string) {
  let byProvider = textsByT.get(t)
  if (!byProvider) textsByT.set(t, (byProvider = new Map()))
  let texts = byProvider.get(provider)
  if (!texts) {
    texts = {
      title: t('notProvided.title', { provider }),
      text: t('notProvided.text'),
      by: t('notProvided.by', { provider }),
    }
    byProvider.set(provider, texts)
  }
  return texts
}

export function NotProvided({ by }: { by: string }) {
  const { title, text, by: reason } = notProvidedTexts(useFixedT(), by)
  return (
    <span className="not-provided" title={title}>
      {text}
      <span className="visually-hidden"> {reason}</span>
    </span>
  )
}

/** A value the app has not loaded yet (e.g. Braze details before the segment is opened or scanned). */
export function NotLoaded({ hint }: { hint: string }) {
  const t = useFixedT()
  return (
    <span className="not-loaded" title={hint}>
      {t('notLoaded')}
    </span>
  )
}
