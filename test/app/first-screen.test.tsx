// The kept first screen: taken from the page as drawn, painted back as inert text and elements only, at the same
// address and build, and removed once the app has drawn its own page.
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { FIRST_SCREEN_KEY, keptScreen, paintFirstScreen, type ScreenSnapshot } from '../../src/app/first-screen-paint'
import { App } from '../../src/app/app'
import { forgetFirstScreen, handOverFirstScreen, takeSnapshot } from '../../src/app/first-screen'
import { createDemoHandlers, listedSegments } from '../msw/demo-handlers'
import { renderApp } from '../render-app'

/** The value, which the test has just made sure exists. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value')
  return value
}

const BUILD = '/assets/index-1.js'
const HOSTILE_NAME = '<img src=x onerror="alert(1)"> Soldes'

/** A page as the app draws it: #root with a header, a status and a table whose first row has a hostile name. */
function drawPage() {
  document.documentElement.dataset.build = BUILD
  document.body.innerHTML = '<div id="root"></div>'
  const root = must(document.getElementById('root'))
  const status = Object.assign(document.createElement('p'), { textContent: '2 segments' })
  status.setAttribute('role', 'status')
  const table = document.createElement('table')
  table.setAttribute('aria-label', 'Segments')
  table.innerHTML = '<tbody><tr aria-rowindex="2"><td><a href="/segments/braze/1"></a></td></tr></tbody>'
  must(table.querySelector('a')).textContent = HOSTILE_NAME
  const search = Object.assign(document.createElement('input'), { type: 'search' })
  search.value = 'sold'
  const ticked = Object.assign(document.createElement('input'), { type: 'checkbox' })
  ticked.checked = true
  // Drawn ticked, then unticked: the attribute still says what it was drawn with.
  const unticked = Object.assign(document.createElement('input'), { type: 'checkbox', defaultChecked: true })
  unticked.checked = false
  root.append(status, search, ticked, unticked, table)
}

/** Reloads the document at the same address: the app's #root empty again, the kept snapshot painted over it. */
function reopen(build = BUILD) {
  document.body.innerHTML = '<div id="root"></div>'
  const snapshot = keptScreen(document, localStorage, build)
  return snapshot !== null && paintFirstScreen(document, snapshot)
}

const picture = () => document.getElementById('first-screen')

function keep(snapshot: ScreenSnapshot) {
  localStorage.setItem(FIRST_SCREEN_KEY, JSON.stringify(snapshot))
}

beforeEach(() => {
  localStorage.clear()
  window.history.replaceState(null, '', '/?sort=name')
})

afterEach(() => {
  delete document.documentElement.dataset.build
  document.body.innerHTML = ''
})

