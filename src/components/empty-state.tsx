// A centred message for a page or list with nothing to show, saying what to do next.
import type { ReactNode } from 'react'

/** `page`: the whole page is this message (a not-found page), so its title is the page's h1. */
export function EmptyState({ title, children, page = false }: { title: string; children?: ReactNode; page?: boolean }) {
  const Heading = page ? 'h1' : 'h2'
  return (
    <div className="empty-state">
      <Heading>{title}</Heading>
      {children}
    </div>
  )
}
