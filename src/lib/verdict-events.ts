// A verdict the reviewer just saved on a segment's page, announced in the page so the list navigation can move on to
// the next segment of the view (features do not import each other; the window is where they meet).
const VERDICT_SAVED = 'segment-audit:verdict-saved'

export function announceVerdictSaved(segmentKey: string): void {
  window.dispatchEvent(new CustomEvent<string>(VERDICT_SAVED, { detail: segmentKey }))
}

export function onVerdictSaved(listener: (segmentKey: string) => void): () => void {
  const handler = (event: Event) => {
    if (event instanceof CustomEvent && typeof event.detail === 'string') listener(event.detail)
  }
  window.addEventListener(VERDICT_SAVED, handler)
  return () => window.removeEventListener(VERDICT_SAVED, handler)
}
