// Renders the real routes at a URL with a fresh QueryClient made as the app makes it: a component test's start.
// Pages the app loads on demand are bound directly here, so a test sees them on the first render (the browser suite
// covers the on-demand loading itself).
import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router'
import { createQueryClient } from '../src/app/query-client'
import { routes } from '../src/app/router'
import { AuditPage } from '../src/features/audit/audit-page'
import { ConnectionsPage } from '../src/features/connections/connections-page'
import { VisitorPage } from '../src/features/visitor/visitor-page'

const ON_DEMAND: Record<string, ReactElement> = {
  audit: <AuditPage />,
  visitor: <VisitorPage />,
  connections: <ConnectionsPage />,
}

function withPagesBound(routeObjects: RouteObject[]): RouteObject[] {
  return routeObjects.map((route) => {
    const page = route.path ? ON_DEMAND[route.path] : undefined
    if (page) return { path: route.path, element: page } as RouteObject
    return route.children ? ({ ...route, children: withPagesBound(route.children) } as RouteObject) : route
  })
}

const testRoutes = withPagesBound(routes)

export function renderApp(url = '/') {
  const queryClient = createQueryClient()
  const router = createMemoryRouter(testRoutes, { initialEntries: [url] })
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  const currentSearch = () => new URLSearchParams(router.state.location.search)
  return { ...view, router, queryClient, currentSearch }
}