describe('kept first screen', () => {
  it('paints the page as it was left, provider text as text, inert and hidden from assistive technology', () => {
    drawPage()
    keep(must(takeSnapshot(document, 0)))
    expect(reopen()).toBe(true)
    const shown = must(picture())
    expect(shown).toHaveAttribute('inert')
    expect(shown).toHaveAttribute('aria-hidden', 'true')
    expect(shown.querySelector('table[aria-label="Segments"] tr[aria-rowindex="2"] a')).toHaveTextContent(HOSTILE_NAME)
    expect(shown.querySelector('a')).toHaveAttribute('href', '/segments/braze/1')
    expect(shown.querySelector('img')).toBeNull()
    // What was typed in the search box and ticked, but no live region announcing a picture's count.
    expect(shown.querySelector('input')).toHaveValue('sold')
    expect(
      [...shown.querySelectorAll('input[type="checkbox"]')].map((box) => (box as HTMLInputElement).checked),
    ).toEqual([true, false])
    expect(shown.querySelector('[role="status"]')).toBeNull()
  })

  it('builds nothing but known elements and attributes from a tampered snapshot', () => {
    drawPage()
    keep({
      ...must(takeSnapshot(document, 0)),
      nodes: [
        ['script', {}, ['alert(1)']],
        ['iframe', { src: 'https://example.com' }, []],
        ['div', { onclick: 'alert(1)', class: 'page' }, [['a', { href: 'javascript:alert(1)' }, ['Open']]]],
        ['a', { href: '//example.com/x' }, ['Away']],
      ],
    })
    expect(reopen()).toBe(true)
    const shown = must(picture())
    expect(shown.querySelector('script, iframe')).toBeNull()
    expect(shown.querySelector('.page')).not.toHaveAttribute('onclick')
    for (const link of shown.querySelectorAll('a')) expect(link).not.toHaveAttribute('href')
  })

  it('paints nothing at another address, for another build, or when nothing readable is kept', () => {
    drawPage()
    keep(must(takeSnapshot(document, 0)))
    window.history.replaceState(null, '', '/?sort=provider')
    expect(reopen()).toBe(false)
    window.history.replaceState(null, '', '/?sort=name')
    expect(reopen('/assets/index-2.js')).toBe(false)
    localStorage.setItem(FIRST_SCREEN_KEY, '{not json')
    expect(reopen()).toBe(false)
    expect(picture()).toBeNull()
  })

  it('keeps no page that is scrolled or still loading', () => {
    drawPage()
    expect(takeSnapshot(document, 400)).toBeNull()
    must(document.getElementById('root')).append(
      Object.assign(document.createElement('div'), { className: 'skeleton' }),
    )
    expect(takeSnapshot(document, 0)).toBeNull()
  })

  it('keeps the page when the tab is hidden, and forgets it on demand', () => {
    drawPage()
    handOverFirstScreen()
    window.dispatchEvent(new Event('pagehide'))
    expect(JSON.parse(must(localStorage.getItem(FIRST_SCREEN_KEY)))).toMatchObject({ at: '/?sort=name' })
    forgetFirstScreen()
    expect(localStorage.getItem(FIRST_SCREEN_KEY)).toBeNull()
  })

  it('stays over the app while it loads, and goes once the app has drawn its page', async () => {
    drawPage()
    keep(must(takeSnapshot(document, 0)))
    reopen()
    handOverFirstScreen()
    const root = must(document.getElementById('root'))
    root.innerHTML = '<div class="table-skeleton" aria-busy="true"></div>'
    await Promise.resolve()
    expect(picture()).not.toBeNull()
    root.innerHTML = '<main><h1>Segments</h1></main>'
    await vi.waitFor(() => expect(picture()).toBeNull())
  })

  it('goes at the first key or click, even while the app still loads', () => {
    drawPage()
    keep(must(takeSnapshot(document, 0)))
    reopen()
    handOverFirstScreen()
    expect(picture()).not.toBeNull()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '/' }))
    expect(picture()).toBeNull()
  })
})

const demo = createDemoHandlers({ brazeCount: 12, commandersActCount: 3 })
const server = setupServer(...demo.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/**
 * Attributes a picture leaves out on purpose: references to other elements by id (a picture is not the page), what only
 * a working form needs, live regions (a picture announces nothing), and the app's own data attributes but the phone
 * layout's labels.
 */
const LEFT_OUT = new Set([
  'id',
  'for',
  'name',
  'tabindex',
  'autocomplete',
  'inputmode',
  'spellcheck',
  'accept',
  'novalidate',
  'maxlength',
  'aria-live',
  'aria-controls',
  // State rather than markup: compared as what the field shows.
  'checked',
  'selected',
  // Whether a menu is open: no style depends on it, and a picture never shows one open.
  'aria-expanded',
])
const LIVE_ROLES = new Set(['status', 'alert', 'log'])
const leftOut = (name: string, value: string) =>
  LEFT_OUT.has(name) ||
  (name.startsWith('data-') && name !== 'data-label') ||
  (name === 'role' && LIVE_ROLES.has(value))

/** What lays a page out and what it says: each element shown, with the attributes its look depends on, and its text. */
function layout(parent: Element): string[] {
  const lines: string[] = []
  for (const child of parent.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      if (child.textContent) lines.push(`text ${child.textContent}`)
    } else if (child instanceof Element && !child.hasAttribute('hidden')) {
      const looks = [...child.attributes]
        .filter(({ name, value }) => !leftOut(name, value))
        .map(({ name, value }) => `${name}=${value}`)
        .sort()
      // What a field shows, which its attributes do not say.
      const shown =
        child instanceof HTMLSelectElement || child instanceof HTMLTextAreaElement
          ? [`shows ${child.value}`]
          : child instanceof HTMLInputElement
            ? [`shows ${child.type === 'checkbox' || child.type === 'radio' ? child.checked : child.value}`]
            : []
      const inside = [...shown, ...(child instanceof HTMLTextAreaElement ? [] : layout(child))]
      lines.push(`<${child.localName} ${JSON.stringify(looks)}>`, ...inside, `</${child.localName}>`)
    }
  }
  return lines
}

const braze = must(demo.data.braze[0])

