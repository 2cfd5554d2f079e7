// Build step: inlines into index.html, right after #root, the kept first screen's painter (src/app/first-screen-paint.ts),
// and starts the app's script from there instead of from <head>. When a picture was painted, the app's script starts
// after the next frame: fetching and compiling it (~100 ms on a slow two-core machine, even from the cache) would
// otherwise hold the picture back. Otherwise it starts at once.
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
  const run = `if (paintFirstScreen(document, localStorage, ${JSON.stringify(entry)})) requestAnimationFrame(() => setTimeout(start)); else start()`
  return `(() => {\n${painter}\n${start}\n${run}\n})()`
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
        const script = await beforeAppScript(entry)
        return html
          .replace(ENTRY_SCRIPT, '')
          .replace('<div id="root"></div>', `<div id="root"></div>\n    <script>${script}</script>`)
      },
    },
  }
}
