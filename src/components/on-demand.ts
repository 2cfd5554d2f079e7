// The parts of the app loaded on demand, tried again while the server is briefly out of reach.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

/** The errors `loadAgain` gave up on: the route's error boundary says the server did not answer, not what broke. */
export const notLoaded = new WeakSet<object>()

/**
 * `load()`, again after each failure: 1, 2 and 4 s later, then every 5 s, and at once when the browser says it is back
 * online. A failed `import()` of a chunk can simply be asked again: Chromium keeps no failed module fetch (checked with
 * the built app), so the same URL loads once the server answers. After 30 s of failures: the last error.
 */
export function loadAgain<T>(load: () => Promise<T>): Promise<T> {
  const start = Date.now()
  const attempt = (wait: number): Promise<T> =>
    load().catch((error: unknown) => {
      if (Date.now() - start >= 30_000) {
        if (error instanceof Object) notLoaded.add(error)
        throw error
      }
      // Whichever comes first wakes this wait; the other then settles a promise already settled, which does nothing.
      return new Promise((wake) => {
        setTimeout(wake, wait)
        addEventListener('online', wake, { once: true })
      }).then(() => attempt(Math.min(wait * 2, 5000)))
    })
  return attempt(1000)
}

/**
 * The component `name` of a module loaded on demand. React's `lazy` keeps a failed load for good, so the retries
 * happen inside it: the part's Suspense fallback stays meanwhile, and the route's error boundary shows only a give-up.
 */
export function onDemand<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => loadAgain(load).then((module) => ({ default: module[name] })))
}
