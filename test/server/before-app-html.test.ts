// The script index.html runs before the app's own: it starts the app's entry itself, at once when nothing is kept for
// this address, after the first frame when it painted the kept first screen; and it runs before the stylesheet loads.
import { Script, createContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { beforeAppHtml, beforeAppScript } from '../../src/server/before-app-html'

const ENTRY = '/assets/index-abc123.js'

/** Runs the inline script against a page made of plain objects; returns what it asked for and appended. */
async function runInPage(kept: Record<string, string>) {
  const fetched: string[] = []
  const appended: { type: string; src: string }[] = []
  const frames: (() => void)[] = []
  const timers: (() => void)[] = []
  const whenParsed: (() => void)[] = []
  const element = (tag: string) => ({
    tag,
    type: '',
    src: '',
    crossOrigin: '',
    id: '',
    className: '',
    dataset: {},
    setAttribute() {},
    appendChild() {},
  })
  const document = {
    location: { pathname: '/', search: '' },
    documentElement: { dataset: {} as Record<string, string> },
    head: { append: (script: { type: string; src: string }) => appended.push(script) },
    body: { prepend() {} },
    createElement: element,
    createElementNS: (_: string, tag: string) => element(tag),
    createTextNode: (text: string) => ({ text }),
    addEventListener: (type: string, run: () => void) => {
      if (type === 'DOMContentLoaded') whenParsed.push(run)
    },
  }
  const page = {
    document,
    localStorage: { getItem: (key: string) => kept[key] ?? null },
    location: { origin: 'http://localhost' },
    fetch: (url: string) => {
      fetched.push(url)
      return Promise.resolve(new Response('{}'))
    },
    requestAnimationFrame: (run: () => void) => frames.push(run),
    setTimeout: (run: () => void) => timers.push(run),
    URL,
    JSON,
    Array,
    Object,
    Set,
    Map,
  }
  Object.assign(page, { window: page })
  new Script(await beforeAppScript(ENTRY)).runInContext(createContext(page))
  const parsed = () => whenParsed.forEach((run) => run())
  return { fetched, appended, frames, timers, parsed, build: document.documentElement.dataset.build }
}

describe('the script before the app', () => {
  it('with nothing kept, starts the app at once', async () => {
    const page = await runInPage({})
    expect(page.fetched).toEqual([])
    expect(page.appended).toEqual([expect.objectContaining({ type: 'module', src: ENTRY })])
    expect(page.build).toBe(ENTRY)
  })

  it('with a kept first screen for this address, starts the app only after the frame that shows it', async () => {
    const snapshot = { at: '/', build: ENTRY, nodes: [['div', { class: 'page' }, ['Segments']]] }
    const page = await runInPage({
      'segment-audit:first-screen:v1': JSON.stringify(snapshot),
    })
    expect(page.fetched).toEqual([])
    expect(page.appended).toEqual([])
    page.parsed()
    expect(page.appended).toEqual([])
    page.frames.forEach((run) => run())
    page.timers.forEach((run) => run())
    expect(page.appended).toEqual([expect.objectContaining({ type: 'module', src: ENTRY })])
  })
})

describe('index.html as built', () => {
  it('runs the script before the stylesheet, so that the app is asked for without waiting for the styles', async () => {
    const { transformIndexHtml } = beforeAppHtml()
    if (typeof transformIndexHtml !== 'object' || !('handler' in transformIndexHtml)) throw new Error('no handler')
    const built = `<!doctype html><html><head><title>Segment Audit</title>
    <script type="module" crossorigin src="${ENTRY}"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-CVGMjBv1.css">
  </head><body><div id="root"></div></body></html>`
    const html = await transformIndexHtml.handler.call(
      {} as ThisParameterType<typeof transformIndexHtml.handler>,
      built,
      {} as Parameters<typeof transformIndexHtml.handler>[1],
    )
    if (typeof html !== 'string') throw new Error('expected the page as text')
    const inline = html.indexOf('<script>')
    expect(inline).toBeGreaterThan(html.indexOf('<title>'))
    expect(inline).toBeLessThan(html.indexOf('<link rel="stylesheet"'))
    expect(html).not.toContain('<script type="module"')
    expect(html).toContain('<div id="root"></div></body>')
  })
})
