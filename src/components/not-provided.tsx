// The mark for a field a provider does not supply: distinct from an empty value, with the reason.
import { useFixedT } from './use-fixed-t'

export function NotProvided({ by }: { by: string }) {
  const t = useFixedT()
  return (
    <span className="not-provided" title={t('notProvided.title', { provider: by })}>
      {t('notProvided.text')}
      <span className="visually-hidden"> {t('notProvided.by', { provider: by })}</span>
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
