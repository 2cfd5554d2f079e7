// Build step: inlines into index.html's <head>, before the stylesheet, the kept first screen's painter
// (src/app/first-screen-paint.ts), and starts the app's script from there. With nothing kept for this address the
// script is asked for at once: an inline script after the stylesheet would wait for it to load first (~25 ms of a cold
// load). With a picture kept, the picture is painted as soon as the page is parsed and the app's script starts after
// the next frame: fetching and compiling it (~100 ms on a slow two-core machine, even from the cache) would otherwise
// hold the picture back.
import { readFileSync } from 'node:fs'
import { transformWithOxc, type Plugin } from 'vite'

const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>/

/** A self-contained module as plain script: types stripped, `export` dropped (everything stays inside one closure). */
async function asScript(file: URL): Promise<string> {
  const { code } = await transformWithOxc(readFileSync(file, 'utf8'), file.pathname, { lang: 'ts' })
  return code.replace(/^export /gm, '')
}

/** The inline script: the painter, then the app's entry, now or after the picture's frame. */
export async function beforeAppScript(entry: string): Promise<string> {
  const painter = await asScript(new URL('../app/first-screen-paint.ts', import.meta.url))
  const start = `const start = () => { const script = document.createElement('script'); script.type = 'module'; script.crossOrigin = ''; script.src = ${JSON.stringify(entry)}; document.head.append(script) }`
  const paint = `const paint = (snapshot) => { if (paintFirstScreen(document, snapshot)) requestAnimationFrame(() => setTimeout(start)); else start() }`
  const run = `const snapshot = keptScreen(document, localStorage, ${JSON.stringify(entry)}); if (!snapshot) start(); else document.addEventListener('DOMContentLoaded', () => paint(snapshot), { once: true })`
  return `(() => {\n${painter}\n${start}\n${paint}\n${run}\n})()`
}

export function beforeAppHtml(): Plugin {
  return {
    name: 'segment-audit-before-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const entry = ENTRY_SCRIPT.exec(html)?.[1]
        if (!entry) throw new Error('before-app: no entry <script type="module"> in index.html')
        const script = `<script>${await beforeAppScript(entry)}</script>\n    `
        const withoutEntry = html.replace(ENTRY_SCRIPT, '')
        const stylesheet = withoutEntry.indexOf('<link rel="stylesheet"')
        const at = stylesheet === -1 ? withoutEntry.indexOf('</head>') : stylesheet
        return withoutEntry.slice(0, at) + script + withoutEntry.slice(at)
      },
    },
  }
}
