// Offers once to move the reviews an earlier version kept in this browser into the team's audit on the server.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../components/alert'
import { uploadSession } from '../stores/session-upload'
import { auditKeys } from '../stores/audit-queries'
import { browserReviewsFile, forgetBrowserReviews, readBrowserReviews } from '../stores/browser-reviews'
import { useReviewer } from '../stores/reviewer'
import type { SessionEntry } from '../stores/session-file'

const browserReviewsKey = [...auditKeys.all, 'browser-reviews'] as const

export function BrowserReviewsOffer() {
  const reviews = useQuery({
    queryKey: browserReviewsKey,
    queryFn: () => readBrowserReviews(),
    staleTime: Number.POSITIVE_INFINITY,
  })
  // Nothing kept in this browser (every visit after the move, and every new reviewer): nothing to ask the server.
  return reviews.data && reviews.data.length > 0 ? <Offer found={reviews.data} /> : null
}

function Offer({ found }: { found: readonly SessionEntry[] }) {
  const { t } = useTranslation('common')
  const queryClient = useQueryClient()
  const { reviewer } = useReviewer()
  const [dismissed, setDismissed] = useState(false)
  const move = useMutation({
    mutationFn: async () => {
      // Whoever moves them is recorded in the history; the reviews keep their own reviewers and dates.
      const mover = reviewer || found.at(-1)?.reviewer || 'this browser'
      const answer = await uploadSession(browserReviewsFile(found, new Date()), 'browser', mover)
      await forgetBrowserReviews()
      return answer
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: auditKeys.entries() }),
  })
  const count = found.length
  if (move.isSuccess) {
    return (
      <Alert tone="info" title={t('browserReviews.moved', { count: move.data.added + move.data.updated })}>
        <button type="button" className="button" onClick={() => queryClient.setQueryData(browserReviewsKey, [])}>
          {t('browserReviews.close')}
        </button>
      </Alert>
    )
  }
  if (count === 0 || dismissed) return null
  return (
    <Alert tone="info" title={t('browserReviews.title', { count })}>
      <p>{t('browserReviews.text')}</p>
      {move.isError ? <p role="alert">{t('browserReviews.failed', { message: move.error.message })}</p> : null}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={move.isPending} onClick={() => move.mutate()}>
          {move.isPending ? t('browserReviews.moving') : t('browserReviews.move', { count })}
        </button>
        <button type="button" className="button" onClick={() => setDismissed(true)}>
          {t('browserReviews.later')}
        </button>
      </div>
    </Alert>
  )
}
