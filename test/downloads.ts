// Files the app downloads, as a test reads them: jsdom neither makes object URLs nor downloads, so each file's
// content and name are kept instead.
import { vi } from 'vitest'

export function captureDownloads(): { blob: Blob; name: string }[] {
  const files: { blob: Blob; name: string }[] = []
  let pending: Blob | undefined
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    if (blob instanceof Blob) pending = blob
    return 'blob:download'
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (pending) files.push({ blob: pending, name: this.download })
    pending = undefined
  })
  return files
}

/** A downloaded file's text, as a browser's FileReader reads it (jsdom's Blob has no text()). */
export function blobText(blob: Blob | undefined): Promise<string> {
  if (!blob) return Promise.reject(new Error('nothing was exported'))
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('unreadable export'))
    reader.readAsText(blob)
  })
}
