// The kept first screen: when the tab is left or closed at the top of a page, the page as drawn is kept in
// localStorage (a few hundred elements: the table is virtualised); index.html paints it at the next open of the same
// address (first-screen-paint.ts), and this module removes that picture as soon as the app has drawn its own page.
// What it buys, measured by `npm run bench`: a reopened list shows its rows in about the time of a static page,
// instead of after the app's code, its translations and its saved data have all loaded.
import {
  currentBuild,
  FIRST_SCREEN_ID,
  FIRST_SCREEN_KEY,
  type ScreenNode,
  type ScreenSnapshot,
} from './first-screen-paint'

/** Past this many elements a page is not kept (a long page costs more to keep than it saves). */
const MOST_ELEMENTS = 4000
/** The picture never stays longer than this, whatever the app is doing. */
const LONGEST_PICTURE_MS = 2000
/** A person acting on the page: the picture (inert: their input already reaches the app under it) goes at once. */
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const
/** What the app shows while it still loads: the picture stays over it. */
const STILL_LOADING = '.skeleton, .table-skeleton, [aria-busy="true"]'

/**
 * Marks what a reload does not bring back (an open menu, the bulk bar, a selection's ticks): such an element is left
 * out of the picture, and such a field is painted as freshly drawn, so the picture is the page the next open will show.
 */
const TRANSIENT = 'data-transient'

/** Drawn wholly below the window (the virtualised table's overscan rows): not on the first screen, not kept. */
function belowTheFold(element: Element): boolean {
  return element.getBoundingClientRect().top >= window.innerHeight
}

function nodesOf(parent: Node, budget: { left: number }): ScreenNode[] {
  const nodes: ScreenNode[] = []
  for (const child of parent.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      if (child.textContent) nodes.push(child.textContent)
      continue
    }
    if (!(child instanceof Element) || child.hasAttribute('hidden') || belowTheFold(child) || --budget.left < 0)
      continue
    const transient = child.hasAttribute(TRANSIENT)
    if (transient && !(child instanceof HTMLInputElement)) continue
    const attributes: Record<string, string> = {}
    for (const { name, value } of child.attributes) attributes[name] = value
    // A form field shows what is typed or ticked in it, which its attributes (a text box's text) do not say; a
    // transient one, nothing.
    if (child instanceof HTMLInputElement) {
      const ticks = child.type === 'checkbox' || child.type === 'radio'
      delete attributes.checked
      if (transient) delete attributes.value
      else if (ticks && child.checked) attributes.checked = ''
      else if (!ticks && child.value) attributes.value = child.value
    }
    // A list's choice is the option picked now, whichever option the page was first drawn with.
    if (child instanceof HTMLOptionElement) {
      delete attributes.selected
      if (child.selected) attributes.selected = ''
    }
    // A text box's text is what is typed in it now, not what it was drawn with.
    const children = child instanceof HTMLTextAreaElement ? [child.value] : nodesOf(child, budget)
    nodes.push([child.localName, attributes, children])
  }
  return nodes
}

/** The page as #root holds it now, or null if it cannot stand for the next open (scrolled, still loading, too big). */
export function takeSnapshot(doc: Document, scrollY: number): ScreenSnapshot | null {
  const root = doc.getElementById('root')
  if (!root || scrollY > 0 || !root.firstChild || root.querySelector(STILL_LOADING)) return null
  const budget = { left: MOST_ELEMENTS }
  const nodes = nodesOf(root, budget)
  if (budget.left < 0) return null
  return { at: doc.location.pathname + doc.location.search, build: currentBuild(doc), nodes }
}

function keepSnapshot(): void {
  try {
    const snapshot = takeSnapshot(document, window.scrollY)
    if (snapshot) localStorage.setItem(FIRST_SCREEN_KEY, JSON.stringify(snapshot))
    else localStorage.removeItem(FIRST_SCREEN_KEY)
  } catch {
    // Storage disabled or full: the next open draws its page the usual way.
  }
}

/** Forgets the kept page: its data no longer stands (another connection's data, a cleared cache). */
export function forgetFirstScreen(): void {
  try {
    localStorage.removeItem(FIRST_SCREEN_KEY)
    document.getElementById(FIRST_SCREEN_ID)?.remove()
  } catch {
    // No storage or no page (the persister's tests run in Node): nothing to forget.
  }
}

/** Told by the app once its kept cache is back and drawn (handOverFirstScreen sets it while the picture is shown). */
let cacheBack = () => {}

/** The app has drawn its page with its kept cache back: see handOverFirstScreen. */
export function keptCacheBack(): void {
  cacheBack()
}

/**
 * Keeps the page when the tab is hidden or closed, and removes the picture index.html painted once #root holds a
 * page that is not loading any more, or, once the app's kept cache is back, a page's heading (the app's own page: what
 * it still loads is asked of the server, and the picture's copy of it would lie over the live page, a name or a
 * count since changed), at the first input, or after LONGEST_PICTURE_MS.
 */
export function handOverFirstScreen(): void {
  window.addEventListener('pagehide', keepSnapshot)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') keepSnapshot()
  })
  const picture = document.getElementById(FIRST_SCREEN_ID)
  const root = document.getElementById('root')
  if (!picture || !root) return
  let back = false
  const drawn = () =>
    root.firstChild !== null &&
    (root.querySelector(STILL_LOADING) === null || (back && !!root.querySelector('h1')?.textContent))
  cacheBack = () => {
    back = true
    if (drawn()) done()
  }
  const observer = new MutationObserver(() => {
    if (drawn()) done()
  })
  const timer = window.setTimeout(() => done(), LONGEST_PICTURE_MS)
  for (const type of INPUT_EVENTS) window.addEventListener(type, done, { capture: true, once: true })
  function done() {
    observer.disconnect()
    window.clearTimeout(timer)
    for (const type of INPUT_EVENTS) window.removeEventListener(type, done, { capture: true })
    picture?.remove()
  }
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy', 'class'] })
}
