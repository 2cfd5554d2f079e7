// Resolves once the browser has painted the next frame: work that follows then no longer holds back what the page
// already has to show. Without frames to wait for (a hidden tab, no document), it resolves on the next task.

/** A hidden tab paints nothing: a frame never comes, so never wait longer than this. */
const LONGEST_WAIT_MS = 100

export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.visibilityState === 'hidden') {
      setTimeout(resolve, 0)
      return
    }
    const timeout = setTimeout(resolve, LONGEST_WAIT_MS)
    // rAF runs just before the frame's paint; the task after it runs once the frame is done.
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timeout)
        resolve()
      }, 0),
    )
  })
}
