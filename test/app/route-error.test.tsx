// @vitest-environment jsdom
// A page that broke: the error says what broke, offers Reload; its way back to the list is offered only away from it.
import { render, screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { expect, it, vi } from 'vitest'
import { RouteErrorBoundary } from '../../src/app/route-error'

function Broken(): never {
  throw new Error('The page broke')
}

function renderBrokenAt(url: string) {
  // React reports the error the boundary caught: expected here.
  vi.mocked(console.error).mockImplementation(() => {})
  render(
    <MemoryRouter initialEntries={[url]}>
      <RouteErrorBoundary>
        <Broken />
      </RouteErrorBoundary>
    </MemoryRouter>,
  )
  return screen.getByRole('alert')
}

it('offers the way back to the segments from another page', () => {
  const alert = renderBrokenAt('/audit')
  expect(alert).toHaveTextContent('The page broke')
  expect(within(alert).getByRole('link', { name: 'Back to the segments' })).toHaveAttribute('href', '/')
})

it('offers no link to the list on the list itself, where it would lead nowhere, but Reload', () => {
  const alert = renderBrokenAt('/?q=welcome')
  expect(within(alert).queryByRole('link')).not.toBeInTheDocument()
  expect(within(alert).getByRole('button', { name: 'Reload' })).toBeInTheDocument()
})
