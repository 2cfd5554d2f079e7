// The parts of the app loaded on demand, asked for again while the server is out of reach, until they load.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

/**
 * `load()`, again after each failure: 1, 2 and 4 s later, then every 5 s, and at once when the browser says it is back
 * online. The browser keeps a failed `import()` for the page's life (Chromium answers the same URL with the same
 * failure, the server back or not): asked again, it is the chunk the failure names, under an address of its own. It
 * never gives up: a part that adds to a page already shown (the bulk bar…) appears when the server is back, the page
 * around it untouched, and a page of its own says meanwhile that it waits for the server (`PageLoading` in router.tsx),
 * which stays true however long the outage.
 */
export function loadAgain<T>(load: () => Promise<T>): Promise<T> {
  const attempt = (wait: number): Promise<T> =>
    load().catch((error: unknown) => {
      const chunk = /http\S+\.js/.exec(`${error}`)?.[0]
      if (chunk) load = () => import(/* @vite-ignore */ `${chunk}?${Date.now()}`) as Promise<T>
      // Whichever comes first wakes this wait and drops the other: an outage of hours leaves no listener behind.
      return new Promise<void>((wake) => {
        const done = () => {
          clearTimeout(timer)
          removeEventListener('online', done)
          wake()
        }
        const timer = setTimeout(done, wait)
        addEventListener('online', done)
      }).then(() => attempt(Math.min(wait * 2, 5000)))
    })
  return attempt(1000)
}

/**
 * The component `name` of a module loaded on demand. React's `lazy` keeps a failed load for good, so the retries
 * happen inside it: the part's Suspense fallback stays until its code arrives.
 */
export function onDemand<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => loadAgain(load).then((module) => ({ default: module[name] })))
}
