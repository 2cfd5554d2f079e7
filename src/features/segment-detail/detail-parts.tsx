// Parts shared by both detail views: the not-found page, the loading skeleton, the header and a provider's failure.
import { useTranslation } from 'react-i18next'
import { RichText } from '../../components/rich-text'
import { useEffect, useRef, type ReactNode, type RefObject } from 'react'
import { Link, useLocation } from 'react-router'
import { RetryAlert } from '../../components/alert'
import { Badge } from '../../components/badge'
import { CopyButton } from '../../components/copy-button'
import { EmptyState } from '../../components/empty-state'
import { useDocumentTitle } from '../../components/use-document-title'
import { adviceForError, isNotConfigured } from '../../providers/error-advice'
import { useAskAgainWhenServerBack } from '../../stores/server-back'
import { isProviderId, providerLabel, providerName, segmentKey, type ProviderId } from '../../providers/provider-id'
import { useKeptName } from '../../stores/audit-baseline'
import { useVerdict } from '../../stores/use-verdicts'
import { useFormat } from '../../components/use-format'
import { AuditPanel } from './audit-panel'
import { useAskAgainAfterHold } from './braze-waits'

/** A segment's name as the provider last gave it (its details, kept in this browser), and when it was fetched. */
interface LastKnown {
  name: string
  at: string
}

interface SegmentNotFoundProps {
  provider: string
  id: string
  /** The list navigation the app slots in, kept on the page of a segment no longer listed. */
  navigation?: ReactNode
  lastKnown?: LastKnown
}

/**
 * A segment the provider does not have. One the audit knows (a review of it, or a name kept in the snapshot the Audit
 * page compares with) was deleted or archived: its page stays, named as the audit last knew it and marked as no longer
 * listed, with the team's review to read and change. Any other ID is simply not found.
 */
export function SegmentNotFound({ provider, id, navigation, lastKnown }: SegmentNotFoundProps) {
  const key = isProviderId(provider) ? segmentKey(provider, id) : ''
  const reviewed = useVerdict(key) !== undefined
  const kept = useKeptName(key)
  // The more recent of the two names, if both are known: a rename between them is the provider's last word.
  const known = lastKnown && (!kept || Date.parse(lastKnown.at) >= Date.parse(kept.at)) ? lastKnown : kept
  if (!isProviderId(provider) || (!reviewed && !known)) return <NotFound provider={provider} id={id} />
  return <GoneSegment provider={provider} id={id} navigation={navigation} known={known} />
}

function NotFound({ provider, id }: { provider: string; id: string }) {
  const { t } = useTranslation('detail')
  useDocumentTitle(t('notFound.title'))
  return (
    <EmptyState page title={t('notFound.title')}>
      <p>
        <RichText text={t('notFound.text', { provider: providerName(provider), id })} components={{ code: <code /> }} />
      </p>
      <Link className="button button-primary" to="/">
        {t('notFound.back')}
      </Link>
    </EmptyState>
  )
}

interface GoneSegmentProps {
  provider: ProviderId
  id: string
  navigation: ReactNode
  known: LastKnown | undefined
}

function GoneSegment({ provider, id, navigation, known }: GoneSegmentProps) {
  const { t } = useTranslation('detail')
  const format = useFormat()
  const label = providerLabel[provider]
  return (
    <DetailFrame
      provider={provider}
      id={id}
      name={known?.name ?? t('notFound.title')}
      gone
      navigation={navigation}
      main={
        <section className="card" aria-labelledby="gone-heading">
          <h2 id="gone-heading">{t('gone.heading', { provider: label })}</h2>
          <p>
            <RichText text={t('gone.text', { provider: label, id })} components={{ code: <code /> }} />
          </p>
          <p className="muted">{known ? t('gone.named', { date: format.dateTime(known.at) }) : t('gone.unnamed')}</p>
          <p className="muted">{t('gone.review')}</p>
        </section>
      }
    />
  )
}

export function DetailSkeleton() {
  return (
    <div className="detail-skeleton" aria-hidden="true">
      <span className="skeleton" style={{ width: '40%', height: 28 }} />
      <span className="skeleton" style={{ width: '70%' }} />
      <span className="skeleton" style={{ width: '55%' }} />
    </div>
  )
}

/** What a segment page's Retry asks again: a page can show two failures at once, each with its own button. */
type RetryTarget = 'details' | 'sizeHistory' | 'list'

interface ProviderAlertProps {
  error: unknown
  provider: ProviderId
  retry: () => void
  /** Named on the button ("Retry the details"), so that two of them are told apart, by ear too. */
  retries: RetryTarget
  /** Where the keyboard goes once a Retry pressed here brought what failed: the heading of what shows instead. */
  focusAfter: RefObject<HTMLElement | null>
}

