// Names, on every page, the reviews of this tab held back for a colleague's change: a verdict or a note a segment's
// page could not save before the reviewer left it, which someone else changed since (or which the audit server
// refused). Without it the draft would wait silently for a visit to that segment, and go with the tab. Its code
// loads only in a tab that holds drafts.
import { useQueryClient } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useEffect, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { Alert } from '../components/alert'
import { isProviderId, splitSegmentKey } from '../providers/provider-id'
import { segmentPath } from '../providers/segment'
import { useSegmentList } from '../providers/segment-lists'
import {
  discardHeldDraft,
  heldDrafts,
  sendLeftDrafts,
  subscribeHeldDrafts,
  type HeldDraft,
} from '../stores/left-drafts'

export function HeldReviews() {
  const { t } = useTranslation('common')
  const queryClient = useQueryClient()
  // Once per client, whoever starts it first; it is what finds the drafts held back.
  useEffect(() => void sendLeftDrafts(queryClient), [queryClient])
  const { pathname } = useLocation()
  // The segment's own page shows its conflict itself.
  const held = useSyncExternalStore(subscribeHeldDrafts, heldDrafts).filter(
    ({ write }) => pathOf(write.key) !== pathname,
  )
  const { segments } = useSegmentList()
  // A live region from the start, so that the notice is announced when a poll finds a draft held back. Left out of the
  // kept first screen: after a reload it shows once the audit server has answered, not before.
  return (
    <div data-transient aria-live="polite">
      {held.length > 0 && (
        <Alert tone="warning" title={t('heldReviews.title', { count: held.length })}>
          <p>{t('heldReviews.text')}</p>
          <ul className="held-reviews">
            {held.map((draft) => {
              const { key, field } = draft.write
              const name = segments.find((each) => each.key === key)?.name || splitSegmentKey(key).id
              return (
                <li key={`${field} ${key}`}>
                  <Link to={pathOf(key)}>{name}</Link> <span>{whyHeld(draft, t)}</span>{' '}
                  <button
                    type="button"
                    className="button button-ghost"
                    aria-label={t(`heldReviews.discard.${field}`, { name })}
                    onClick={() => discardHeldDraft(draft)}
                  >
                    {t('heldReviews.discard.label')}
                  </button>
                </li>
              )
            })}
          </ul>
        </Alert>
      )}
    </div>
  )
}

function pathOf(key: string): string {
  const { provider, id } = splitSegmentKey(key)
  return isProviderId(provider) ? segmentPath({ provider, id }) : '/'
}

function whyHeld({ write, theirs }: HeldDraft, t: TFunction<'common'>): string {
  if (write.field === 'verdict') {
    const mine = t(`verdict.${write.value}`)
    if (!theirs) return t('heldReviews.refused.verdict', { mine })
    return t('heldReviews.changed.verdict', {
      mine,
      reviewer: theirs.verdictBy,
      theirs: t(`verdict.${theirs.verdict}`),
    })
  }
  return theirs ? t('heldReviews.changed.note', { reviewer: theirs.noteBy }) : t('heldReviews.refused.note')
}
