// The app's routes (README). The list loads with the app; a segment's page and the audit, visitor and connections pages
// load on demand (asked again while the server is out of reach), so the list's first screen waits for none of their
// code. Declarative routes: the data router's loaders and actions would double the router's weight in the list
// page for nothing this app uses.
import { Suspense, useEffect, useState, type ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, Route, Routes, useLocation } from 'react-router'
import { onDemand } from '../components/on-demand'
import { Layout } from './layout'
import { NotFoundPage } from './not-found-page'
import { RouteErrorBoundary } from './route-error'
import { SegmentsPage } from '../features/segments/segments-page'

/** The pages loaded on demand; tests bind them directly (see test/render-app.tsx). */
export interface OnDemandPages {
  SegmentDetail: ComponentType
  Audit: ComponentType
  Visitor: ComponentType
  Connections: ComponentType
}

const ON_DEMAND: OnDemandPages = {
  SegmentDetail: onDemand(() => import('./segment-detail-route'), 'SegmentDetailRoute'),
  Audit: onDemand(() => import('../features/audit/audit-page'), 'AuditPage'),
  Visitor: onDemand(() => import('../features/visitor/visitor-page'), 'VisitorPage'),
  Connections: onDemand(() => import('../features/connections/connections-page'), 'ConnectionsPage'),
}

/**
 * While a page loaded on demand arrives: its frame, then, if its code is still not there after 2 s (the server is down
 * or slow: it is asked for again until it answers), a line saying so rather than a blank card. The line's status role
 * is there from the start, so that screen readers announce the words when they appear; no `aria-busy`, which would
 * hold them back.
 */
function PageLoading() {
  const { t } = useTranslation()
  const [waiting, setWaiting] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setWaiting(true), 2000)
    return () => clearTimeout(timer)
  }, [])
  return (
    <div className="table-skeleton">
      <p role="status">{waiting && t('pageWaiting')}</p>
    </div>
  )
}

/** Inside the layout, so the header stays usable when a page fails; a new address clears the error. */
function PageFrame() {
  const { pathname } = useLocation()
  return (
    <RouteErrorBoundary key={pathname}>
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </RouteErrorBoundary>
  )
}

export function AppRoutes({ pages = ON_DEMAND }: { pages?: OnDemandPages }) {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route element={<PageFrame />}>
          <Route index element={<SegmentsPage />} />
          <Route path="segments/:provider/:id" element={<pages.SegmentDetail />} />
          <Route path="audit" element={<pages.Audit />} />
          <Route path="visitor" element={<pages.Visitor />} />
          <Route path="connections" element={<pages.Connections />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  )
}
