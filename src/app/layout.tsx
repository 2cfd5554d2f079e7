// The frame of every page: header with navigation, the data-source badge and the language switch, then the page.
import { useQuery } from '@tanstack/react-query'
import { Suspense, useEffect, useEffectEvent, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, Outlet, useLocation, useNavigationType } from 'react-router'
import { Badge } from '../components/badge'
import { onDemand } from '../components/on-demand'
import { useEscapeCloses } from '../components/use-escape-closes'
import { connectionStatusQuery } from '../providers/connection-status'
import { changeLanguage, LANGUAGES } from './i18n'
import { legacyDatabaseExists } from '../stores/browser-reviews-check'

const NAVIGATION = [
  { to: '/', key: 'nav.segments', end: true },
  { to: '/audit', key: 'nav.audit', end: false },
  { to: '/visitor', key: 'nav.visitor', end: false },
  { to: '/connections', key: 'nav.connections', end: false },
] as const

function DataSourceBadge() {
  const { t } = useTranslation()
  const { data } = useQuery(connectionStatusQuery())
  if (!data) return null
  if (data.mode === 'demo')
    return (
      <Badge tone="demo" title={t('badge.demoHint')}>
        {t('badge.demo')}
      </Badge>
    )
  // Real mode with the variables of neither provider: there is no data, live or not.
  const { braze, commandersAct } = data.providers
  return braze.configured || commandersAct.configured ? (
    <Badge tone="real">{t('badge.live')}</Badge>
  ) : (
    <Badge tone="danger" title={t('badge.noneHint')}>
      {t('badge.none')}
    </Badge>
  )
}

/** Named in the language it switches to ("Français" / "English"), as language pickers are. */
function LanguageSwitch() {
  const { t } = useTranslation()
  const target = LANGUAGES.find((language) => language === t('language.switchToLang')) ?? 'en'
  return (
    <button
      type="button"
      className="button button-ghost language-switch"
      lang={target}
      onClick={() => void changeLanguage(target)}
    >
      {t('language.switchTo')}
    </button>
  )
}

/**
 * The app's mark (public/favicon.svg), drawn inline: an <img> of an SVG file costs a request and a separate SVG
 * document to render, both in the way of the first paint.
 */
function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#2f4fd8" />
      <path d="M9 10h14M9 16h10M9 22h6" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
      <circle cx="23" cy="22" r="3" fill="#7ee0b8" />
    </svg>
  )
}

/**
 * On a phone the navigation, the data badge and the language switch fold into a menu; it closes on each new page. A new
 * page opens at its top, not at the offset the last page was scrolled to (clamped to its height); Back and Forward keep
 * the browser's own, and the list puts back its own offset when the reviewer returns to it.
 */
function useHeaderMenu(button: RefObject<HTMLElement | null>, parts: readonly RefObject<HTMLElement | null>[]) {
  const { pathname } = useLocation()
  // Open on the page it was opened on only.
  const [openOn, setOpenOn] = useState<string | null>(null)
  const open = openOn === pathname
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null)
  const navigation = useNavigationType()
  const toTop = useEffectEvent(() => {
    if (navigation !== 'POP') scrollTo(0, 0)
  })
  useLayoutEffect(() => toTop(), [pathname])
  useEscapeCloses(open, (target) => {
    setOpenOn(null)
    // The keyboard in the menu, which folds away: back to its button, not to the page's top.
    if (parts.some((part) => part.current?.contains(target))) button.current?.focus()
  })
  return [open, setOpen] as const
}

/** A tab whose segment pages left a verdict or a note unsaved (src/stores/audit-draft.ts): the app sends them. */
export function draftsInTab(): boolean {
  try {
    return Object.keys(sessionStorage).some((key) => key.includes('-draft:'))
  } catch {
    return false
  }
}

/** Names the drafts held back for a colleague's change; loaded only in a tab that holds drafts. */
const HeldReviews = onDemand(() => import('./held-reviews'), 'HeldReviews')

/** Shown in a browser an earlier version kept reviews in: its code loads only there. */
const BrowserReviewsOffer = onDemand(() => import('./browser-reviews-offer'), 'BrowserReviewsOffer')

function useKeptBrowserReviews(): boolean {
  const [kept, setKept] = useState(false)
  useEffect(() => {
    let current = true
    legacyDatabaseExists().then(
      (exists) => current && setKept(exists),
      () => {},
    )
    return () => {
      current = false
    }
  }, [])
  return kept
}

export function Layout() {
  const { t } = useTranslation()
  const menuButton = useRef<HTMLButtonElement>(null)
  const menuNav = useRef<HTMLElement>(null)
  const menuEnd = useRef<HTMLDivElement>(null)
  const [menuOpen, setMenuOpen] = useHeaderMenu(menuButton, [menuNav, menuEnd])
  const keptReviews = useKeptBrowserReviews()
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className={menuOpen ? 'app-header menu-open' : 'app-header'}>
        <NavLink to="/" className="brand" aria-label={t('nav.home')}>
          <BrandMark />
          {t('appName')}
        </NavLink>
        <button
          ref={menuButton}
          type="button"
          className="button button-ghost menu-button"
          aria-expanded={menuOpen}
          aria-controls="app-menu"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {t('nav.menu')}
        </button>
        <nav ref={menuNav} id="app-menu" className="app-nav" aria-label={t('nav.main')}>
          {NAVIGATION.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.end}>
              {t(item.key)}
            </NavLink>
          ))}
        </nav>
        <div ref={menuEnd} className="header-end">
          <DataSourceBadge />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {keptReviews && (
          <Suspense fallback={null}>
            <BrowserReviewsOffer />
          </Suspense>
        )}
        {/* Read at each page shown: leaving a segment's page is when a draft may be left behind. */}
        {draftsInTab() && (
          <Suspense fallback={null}>
            <HeldReviews />
          </Suspense>
        )}
        <Outlet />
      </main>
    </>
  )
}
