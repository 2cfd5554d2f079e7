// Build step for the kept first screen (src/app/first-screen-paint.ts): inlines the painter into index.html right
// after #root, and starts the app's script from there instead of from <head>. When a picture was painted, the app's
// script starts after the next frame, so that evaluating it (~100 ms on a slow two-core machine) cannot hold the
// picture back; otherwise at once. A modulepreload link in <head> still fetches and compiles it meanwhile.
import { readFileSync } from 'node:fs'
import { transformWithOxc, type Plugin } from 'vite'

const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>/

/** The inline script: the painter, then the app's entry, now or after the picture's frame. */
export async function firstScreenScript(painterSource: string, entry: string): Promise<string> {
  const { code } = await transformWithOxc(painterSource, 'first-screen-paint.ts', { lang: 'ts' })
  const start = `const start = () => { const script = document.createElement('script'); script.type = 'module'; script.crossOrigin = ''; script.src = ${JSON.stringify(entry)}; document.head.append(script) }`
  const run = `if (paintFirstScreen(document, localStorage, ${JSON.stringify(entry)})) requestAnimationFrame(() => setTimeout(start)); else start()`
  return `(() => {\n${code.replace(/^export /gm, '')}\n${start}\n${run}\n})()`
}

export function firstScreenHtml(): Plugin {
  const painter = new URL('../app/first-screen-paint.ts', import.meta.url)
  return {
    name: 'segment-audit-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const entry = ENTRY_SCRIPT.exec(html)?.[1]
        if (!entry) throw new Error('first-screen: no entry <script type="module"> in index.html')
        const script = await firstScreenScript(readFileSync(painter, 'utf8'), entry)
        return html
          .replace(ENTRY_SCRIPT, `<link rel="modulepreload" crossorigin href="${entry}">`)
          .replace('<div id="root"></div>', `<div id="root"></div>\n    <script>${script}</script>`)
      },
    },
  }
}