describe('the picture after a reload of the real app', () => {
  it('goes once the app has drawn its page, even while a part of it is still asked of the provider', async () => {
    const url = `/segments/braze/${braze.id}`
    window.history.replaceState(null, '', url)
    document.documentElement.dataset.build = BUILD
    // The page as it was left: the segment's name since changed in Braze.
    keep({ at: url, build: BUILD, nodes: [['main', {}, [['h1', {}, ['Name before the change']]]]] })
    expect(reopen()).toBe(true)
    handOverFirstScreen()
    // Braze is slow to send the segment's size series: its chart stays a skeleton.
    server.use(http.get('*/api/braze/segments/data_series', () => delay('infinite')))
    render(<App />, { container: must(document.getElementById('root')) })
    await screen.findByRole('heading', { level: 1, name: braze.name })
    expect(screen.getByRole('img', { name: 'Loading the size history' })).toBeInTheDocument()
    expect(picture()).toBeNull()
  })
})

describe('the picture of each page', () => {
  it.each([
    ['a filtered list', '/?provider=braze&verdict=unreviewed&sort=-name'],
    ["a segment's page", `/segments/braze/${braze.id}`],
    ['the audit page', '/audit'],
    ['the visitor lookup', '/visitor'],
    ['the connections page', '/connections'],
  ])('paints %s as drawn: every element, every attribute its look depends on, all its words', async (_, url) => {
    window.history.replaceState(null, '', url)
    const { container } = renderApp(url)
    container.id = 'root'
    await screen.findByRole('heading', { level: 1 })
    const snapshot = await vi.waitFor(() => must(takeSnapshot(document, 0)))
    const elsewhere = document.implementation.createHTMLDocument('')
    expect(paintFirstScreen(elsewhere, snapshot)).toBe(true)
    expect(layout(must(elsewhere.getElementById('first-screen')))).toEqual(layout(container))
  })

  it("keeps the list's table columns and its rows", async () => {
    const { container } = renderApp('/')
    container.id = 'root'
    await screen.findByText(`${listedSegments(demo.data).length} segments`)
    await screen.findByRole('cell', { name: new RegExp(braze.id) })
    const elsewhere = document.implementation.createHTMLDocument('')
    expect(paintFirstScreen(elsewhere, must(takeSnapshot(document, 0)))).toBe(true)
    const painted = must(elsewhere.getElementById('first-screen'))
    expect(painted.querySelectorAll('colgroup col').length).toBeGreaterThan(5)
    expect([...painted.querySelectorAll('tbody code')].map((id) => id.textContent)).toContain(braze.id)
    expect(layout(painted)).toEqual(layout(container))
  })

  it('leaves out that the team’s audit could not be read: the next open reads it afresh', async () => {
    server.use(http.get('*/api/audit/entries', () => HttpResponse.error()))
    const { container } = renderApp('/')
    container.id = 'root'
    const note = await screen.findByText(/team’s audit cannot be read/, {}, { timeout: 5000 })
    const elsewhere = document.implementation.createHTMLDocument('')
    expect(paintFirstScreen(elsewhere, must(takeSnapshot(document, 0)))).toBe(true)
    const painted = must(elsewhere.getElementById('first-screen')).textContent
    expect(painted).toContain(`${listedSegments(demo.data).length} segments`)
    expect(painted).not.toContain(note.textContent)
  })

  it('leaves out what a reload does not bring back: an open menu, the bulk bar, ticked rows', async () => {
    const user = userEvent.setup()
    const { container } = renderApp('/')
    container.id = 'root'
    const row = must((await screen.findByRole('cell', { name: new RegExp(braze.id) })).closest('tr'))
    await user.click(within(row).getByRole('checkbox', { name: `Select ${braze.name}` }))
    await screen.findByRole('region', { name: 'Selected segments' })
    await user.click(screen.getByRole('button', { name: 'Columns' }))
    expect(screen.getByRole('group', { name: 'Visible columns' })).toBeVisible()
    const elsewhere = document.implementation.createHTMLDocument('')
    expect(paintFirstScreen(elsewhere, must(takeSnapshot(document, 0)))).toBe(true)
    // The page as the next open draws it: menu closed, nothing selected.
    await user.keyboard('{Escape}')
    // Unticked where it was ticked: Clear selection would give the keyboard to the row's link, which fetches its
    // details ahead of a visit, and the row would then differ from the one painted.
    await user.click(within(row).getByRole('checkbox', { name: `Select ${braze.name}` }))
    expect(screen.queryByRole('region', { name: 'Selected segments' })).toBeNull()
    expect(layout(must(elsewhere.getElementById('first-screen')))).toEqual(layout(container))
  })
})
