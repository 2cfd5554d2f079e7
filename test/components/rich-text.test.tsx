// @vitest-environment jsdom
// RichText: translated text whose tagged words get wrapped in the given components — and nothing else is markup.
import { render, screen } from '@testing-library/react'
import { MemoryRouter, Link } from 'react-router'
import { describe, expect, it } from 'vitest'
import { RichText } from '../../src/components/rich-text'

function renderText(text: string, components = { strong: <strong />, code: <code /> }) {
  return render(
    <p data-testid="text">
      <RichText text={text} components={components} />
    </p>,
  ).getByTestId('text')
}

describe('RichText', () => {
  it('wraps each tagged part in its component, keeping the words around it', () => {
    const paragraph = renderText('Reviewed <strong>3</strong> of 12, in <code>.env.local</code>.')
    expect(paragraph).toHaveTextContent('Reviewed 3 of 12, in .env.local.')
    expect(paragraph.querySelector('strong')).toHaveTextContent(/^3$/)
    expect(paragraph.querySelector('code')).toHaveTextContent(/^\.env\.local$/)
  })

  it('gives a link its words', () => {
    render(
      <MemoryRouter>
        <RichText
          text="Needs details. <link>Run the details scan</link> first."
          components={{ link: <Link to="/audit" /> }}
        />
      </MemoryRouter>,
    )
    expect(screen.getByRole('link', { name: 'Run the details scan' })).toHaveAttribute('href', '/audit')
  })

  it('shows a tag it was not given, or one left open, as written', () => {
    const paragraph = renderText('<em>a</em> and <strong>b')
    expect(paragraph).toHaveTextContent('<em>a</em> and <strong>b')
    expect(paragraph.querySelector('em, strong')).toBeNull()
  })

  it('never parses HTML: markup inside a tag, or from an interpolated value, stays text', () => {
    const paragraph = renderText('ID <code><img src=x onerror=alert(1)></code>')
    expect(paragraph.querySelector('img')).toBeNull()
    expect(paragraph.querySelector('code')).toHaveTextContent('<img src=x onerror=alert(1)>')
  })

  it('renders plain text as it is', () => {
    expect(renderText('Nothing marked here.')).toHaveTextContent(/^Nothing marked here\.$/)
  })
})
