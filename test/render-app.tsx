// Renders the real routes at a URL with a fresh QueryClient made as the app makes it: a component test's start.
// Pages the app loads on demand are bound directly here, so a test sees them on the first render (the browser suite
// covers the on-demand loading itself).
import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { useLayoutEffect } from 'react'
import { MemoryRouter, useLocation, useNavigate, type Location, type NavigateFunction } from 'react-router'
import { createQueryClient } from '../src/app/query-client'
import { AppRoutes, type OnDemandPages } from '../src/app/router'
import { SegmentDetailRoute } from '../src/app/segment-detail-route'
import { AuditPage } from '../src/features/audit/audit-page'
import { ConnectionsPage } from '../src/features/connections/connections-page'
import { VisitorPage } from '../src/features/visitor/visitor-page'

const PAGES: OnDemandPages = {
  SegmentDetail: SegmentDetailRoute,
  Audit: AuditPage,
  Visitor: VisitorPage,
  Connections: ConnectionsPage,
}

/** Where the app is, as a test reads it (`router.state.location`, updated as the app navigates), and a way to go on. */
interface TestRouter {
  state: { location: Location }
  /**
   * Returns nothing (declarative routes): a test awaits `act(async () => router.navigate(…))`, never `act(() => …)`.
   * An awaited act with a callback that returns nothing restores the act environment at once but flushes React's
   * work a moment later: a query's answer landing then fails the test, "not configured to support act(...)".
   */
  navigate: NavigateFunction
}

function LocationSpy({ onChange }: { onChange: (location: Location, navigate: NavigateFunction) => void }) {
  const location = useLocation()
  const navigate = useNavigate()
  useLayoutEffect(() => onChange(location, navigate), [location, navigate, onChange])
  return null
}

export function renderApp(url = '/') {
  const queryClient = createQueryClient()
  const router = { state: {} } as TestRouter
  const follow = (location: Location, navigate: NavigateFunction) => {
    router.state.location = location
    router.navigate = navigate
  }
  const view = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[url]}>
        <LocationSpy onChange={follow} />
        <AppRoutes pages={PAGES} />
      </MemoryRouter>
    </QueryClientProvider>,
  )
  const currentSearch = () => new URLSearchParams(router.state.location.search)
  return { ...view, router, queryClient, currentSearch }
}