/**
 * A provider's failure in plain words, with Retry; after a hold of Braze's reserve, asked again by itself too. A
 * provider not configured says what to set, without Retry: the server reads its variables as it starts.
 */
export function ProviderAlert({ error, provider, retry, retries, focusAfter }: ProviderAlertProps) {
  const { t } = useTranslation()
  const { t: tDetail } = useTranslation('detail')
  useAskAgainAfterHold(error, retry)
  useAskAgainWhenServerBack(error, retry)
  return (
    <RetryAlert
      {...adviceForError(error, provider, t)}
      onRetry={isNotConfigured(error) ? undefined : retry}
      retryLabel={tDetail(`retry.${retries}`)}
      focusAfter={() => focusAfter.current}
    />
  )
}

interface DetailFrameProps {
  provider: ProviderId
  id: string
  name: string | undefined
  /** No name will come (what would give it failed): the title says so instead of loading for ever. */
  nameUnavailable?: boolean
  /** The list navigation the app slots in. */
  navigation?: ReactNode
  /** A failure to load what the page shows, offered again with Retry (named after what it asks again). */
  failure?: Pick<ProviderAlertProps, 'error' | 'retry' | 'retries' | 'focusAfter'> | null
  /** The provider no longer lists the segment: the header says so beside its name. */
  gone?: boolean
  /** What the page waits for meanwhile (Braze asked to wait, say). */
  notice?: ReactNode
  main: ReactNode
  side?: ReactNode
}

/** The page frame of every segment: list navigation, header, failure, then content beside the audit panel. */
export function DetailFrame(props: DetailFrameProps) {
  const { provider, id, name, nameUnavailable = false, gone = false, navigation, failure, notice, main, side } = props
  return (
    <>
      {navigation}
      <DetailHeader provider={provider} id={id} name={name} nameUnavailable={nameUnavailable} gone={gone} />
      {failure ? <ProviderAlert {...failure} provider={provider} /> : null}
      {notice}
      {/* The audit card comes first, so a reviewer sees the verdicts without scrolling: right under the title on a
          narrow screen, at the top of the side column on a wide one (grid areas in styles.css). */}
      <div className="detail-grid">
        <div className="detail-audit">
          {/* One panel per segment: moving on (j/k) starts a new one, and the last one sends what was typed. */}
          <AuditPanel key={segmentKey(provider, id)} segmentKey={segmentKey(provider, id)} />
        </div>
        <div className="detail-main">{main}</div>
        {side ? <aside className="detail-side">{side}</aside> : null}
      </div>
    </>
  )
}

/**
 * Opened from within the app (a row of the list, Next, j or k, the review queue moving on), a segment's page takes the
 * keyboard on its heading once the heading names it: the link or the Audit card that had it went with the page before,
 * and a screen reader would otherwise say nothing of which segment is now open. Not on a first load (the browser reads
 * the new page itself), and never from a control the keyboard is on.
 */
function useHeadingFocus(shown: string, named: boolean): RefObject<HTMLHeadingElement | null> {
  const heading = useRef<HTMLHeadingElement>(null)
  const focusedFor = useRef<string | undefined>(undefined)
  const inApp = useLocation().key !== 'default'
  useEffect(() => {
    if (!named || !inApp || focusedFor.current === shown) return
    focusedFor.current = shown
    if (document.activeElement === document.body || document.activeElement === null) heading.current?.focus()
  }, [shown, named, inApp])
  return heading
}

function DetailHeader({
  provider,
  id,
  name,
  nameUnavailable,
  gone,
}: {
  provider: ProviderId
  id: string
  name: string | undefined
  nameUnavailable: boolean
  gone: boolean
}) {
  const { t } = useTranslation('detail')
  // Without a name, the tab is told apart from another by the segment's id.
  useDocumentTitle(name ?? (nameUnavailable ? id : undefined))
  const heading = useHeadingFocus(`${provider}:${id}`, name !== undefined || nameUnavailable)
  return (
    <header className="detail-header">
      <Badge tone={provider}>{providerLabel[provider]}</Badge>
      {gone ? (
        <>
          {' '}
          <Badge tone="danger">{t('gone.badge')}</Badge>
        </>
      ) : null}
      <h1 ref={heading} tabIndex={-1}>
        {name ??
          (nameUnavailable ? (
            <span className="muted">{t('header.nameUnavailable')}</span>
          ) : (
            <span className="skeleton" style={{ width: 320, display: 'inline-block' }} />
          ))}
      </h1>
      <p className="id-cell detail-id">
        <span className="muted">{t('header.id')}</span> <code>{id}</code>
        <CopyButton value={id} label={t('header.copyId')} />
      </p>
    </header>
  )
}
