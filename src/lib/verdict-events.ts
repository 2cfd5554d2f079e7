// A verdict the reviewer chose on a segment's page, as the list navigation needs to know it: announced in the page once
// saved, so a review queue can move on to the next segment of the view, and the write still on its way, so Previous
// and Next wait for it rather than leave a failure unsaid (features do not import each other; they meet here).
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

/** The last verdict write of each segment while it is on its way: true once saved, false if not. */
const onItsWay = new Map<string, Promise<boolean>>()

export function trackVerdictWrite(segmentKey: string, saved: Promise<boolean>): void {
  onItsWay.set(segmentKey, saved)
  void saved.then(() => {
    if (onItsWay.get(segmentKey) === saved) onItsWay.delete(segmentKey)
  })
}

/** Whether the segment's verdict ends saved, once the last write on its way (and any chosen meanwhile) has its answer;
 *  undefined when none is on its way. */
export function verdictWriteOnItsWay(segmentKey: string): Promise<boolean> | undefined {
  const first = onItsWay.get(segmentKey)
  if (!first) return undefined
  const settle = async (write: Promise<boolean>): Promise<boolean> => {
    const saved = await write
    const newer = onItsWay.get(segmentKey)
    return newer ? settle(newer) : saved
  }
  return settle(first)
}
