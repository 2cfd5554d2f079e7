// A wait a test ends when it chooses (an answer, a page or a read held back): `released` settles once `release()` is
// called, and stays settled.
export function held(): { released: Promise<void>; release: () => void } {
  let release: () => void = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  return { released, release }
}
