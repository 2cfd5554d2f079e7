// The script index.html runs before the app's own: it starts the app's entry itself, at once when nothing is kept for
// this address, after the first frame when it painted the kept first screen.
import { Script, createContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { beforeAppScript } from '../../src/server/before-app-html'

const ENTRY = '/assets/index-abc123.js'

/** Runs the inline script against a page made of plain objects; returns what it asked for and appended. */
async function runInPage(kept: Record<string, string>) {
  const fetched: string[] = []
  const appended: { type: string; src: string }[] = []
  const frames: (() => void)[] = []
  const timers: (() => void)[] = []
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
  return { fetched, appended, frames, timers, build: document.documentElement.dataset.build }
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
    page.frames.forEach((run) => run())
    page.timers.forEach((run) => run())
    expect(page.appended).toEqual([expect.objectContaining({ type: 'module', src: ENTRY })])
  })
})
