// The frame of every page: header with navigation and the data-source badge, then the routed page.
import { useQuery } from '@tanstack/react-query'
import { NavLink, Outlet } from 'react-router'
import { Badge } from '../components/badge'
import { connectionStatusQuery } from '../providers/connection-status'

const NAVIGATION = [
  { to: '/', label: 'Segments', end: true },
  { to: '/audit', label: 'Audit', end: false },
  { to: '/visitor', label: 'Visitor lookup', end: false },
  { to: '/connections', label: 'Connections', end: false },
] as const

function DataSourceBadge() {
  const { data } = useQuery(connectionStatusQuery())
  if (!data) return null
  return data.mode === 'demo' ? (
    <Badge tone="demo" title="Built-in fake providers: no credentials are set on the server">
      Demo data
    </Badge>
  ) : (
    <Badge tone="real">Live data</Badge>
  )
}

export function Layout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand" aria-label="Segment Audit, home">
          <img src="/favicon.svg" alt="" />
          Segment Audit
        </NavLink>
        <nav className="app-nav" aria-label="Main">
          {NAVIGATION.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.end}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <DataSourceBadge />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  )
}
