// The app's routes (README). The list and a segment's page load with the app; the audit, visitor and connections
// pages load on demand. The route error boundary sits inside the layout so the header stays usable.
import { createBrowserRouter, type RouteObject } from 'react-router'
import { Layout } from './layout'
import { NotFoundPage } from './not-found-page'
import { RouteError } from './route-error'
import { SegmentsPage } from '../features/segments/segments-page'
import { ListNavigation } from '../features/segments/list-navigation'
import { SegmentDetailPage } from '../features/segment-detail/segment-detail-page'

/** While a page loaded on demand arrives (opened directly): its frame, no content yet. */
function PageLoading() {
  return <div className="table-skeleton" aria-busy="true" />
}

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <SegmentsPage /> },
          { path: 'segments/:provider/:id', element: <SegmentDetailPage navigation={<ListNavigation />} /> },
          {
            path: 'audit',
            hydrateFallbackElement: <PageLoading />,
            lazy: async () => ({ Component: (await import('../features/audit/audit-page')).AuditPage }),
          },
          {
            path: 'visitor',
            hydrateFallbackElement: <PageLoading />,
            lazy: async () => ({ Component: (await import('../features/visitor/visitor-page')).VisitorPage }),
          },
          {
            path: 'connections',
            hydrateFallbackElement: <PageLoading />,
            lazy: async () => ({
              Component: (await import('../features/connections/connections-page')).ConnectionsPage,
            }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]

export const createAppRouter = () => createBrowserRouter(routes)
export type AppRouter = ReturnType<typeof createAppRouter>
