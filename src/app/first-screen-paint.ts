// Paints the screen the app last showed at this address, before the app's JavaScript has even loaded: a still
// picture (inert, hidden from assistive technology) laid over the page until the app has drawn the same page
// itself. The build step src/server/before-app-html.ts inlines this file into index.html, so it must stay
// self-contained: no imports. Nothing from the snapshot is parsed as HTML: elements come from a fixed list,
// attributes from a fixed list, text is text.

/** Where the snapshot is kept; src/app/first-screen.ts writes it. */
export const FIRST_SCREEN_KEY = 'segment-audit:first-screen:v1'
/** The picture's element, removed by src/app/first-screen.ts once the app has drawn its own page. */
export const FIRST_SCREEN_ID = 'first-screen'

/** A text, or an element: its tag, its attributes and its children. */
export type ScreenNode = string | [tag: string, attributes: Record<string, string>, children: ScreenNode[]]

export interface ScreenSnapshot {
  /** The address (path and query) it was taken at: shown only when the app opens at the same one. */
  at: string
  /** The app's build (its entry script): another build may lay its page out differently. */
  build: string
  /** The page's content, as #root held it. */
  nodes: ScreenNode[]
}

// Array literals, not a split string: the app imports this module's constants, and only literals let the bundle
// leave these sets out of the app's code.
const HTML_TAGS = new Set([
  'a',
  'abbr',
  'aside',
  'b',
  'blockquote',
  'button',
  'caption',
  'code',
  'col',
  'colgroup',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'em',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'header',
  'i',
  'input',
  'kbd',
  'label',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'option',
  'p',
  'pre',
  'q',
  'section',
  'select',
  'small',
  'span',
  'strong',
  'summary',
  'table',
  'tbody',
  'td',
  'textarea',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'ul',
])
const SVG_TAGS = new Set(['svg', 'g', 'path', 'rect', 'circle', 'line', 'polyline', 'polygon', 'text'])
const PLAIN_ATTRIBUTES = new Set([
  'class',
  'style',
  'colspan',
  'rowspan',
  'size',
  // Shown by the phone layout's stylesheet as each cell's label (content: attr(data-label)), which is text.
  'data-label',
  'type',
  'placeholder',
  'value',
  'disabled',
  'checked',
  'selected',
  'open',
  'rows',
  'title',
  'lang',
  'dir',
  'viewBox',
  'd',
  'fill',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'cx',
  'cy',
  'r',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'width',
  'height',
  'points',
  'rx',
  'ry',
  'preserveAspectRatio',
  'scope',
  'datetime',
])
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg'

/** Attributes kept: presentation and ARIA (not live regions: a picture announces nothing), links within the app. */
export function keepsAttribute(name: string, value: string): boolean {
  if (PLAIN_ATTRIBUTES.has(name)) return true
  // In-app paths and in-page anchors (the skip link); nothing that leaves the app.
  if (name === 'href') return (value.startsWith('/') && !value.startsWith('//')) || value.startsWith('#')
  if (name === 'role') return value !== 'status' && value !== 'alert' && value !== 'log'
  return name.startsWith('aria-') && name !== 'aria-live'
}

function buildNode(doc: Document, node: ScreenNode, inSvg: boolean): Node | null {
  if (typeof node === 'string') return doc.createTextNode(node)
  if (!Array.isArray(node) || typeof node[0] !== 'string') return null
  const [tag, attributes, children] = node
  const svg = inSvg || tag === 'svg'
  if (!(svg ? SVG_TAGS.has(tag) : HTML_TAGS.has(tag))) return null
  const element = svg ? doc.createElementNS(SVG_NAMESPACE, tag) : doc.createElement(tag)
  for (const [name, value] of Object.entries(attributes ?? {}))
    if (typeof value === 'string' && keepsAttribute(name, value)) element.setAttribute(name, value)
  for (const child of Array.isArray(children) ? children : []) {
    const built = buildNode(doc, child, svg)
    if (built) element.appendChild(built)
  }
  return element
}

/** The build the page comes from (its entry script's address), as the painter noted it; '' without one (dev server). */
export function currentBuild(doc: Document): string {
  return doc.documentElement.dataset.build ?? ''
}

/**
 * The picture kept for this address by this build (`build`: the entry script's address), or null. Notes the build on
 * the page either way, for the snapshot the app keeps next.
 */
export function keptScreen(doc: Document, storage: Storage, build: string): ScreenSnapshot | null {
  doc.documentElement.dataset.build = build
  try {
    const snapshot = JSON.parse(storage.getItem(FIRST_SCREEN_KEY) ?? 'null') as ScreenSnapshot | null
    const here = doc.location.pathname + doc.location.search
    if (!snapshot || snapshot.at !== here || snapshot.build !== build || !Array.isArray(snapshot.nodes)) return null
    return snapshot
  } catch {
    // Storage refused or not JSON: the app simply draws its page itself.
    return null
  }
}

/** Lays the kept picture over the page; says whether it could. */
export function paintFirstScreen(doc: Document, snapshot: ScreenSnapshot): boolean {
  try {
    const picture = doc.createElement('div')
    picture.id = FIRST_SCREEN_ID
    picture.className = 'first-screen'
    picture.setAttribute('inert', '')
    picture.setAttribute('aria-hidden', 'true')
    for (const node of snapshot.nodes) {
      const built = buildNode(doc, node, false)
      if (built) picture.appendChild(built)
    }
    doc.body.prepend(picture)
    return true
  } catch {
    // A snapshot of another shape: the app simply draws its page itself.
    return false
  }
}
