// Under a Braze segment's details served from what the audit server keeps for the team (a colleague's scan or visit,
// up to a day ago) rather than asked of Braze now: when Braze gave them, and a way to ask Braze again. A description
// fixed in Braze since then shows only once asked.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../components/use-format'
import { SIZE_SERIES_DAYS } from '../../providers/braze/cached-queries'
import { fetchBrazeDataSeries, fetchBrazeSegmentDetails } from '../../providers/braze/client'
import { brazeQueries, DETAILS_FRESH_MS } from '../../providers/braze/queries'
import { adviceForError } from '../../providers/error-advice'
import type { RequestHooks } from './braze-waits'

interface KeptNoteProps {
  id: string
  /** When Braze gave the details shown, if the server kept them; undefined once they are Braze's answer now. */
  keptAt: string | undefined
  /** The size history is shown too (tracking on): it is asked again with the details. */
  withSizes: boolean
  hooks: RequestHooks
}

export function KeptNote({ id, keptAt, withSizes, hooks }: KeptNoteProps) {
  const { t } = useTranslation()
  const { t: tDetail } = useTranslation('detail')
  const format = useFormat()
  const queryClient = useQueryClient()
  // "Now" is taken once, when the note is first shown: the age does not tick.
  const [now] = useState(Date.now)
  // Asked apart from the page's queries and put in only once both came: a refresh that fails leaves the kept details
  // shown, with why beside the button, rather than turning the page's details into an error.
  const refresh = useMutation({
    mutationFn: async () => {
      const asked = { ...hooks, refresh: true }
      const [details, sizes] = await Promise.all([
        fetchBrazeSegmentDetails(id, asked),
        withSizes ? fetchBrazeDataSeries(id, SIZE_SERIES_DAYS, asked) : undefined,
      ])
      queryClient.setQueryData(brazeQueries.details(id).queryKey, details)
      if (sizes) queryClient.setQueryData(brazeQueries.dataSeries(id, SIZE_SERIES_DAYS).queryKey, sizes)
    },
  })
  // Kept a moment ago is as good as Braze's answer now: nothing to say. Once asked, the note stays (and the button
  // under the keyboard) to say it is done.
  const old = keptAt !== undefined && now - Date.parse(keptAt) > DETAILS_FRESH_MS
  if (!old && !refresh.isSuccess) return null
  return (
    <div className="kept-note">
      <p className="muted small" role="status">
        {keptAt !== undefined && old
          ? tDetail('kept.note', { age: format.relative(keptAt, now), time: format.dateTime(keptAt) })
          : tDetail('kept.refreshed')}
      </p>
      <button
        type="button"
        className="button button-small"
        disabled={refresh.isPending}
        onClick={() => refresh.mutate()}
      >
        {refresh.isPending ? tDetail('kept.refreshing') : tDetail('kept.refresh')}
      </button>
      {refresh.isError ? (
        <p className="small" role="alert">
          {adviceForError(refresh.error, 'braze', t).title}
        </p>
      ) : null}
    </div>
  )
}
