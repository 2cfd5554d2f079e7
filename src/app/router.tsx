// The routes of PRODUCT.md. The route error boundary sits inside the layout so the header stays usable.
import { createBrowserRouter, type RouteObject } from 'react-router'
import { ConnectionsPage } from '../features/connections/connections-page'
import { Layout } from './layout'
import { NotFoundPage } from './not-found-page'
import { RouteError } from './route-error'
import { SegmentsPage } from '../features/segments/segments-page'
import { ListNavigation } from '../features/segments/list-navigation'
import { SegmentDetailPage } from '../features/segment-detail/segment-detail-page'
import { AuditPage } from '../features/audit/audit-page'
import { VisitorPage } from '../features/visitor/visitor-page'

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <SegmentsPage /> },
          { path: 'segments/:provider/:id', element: <SegmentDetailPage navigation={<ListNavigation />} /> },
          { path: 'audit', element: <AuditPage /> },
          { path: 'visitor', element: <VisitorPage /> },
          { path: 'connections', element: <ConnectionsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]

export const createAppRouter = () => createBrowserRouter(routes)
