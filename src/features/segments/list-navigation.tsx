// On a segment's page: back to the list with its view (also Escape), previous/next through that view (keys k and j),
// and, as a review queue, on to the next segment once a verdict is saved (a setting, on by default). A verdict write
// still on its way is waited for before moving: if it is not saved, the page stays, and its Audit card says why.
import type { TFunction } from 'i18next'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { isShortcut, isTextEntry } from '../../lib/keyboard'
import { onVerdictSaved, verdictWriteOnItsWay } from '../../lib/verdict-events'
import { isProviderId, segmentKey } from '../../providers/provider-id'
import { segmentPath } from '../../providers/segment'
import { auditKeys, type AuditSnapshot } from '../../stores/audit-queries'
import { parseListState } from './list-state'
import { placeInView, type QueuePlace } from './review-queue'
import { isPlainClick, type ListLocationState } from './segment-link'
import { rememberListReturn } from './use-list-return'
import { useMoveOn } from './use-move-on'
import { useSegmentView } from './use-segment-view'

/**
 * The reviewer typing (in the note, say) when a verdict's answer comes, seconds after the key on a slow or dropped
 * link: the queue stays, as moving on would cut the note short and make the next keys shortcuts on unseen segments.
 */
const typing = () => isTextEntry(document.activeElement)

export function ListNavigation() {
  const { t } = useTranslation('segments')
  const { provider = '', id = '' } = useParams()
  const location = useLocation()
  const navigate = useNavigate()
  const opened = (location.state as Partial<ListLocationState> | null)?.listSearch
  // A review queue needs a view to work through: opened from the list, not from a link someone shared.
  const fromList = typeof opened === 'string'
  const listSearch = fromList ? opened : ''
  // Parsed once per list URL: fresh objects on every render would make useSegmentView sort all rows again.
  const { filters, sort } = useMemo(() => parseListState(new URLSearchParams(listSearch)), [listSearch])
  const { list, sorted, visible, findingsPending } = useSegmentView(filters, sort)
  // A list the view draws on still arriving (429s can make that last): its length so far is no total to give.
  const partial = list.providers.some(
    (listed) => listed.loading && (filters.provider === null || filters.provider === listed.provider),
  )
  const key = isProviderId(provider) ? segmentKey(provider, id) : ''
  // A view by a finding has no place to give until the findings' code has loaded.
  const place = useMemo(
    () => (findingsPending ? undefined : placeInView(sorted, visible, key)),
    [findingsPending, sorted, visible, key],
  )
  const next = place?.next
  const state: ListLocationState = { listSearch }
  const [moveOn, setMoveOn] = useMoveOn()

  // Where the last j or k went while the page has not shown it yet (a navigation is a transition, drawn once the new
  // segment's page is ready): the next press counts from there, so each press of a burst moves one segment.
  const heading = useRef<string | undefined>(undefined)
  // The segment on screen, none once the page is left: a move waiting for a verdict is for that page only.
  const shown = useRef<string | undefined>(undefined)
  useEffect(() => {
    heading.current = undefined
    shown.current = key
    if (key) rememberListReturn(key, listSearch)
    return () => {
      shown.current = undefined
    }
  }, [key, listSearch])

  // The segment the review queue moved on from: a j pressed just after the verdict then asks for no second move.
  const queueLeft = useRef<string | undefined>(undefined)
  const queryClient = useQueryClient()
  // A move on that waits for the audit to be read afresh (`from`: the segment it leaves), made once it is drawn.
  const [moveOnRead, setMoveOnRead] = useState<{ from: string }>()
  const moveOnNow = useEffectEvent((from: string) => {
    if (from === shown.current && next && !typing()) void navigate(segmentPath(next), { state })
  })
  useEffect(() => {
    if (moveOnRead) moveOnNow(moveOnRead.from)
  }, [moveOnRead])
  useEffect(() =>
    onVerdictSaved((saved) => {
      if (!(fromList && moveOn && saved === key && next) || typing()) return
      queueLeft.current = key
      // The verdict's revision says whether the audit changed since the page last read it (a colleague's verdict
      // within the last poll's 2 s): the next segment is then taken from it read afresh, not one reviewed meanwhile.
      const audit = queryClient.getQueryData<AuditSnapshot>(auditKeys.entries())
      if ((audit?.entries.get(key)?.revision ?? 0) > (audit?.revision ?? 0) + 1)
        void queryClient
          .refetchQueries({ queryKey: auditKeys.entries(), exact: true })
          .then(() => setMoveOnRead({ from: key }))
      else void navigate(segmentPath(next), { state })
    }),
  )

  /** With a verdict write on its way: to a neighbour once it is saved (true); false when none is on its way. */
  const stepAfterVerdict = (target: Parameters<typeof segmentPath>[0]): boolean => {
    const pending = verdictWriteOnItsWay(key)
    if (!pending) return false
    const from = key
    queueLeft.current = undefined
    void pending.then((saved) => {
      if (saved && shown.current === from && queueLeft.current !== from) void navigate(segmentPath(target), { state })
      else heading.current = undefined
    })
    return true
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event)) return
      if (event.key === 'Escape') {
        // Taken already (the header's open Menu closing, say): not also back to the list.
        if (event.defaultPrevented) return
        // Back to the list, its view and scroll position, as the "Back to the segments" link does.
        event.preventDefault()
        void navigate({ pathname: '/', search: listSearch })
        return
      }
      if (event.key !== 'j' && event.key !== 'k') return
      const from = heading.current === undefined ? place : placeInView(sorted, visible, heading.current)
      const target = event.key === 'j' ? from?.next : from?.previous
      if (!target) return
      event.preventDefault()
      heading.current = target.key
      if (!stepAfterVerdict(target)) void navigate(segmentPath(target), { state })
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  return (
    <nav className="detail-nav" aria-label={t('navigation.label')}>
      <Link to={{ pathname: '/', search: listSearch }} className="button button-ghost">
        {t('navigation.back')}
      </Link>
      <span className="toolbar-spacer" />
      {fromList ? (
        <label className="move-on">
          <input type="checkbox" checked={moveOn} onChange={(event) => setMoveOn(event.target.checked)} />
          {t('navigation.moveOn')}
        </label>
      ) : null}
      {place ? <span className="muted">{positionText(t, place, partial)}</span> : null}
      <StepLink to={place?.previous} state={state} direction="previous" onStep={stepAfterVerdict} />
      <StepLink to={next} state={state} direction="next" onStep={stepAfterVerdict} />
    </nav>
  )
}

