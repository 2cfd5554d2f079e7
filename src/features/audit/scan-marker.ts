// Remembers in localStorage that a details scan is under way (since when, running or paused), so that the app can
// resume it after a reload; what the scan fetched survives in the persisted query cache.
import { z } from 'zod/mini'
import { storedRecord } from '../../lib/stored-record'
import { SCAN_MARKER_KEY } from './scan-marked'

const scanMarkerSchema = z.object({
  /** When the scan started (epoch ms): segments fetched since then are done, whatever their age. */
  startedAt: z.number(),
  status: z.enum(['running', 'paused']),
})

export type ScanMarker = z.infer<typeof scanMarkerSchema>

export interface ScanMarkerStore {
  read: () => ScanMarker | undefined
  write: (marker: ScanMarker) => void
  clear: () => void
}

/** The browser's localStorage; without it (disabled, or Node in unit tests) a scan simply does not resume. */
export const localScanMarkerStore: ScanMarkerStore = storedRecord(() => localStorage, SCAN_MARKER_KEY, scanMarkerSchema)