/**
 * "3 of 40", or "next: 3 of 39 left" once a verdict took the segment out of the view; no total while it loads. Taken
 * out of the view as its last, no next: that none is left after it (none at all when it was the only one).
 */
function positionText(t: TFunction<'segments'>, place: QueuePlace, partial: boolean): string {
  const values = { index: place.position, total: place.total }
  if (partial) return t(place.inView ? 'navigation.positionLoading' : 'navigation.positionLeftLoading', values)
  if (place.inView) return t('navigation.position', values)
  if (place.next) return t('navigation.positionLeft', values)
  return place.total === 0
    ? t('navigation.positionNoneLeft')
    : t('navigation.positionNoneAfter', { count: place.total })
}

/**
 * Previous or Next: a link to the neighbouring segment of the view, or at either end the same words greyed out, a
 * link said unavailable (no href: nothing to follow, nor to reach with Tab) rather than words a screen reader reads
 * as text.
 */
function StepLink({
  to,
  state,
  direction,
  onStep,
}: {
  to: Parameters<typeof segmentPath>[0] | undefined
  state: ListLocationState
  direction: 'previous' | 'next'
  onStep: (to: Parameters<typeof segmentPath>[0]) => boolean
}) {
  const { t } = useTranslation('segments')
  const label = t(`navigation.${direction}`)
  if (!to)
    return (
      <a className="button" role="link" aria-disabled="true">
        {label}
      </a>
    )
  return (
    <Link
      className="button"
      to={segmentPath(to)}
      state={state}
      aria-keyshortcuts={direction === 'next' ? 'j' : 'k'}
      title={t(`navigation.${direction}Title`)}
      onClick={(event) => {
        // A plain click waits for the verdict on its way; one that opens another tab leaves this page as it is.
        if (isPlainClick(event) && onStep(to)) event.preventDefault()
      }}
    >
      {label}
    </Link>
  )
}
